import Foundation
import HandoutEngine
import HandoutModel
import HandoutPrinting
import Hummingbird
import HummingbirdCore

/// The nurse's page (`GET /`) and its print form (`POST /print`).
struct PageRoutes: Sendable {
    let service: HandoutService

    /// Preview images: sharp enough to read a heading, small enough to load at once.
    static let previewDPI = 64.0
    /// A print form is a few hundred bytes; nothing larger is read.
    static let largestForm = 4096

    func page(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        var page = emptyPage(query)
        guard let handout = query.get("handout"), !handout.isEmpty else { return Responses.html(page.render()) }
        do {
            let choice = try HandoutChoice.parse(handout: handout, query: query, project: service.project, units: service.units,
                                                 defaultUnit: service.units.defaultUnit)
            page.preview = try await preview(choice)
            return Responses.html(page.render())
        } catch {
            let problem = RequestError.from(error)
            page.error = problem.message
            return Responses.html(page.render(), status: problem.status)
        }
    }

    /// Prints only with this process's token and only on an allowlisted printer; answers
    /// with the CUPS job or the reason there is none.
    func print(_ request: Request) async -> Response {
        var request = request
        let form: Parameters
        do {
            let body = try await request.collectBody(upTo: PageRoutes.largestForm)
            form = URI("/print?" + String(buffer: body)).queryParameters
        } catch {
            return Responses.error(RequestError(.contentTooLarge, "the print form is larger than \(PageRoutes.largestForm) bytes — use the page's own form"), json: false)
        }
        var page = emptyPage(form)
        do {
            let (printer, copies) = try checkPrintForm(form)
            let choice = try HandoutChoice.parse(handout: form.get("handout") ?? "", query: form, project: service.project,
                                                 units: service.units, defaultUnit: service.units.defaultUnit)
            let rendered = try await service.render(choice, output: .pdf)
            let title = String(HandoutService.fileName(choice, rendered.result).dropLast(4))
            let job = try await PageRoutes.submit(rendered.result.pdf, title: title, printer: printer, copies: copies)
            page.printed = "Sent \(copies == 1 ? "1 copy" : "\(copies) copies") of \(title) to \(printer): CUPS job \(job)."
            page.preview = try await preview(choice)
            return Responses.html(page.render())
        } catch {
            let problem = RequestError.from(error)
            page.error = problem.message
            return Responses.html(page.render(), status: problem.status)
        }
    }

    private func checkPrintForm(_ form: Parameters) throws -> (printer: String, copies: Int) {
        guard !service.settings.printers.isEmpty else {
            throw RequestError(.forbidden, "printing is not set up on this server — download the PDF, or start the server with --printers QUEUE")
        }
        guard service.token.accepts(form.get("token")) else {
            throw RequestError(.forbidden, "this print form did not come from this page, or the server has restarted since — reload the page and print again")
        }
        let printer = form.get("printer") ?? ""
        guard service.settings.printers.contains(printer) else {
            throw RequestError(.forbidden, "printer \"\(printer.prefix(40))\" is not one this page prints on — use "
                                   + service.settings.printers.joined(separator: " or "))
        }
        guard let copies = form.get("copies").flatMap({ Int($0) }), (1...100).contains(copies) else {
            throw RequestError(.badRequest, "copies takes 1 to 100")
        }
        return (printer, copies)
    }

    /// lp waits for the scheduler: off the server's threads.
    private static func submit(_ pdf: Data, title: String, printer: String, copies: Int) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    let line = try CUPSQueue.submit(pdf, title: title, printer: printer, copies: copies, lp: CUPSQueue.lpCommand())
                    // "request id is Ward3-12 (1 file(s))" -> "Ward3-12"
                    let words = line.split(separator: " ")
                    if let index = words.firstIndex(of: "is"), index + 1 < words.count { return String(words[index + 1]) }
                    return line
                })
            }
        }
    }

    private func preview(_ choice: HandoutChoice) async throws -> NursePage.Preview {
        let rendered = try await service.render(choice, output: .pdf)
        let result = rendered.result
        let language = try? service.project.guide(choice.language)
        let title = language?.handouts[choice.handout]?.title.source ?? choice.handout
        return NursePage.Preview(choice: choice, title: title, pages: result.pages, paper: result.paper,
                                 fileName: HandoutService.fileName(choice, result), bytes: result.pdf.count,
                                 notes: result.notes, hasCountry: result.hasCountry)
    }

    /// The page with the menus set from whatever in the query is valid.
    private func emptyPage(_ query: Parameters) -> NursePage {
        let project = service.project
        var selection = NursePage.Selection()
        if let handout = query.get("handout"), project.handouts.contains(handout) { selection.handout = handout }
        if let tag = query.get("lang"), tag.count <= HandoutChoice.longestValue,
           let choice = try? project.languageResolver.resolve(tag) {
            selection.language = choice.guide
        }
        switch query.get("unit") {
        case "none": selection.unit = nil
        case let id? where service.units.ids.contains(id): selection.unit = id
        default: selection.unit = service.units.defaultUnit
        }
        if let code = query.get("country")?.uppercased(), project.regions.contains(code) { selection.country = code }
        selection.paper = query.get("paper").flatMap { Paper(rawValue: $0.lowercased()) }
        selection.variant = query.get("variant").flatMap(Variant.init(rawValue:)) ?? .standard
        selection.withEnglish = query.get("with") == "en"
        return NursePage(catalogue: PageCatalogue(project: project, units: service.units), selection: selection,
                         printers: service.settings.printers, token: service.token)
    }
}
