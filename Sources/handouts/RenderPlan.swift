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
    /// Said once before rendering (a language left out of --lang all because it is --with's).
    var notes: [String] = []

    struct Request {
        var handouts: [String]
        var all: Bool
        var common: CommonOptions
        var site: Site
        var output: String?
        var outDir: String
        var nUp: Int?
        var sheet: Paper?
        /// --bleed, in millimetres: print-shop pages, named -bleed so they never replace the plain ones.
        var bleed: Double? = nil
        /// --with: the staff's language of a bilingual edition ("en"), files named HANDOUT-ar+en-PAPER.
        var with: String? = nil
    }

    static func make(project: Project, request: Request) throws -> RenderPlan {
        for name in request.handouts { try project.requireHandout(name) }
        let editions = try request.common.editions(project, site: request.site, allowAll: true)
        if request.output != nil && editions.count > 1 {
            throw UsageError(message: "--output takes one language; use --out-dir with --lang all")
        }
        let paper = try request.common.parsedPaper()
        // --with: each edition's partner, in its country; --lang all leaves out the partner's own language.
        var companions: [Edition?] = editions.map { _ in nil }
        var notes: [String] = []
        if let with = request.with {
            (companions, notes) = try Bilingual.companions(for: editions, with: with, project: project)
        }
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
            if options.largePrint, let problem = layout.largePrintProblem {
                guard several else { throw UsageError(message: problem) }
                skipped.append((handout, "it has no large-print version (labels come in the stock's size)"))
                continue
            }
            if request.bleed != nil, let problem = layout.bleedProblem {
                guard several else { throw UsageError(message: problem) }
                skipped.append((handout, "it takes no bleed (labels print at actual size on die-cut stock)"))
                continue
            }
            if request.with != nil, let problem = layout.bilingualProblem(largePrint: options.largePrint) {
                guard several else { throw UsageError(message: problem) }
                skipped.append((handout, layout.isLabelSheet ? "it has no bilingual edition (each label already carries its English line)"
                                             : "it has no bilingual edition (a pocket card has no room for a second language; with --large-print it has)"))
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
            for (edition, companion) in zip(editions, companions) where request.with == nil || companion != nil {
                // Without --paper: every size for --all, else the one the country's printers hold.
                let papers = paper.map { [$0] }
                    ?? (request.all && imposition == nil ? supported : [Paper.preferred(among: supported, country: edition.country.region)])
                for paper in papers {
                    let page = imposition.map { "\($0.cardsPerSheet)up-\((request.sheet ?? .a4).rawValue)" } ?? paper.rawValue
                    let file = request.output.map { URL(fileURLWithPath: $0) }
                        ?? folder.appendingPathComponent(FileStem.make(handout: handout, edition: edition.tag(with: companion), page: page,
                                                                       suffix: request.common.fileSuffix + (request.bleed == nil ? "" : "-bleed")) + ".pdf")
                    var renderRequest = RenderRequest(handout: handout, language: edition.language.requested,
                                                country: request.common.country, paper: paper, site: request.site, options: options,
                                                nUp: request.nUp, sheet: request.nUp == nil ? nil : (request.sheet ?? .a4),
                                                bleed: request.bleed)
                    renderRequest.with = companion?.language.requested
                    items.append(Item(edition: edition, request: renderRequest, file: file))
                }
            }
        }
        if options.grayscale { notes += try Self.colourWarnings(Set(items.map(\.request.handout)), project: project) }
        return RenderPlan(items: items, skipped: skipped, failures: failures, outputFolder: folder, editions: editions, notes: notes)
    }

    /// In greys a colour card would mislead (pale and yellow look alike), so its swatches are
    /// left out and the words stay: said once per handout that has one.
    private static func colourWarnings(_ handouts: Set<String>, project: Project) throws -> [String] {
        let english = try project.guide("en")
        return try handouts.sorted().compactMap { handout in
            let ids = try project.layout(handout).pages.flatMap { $0 }.flatMap { row -> [Placement] in
                switch row {
                case .single(let placement): return [placement]
                case .columns(let columns): return columns.flatMap { $0 }
                }
            }.compactMap { placement -> String? in
                if case .block(let id) = placement.content { return id }
                return nil
            }
            guard ids.contains(where: { english.blocks[$0]?.swatches != nil }) else { return nil }
            return "\(handout): --grayscale leaves out the stool-colour swatches, because colour matters there — the words stay; "
                + "print that page in colour, or give the parent the printed colour card"
        }
    }
}
