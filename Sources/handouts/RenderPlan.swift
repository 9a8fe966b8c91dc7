import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

/// What a `render` command will write: one item per handout, language and paper (or n-up
/// sheet), each with its output file. Built and checked before anything is rendered, so a
/// typo in a name costs nothing.
struct RenderPlan {
    struct Item {
        let edition: Edition
        /// What the render worker is asked for: handout, language as asked, country, paper,
        /// site and variants.
        let request: RenderRequest
        let file: URL
        var handout: String { request.handout }
        var paper: Paper { request.paper! }
    }

    let items: [Item]
    /// Handouts left out, with the reason (not made for the paper, not a card for --n-up).
    let skipped: [(handout: String, reason: String)]
    /// Handouts whose layout could not be read: reported as failed items, the rest go on.
    let failures: [(handout: String, error: Error)]
    let outputFolder: URL
    /// The editions the plan renders, resolved from --lang, --country and the site.
    let editions: [Edition]
    /// The guides those editions print from, in order.
    var languages: [String] { editions.map(\.language.wording) }

    struct Request {
        var handouts: [String]
        var all: Bool
        var common: CommonOptions
        var site: Site
        var output: String?
        var outDir: String
        var nUp: Int?
        var sheet: Paper?
    }

    static func make(project: Project, request: Request) throws -> RenderPlan {
        for name in request.handouts { try project.requireHandout(name) }
        let editions = try request.common.editions(project, site: request.site, allowAll: true)
        if request.output != nil && editions.count > 1 {
            throw UsageError(message: "--output takes one language; use --out-dir with --lang all")
        }
        let paper = try request.common.parsedPaper()
        let options = request.common.renderOptions
        let folder = URL(fileURLWithPath: request.output.map { ($0 as NSString).deletingLastPathComponent } ?? request.outDir,
                         isDirectory: true)
        let several = request.all || request.handouts.count > 1
        var items: [Item] = []
        var skipped: [(String, String)] = []
        var failures: [(String, Error)] = []
        for handout in request.handouts {
            let layout: LayoutSpec
            do {
                layout = try project.layout(handout)
            } catch {
                // One broken layout must not stop a batch: the others still render.
                guard several else { throw error }
                failures.append((handout, error))
                continue
            }
            let supported = options.largePrint ? layout.largePrintPapers : layout.papers
            let imposition = request.nUp.map { Imposition(sheet: (request.sheet ?? .a4).size, cards: $0, faces: layout.maxPages) }
            if let nUp = request.nUp, !layout.papers.contains(where: \.isSheet), let problem = Imposition.problem(cards: nUp, faces: layout.maxPages) {
                throw UsageError(message: "--n-up \(nUp): \(problem)")
            }
            if imposition != nil && layout.papers.contains(where: \.isSheet) {
                guard several else { throw UsageError(message: "--n-up is for the pocket card (alternatives-card), not \(handout)") }
                skipped.append((handout, "--n-up is for cards"))
                continue
            }
            if let paper, !supported.contains(paper) {
                let list = supported.map(\.rawValue).joined(separator: " or ")
                guard several else { throw UsageError(message: "\(handout)\(options.largePrint ? " in large print" : "") is not made for \(paper.rawValue) paper — use --paper \(list)") }
                skipped.append((handout, "it is made for \(list) only"))
                continue
            }
            for edition in editions {
                // Without --paper: every size for --all, else the one the country's printers hold.
                let papers = paper.map { [$0] }
                    ?? (request.all && imposition == nil ? supported : [Paper.preferred(among: supported, country: edition.country.region)])
                for paper in papers {
                    let page = imposition.map { "\($0.cardsPerSheet)up-\((request.sheet ?? .a4).rawValue)" } ?? paper.rawValue
                    let file = request.output.map { URL(fileURLWithPath: $0) }
                        ?? folder.appendingPathComponent(FileStem.make(handout: handout, edition: edition.tag, page: page,
                                                                       suffix: request.common.fileSuffix) + ".pdf")
                    let renderRequest = RenderRequest(handout: handout, language: edition.language.requested,
                                                country: request.common.country, paper: paper, site: request.site, options: options,
                                                nUp: request.nUp, sheet: request.nUp == nil ? nil : (request.sheet ?? .a4))
                    items.append(Item(edition: edition, request: renderRequest, file: file))
                }
            }
        }
        return RenderPlan(items: items, skipped: skipped, failures: failures, outputFolder: folder, editions: editions)
    }
}
