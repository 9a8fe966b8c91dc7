import Foundation
import HandoutEngine
import HandoutModel
import Hummingbird

/// The files: `/handouts/{handout}.pdf` (the stable link for other systems), the page's
/// preview images and thumbnails, and the stylesheet.
struct FileRoutes: Sendable {
    let service: HandoutService

    static let thumbnailDPI = 24.0

    /// `GET /handouts/first-week.pdf?lang=ar&paper=a4&unit=riverside&variant=large`
    func pdf(_ request: Request, handout: String) async throws -> Response {
        let choice = try HandoutChoice.parse(handout: handout, query: request.uri.queryParameters, project: service.project,
                                             units: service.units)
        let rendered = try await service.render(choice, output: .pdf)
        return Responses.file(rendered.result.pdf, type: "application/pdf", etag: rendered.pdfTag, request: request,
                              fileName: HandoutService.fileName(choice, rendered.result))
    }

    /// `GET /previews/first-week.png?lang=ar&…&page=2`: one page as the page shows it.
    func preview(_ request: Request, handout: String) async throws -> Response {
        let query = request.uri.queryParameters
        let choice = try HandoutChoice.parse(handout: handout, query: query, project: service.project, units: service.units,
                                             defaultUnit: service.units.defaultUnit)
        let rendered = try await service.render(choice, output: .png(dpi: PageRoutes.previewDPI))
        let pages = rendered.result.pngPages
        guard let page = query.get("page").flatMap({ Int($0) }), page >= 1, page <= pages.count else {
            throw RequestError(.notFound, "page= takes 1 to \(pages.count): \(handout) has \(pages.count) page\(pages.count == 1 ? "" : "s")")
        }
        return Responses.file(pages[page - 1], type: "image/png", etag: rendered.pageTags[page - 1], request: request)
    }

    /// `GET /thumbnails/first-week.png`: the first page, small, in English, for the menu.
    func thumbnail(_ request: Request, handout: String) async throws -> Response {
        guard service.project.handouts.contains(handout) else {
            throw RequestError(.notFound, "unknown handout \"\(LoadError.oneLine(String(handout.prefix(60))))\" — "
                                   + NearestName.hint(for: handout, among: service.project.handouts, noun: "one of"))
        }
        let choice = HandoutChoice(handout: handout, language: "en", unit: nil, country: nil, paper: nil, variant: .standard)
        let rendered = try await service.render(choice, output: .png(dpi: FileRoutes.thumbnailDPI))
        guard let first = rendered.result.pngPages.first, let tag = rendered.pageTags.first else {
            throw RequestError(.unprocessableContent, "\(handout) has no pages")
        }
        return Responses.file(first, type: "image/png", etag: tag, request: request)
    }

    func stylesheet(_ request: Request) -> Response {
        let data = Data(Stylesheet.css.utf8)
        var response = Responses.file(data, type: "text/css; charset=utf-8", etag: "\"\(ContentHash.of(data).hex)\"", request: request)
        response.headers[.cacheControl] = "max-age=3600"
        return response
    }
}
