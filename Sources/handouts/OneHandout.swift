import Foundation
import HandoutEngine
import HandoutModel

/// One handout in one language and paper, composed and ready to lay out: what `preview` and
/// `print` start from, with the same checks and messages for a wrong name, language or paper.
struct OneHandout {
    let renderer: Renderer
    let document: Document

    /// HANDOUT-LANGUAGE-PAPER plus the variant suffix, as `render` names its files.
    let stem: String

    init(_ handout: String, options common: CommonOptions) throws {
        let project = try ProjectLocator.locate(root: common.root)
        try project.requireHandout(handout)
        let paper = try common.parsedPaper()
        let site = try common.loadSite(project)
        let edition = try common.editions(project, site: site, allowAll: false)[0]
        if edition.country.region == nil {
            Console.warning("no country given (--country CC, country: in the site profile, or a region in --lang): no emergency number is printed")
        }
        renderer = try Renderer(project: project)
        document = try renderer.document(handout: handout, edition: edition, paper: paper, site: site, options: common.renderOptions)
        stem = "\(handout)-\(edition.tag)-\(document.paper.rawValue)\(common.fileSuffix)"
    }
}

extension Project {
    /// A usage error for a handout name the layouts do not have, with the nearest valid one.
    func requireHandout(_ name: String) throws {
        guard !handouts.contains(name) else { return }
        throw UsageError(message: "unknown handout \"\(name)\" — \(NearestName.hint(for: name, among: handouts, noun: "one of"))")
    }
}
