import Foundation
import HandoutEngine
import HandoutModel

/// One handout in one language and paper, as `preview` and `print` make it: the same
/// checks and messages as `render` for a wrong name, language or paper, rendered by this
/// process's render worker.
struct OneHandout {
    let request: RenderRequest
    let project: Project
    let worker: RenderWorker

    init(_ handout: String, options common: CommonOptions, output: RenderRequest.Output, nUp: Int? = nil, sheet: Paper? = nil) throws {
        project = try ProjectLocator.locate(root: common.root)
        try project.requireHandout(handout)
        let paper = try common.parsedPaper()
        let site = try common.loadSite(project)
        let edition = try common.editions(project, site: site, allowAll: false)[0]
        if edition.country.region == nil, (try? project.layout(handout))?.isLabelSheet != true {
            Console.warning("no country given (--country CC, country: in the site profile, or a region in --lang): no emergency number is printed")
        }
        request = RenderRequest(handout: handout, language: edition.language.requested, country: common.country, paper: paper,
                                site: site, options: common.renderOptions, nUp: nUp, sheet: sheet,
                                date: Environment.value("SOURCE_DATE_EPOCH").flatMap(Int.init), output: output)
        worker = try RenderWorker(project: project)
    }

    /// The site profile's texts and logo, checked once before rendering; what was changed
    /// (a logo scaled down) is said as a warning.
    func checkSite() async throws {
        for note in try await worker.check(site: request.site) { Console.warning(note) }
    }

    func render() async throws -> RenderResult { try await worker.render(request) }

    /// HANDOUT-EDITION-PAPER (or -2up-SHEET) plus the variant suffix, as `render` names its files.
    static func stem(_ result: RenderResult, handout: String, options: CommonOptions, nUp: Int? = nil, sheet: Paper? = nil) -> String {
        let page = nUp.map { "\($0)up-\((sheet ?? .a4).rawValue)" } ?? result.paper.rawValue
        return FileStem.make(handout: handout, edition: result.editionTag, page: page, suffix: options.fileSuffix)
    }
}

extension Project {
    /// A usage error for a handout name the layouts do not have, with the nearest valid one.
    func requireHandout(_ name: String) throws {
        guard !handouts.contains(name) else { return }
        throw UsageError(message: "unknown handout \"\(name)\" — \(NearestName.hint(for: name, among: handouts, noun: "one of"))")
    }
}
