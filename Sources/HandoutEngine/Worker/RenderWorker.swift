import Foundation
import HandoutLayout
import HandoutModel
import Synchronization

/// The one owner of the process's Pango, fontconfig, FreeType and Cairo state. Those
/// libraries are not safe to drive from two threads here (crashes in FreeType, line breaks
/// that differ), so all of it lives behind this actor: any number of tasks may call
/// `render`, and the calls run one after another. Parallel work uses processes
/// (`WorkerPool`). There is at most one per process.
public actor RenderWorker {
    private let renderer: Renderer
    private static let live = Mutex(false)

    public init(project: Project) throws {
        try RenderWorker.live.withLock { live in
            guard !live else { throw RenderFailure(kind: .internalError, message: "a render worker is already running in this process") }
            live = true
        }
        do {
            renderer = try Renderer(project: project)
        } catch {
            RenderWorker.live.withLock { $0 = false }
            throw error
        }
    }

    deinit { RenderWorker.live.withLock { $0 = false } }

    public nonisolated let creator = Renderer.creator

    /// Renders one request; failures come back as a `RenderFailure` with a one-line message.
    public func render(_ request: RenderRequest) throws -> RenderResult {
        do {
            return try renderUnchecked(request)
        } catch let failure as RenderFailure {
            throw failure
        } catch {
            throw RenderFailure(kind: RenderWorker.kind(of: error), message: String(describing: error))
        }
    }

    /// Checks a site profile before a batch renders with it (glyphs, logo): a mistake is
    /// said once, at the profile's line. Returns what was changed (a logo scaled down).
    public func check(site: Site) throws -> [String] {
        try renderer.check(site: site)
    }

    /// Runs `body` with the renderer, on the worker: for checks and tests that need the
    /// engine's parts (the typesetter, the layouter) rather than a finished file.
    public func withRenderer<T: Sendable>(_ body: @Sendable (Renderer) throws -> T) rethrows -> T {
        try body(renderer)
    }

    private func renderUnchecked(_ request: RenderRequest) throws -> RenderResult {
        let project = renderer.project
        guard project.handouts.contains(request.handout) else {
            throw RenderFailure(kind: .request, message: "unknown handout \"\(LoadError.oneLine(String(request.handout.prefix(60))))\" — "
                                    + NearestName.hint(for: request.handout, among: project.handouts, noun: "one of"))
        }
        if request.options.largePrint, let problem = try project.layout(request.handout).largePrintProblem {
            throw RenderFailure(kind: .request, message: problem)
        }
        if let paper = request.paper {
            let layout = try project.layout(request.handout)
            let papers = request.options.largePrint ? layout.largePrintPapers : layout.papers
            guard papers.contains(paper) else {
                throw RenderFailure(kind: .request, message: "\(request.handout)\(request.options.largePrint ? " in large print" : "") is not made for "
                                        + "\(paper.rawValue) paper — use \(papers.map(\.rawValue).joined(separator: " or "))")
            }
        }
        let edition = try project.edition(language: request.language, country: request.country, site: request.site)
        var laidOut: LaidOutDocument
        var companion: Edition? = nil
        if request.with != nil && request.nUp != nil {
            throw RenderFailure(kind: .request, message: "--with makes a bilingual sheet; --n-up is for the one-language pocket card")
        }
        if let cards = request.nUp {
            let layout = try project.layout(request.handout)
            if let problem = Imposition.problem(cards: cards, faces: layout.maxPages) {
                throw RenderFailure(kind: .request, message: "--n-up \(cards): \(problem)")
            }
            let imposition = Imposition(sheet: (request.sheet ?? .a4).size, cards: cards, faces: layout.maxPages)
            laidOut = try renderer.imposedCard(handout: request.handout, edition: edition, paper: request.paper, site: request.site,
                                               date: request.date, options: request.options, imposition: imposition)
        } else if let with = request.with {
            // A bilingual edition: both languages in the mother's country.
            companion = try project.companionEdition(language: with, besides: edition)
            laidOut = try renderer.layout(renderer.document(handout: request.handout, edition: edition, companion: companion!,
                                                            paper: request.paper, site: request.site, date: request.date,
                                                            options: request.options),
                                          site: request.site)
        } else {
            laidOut = try renderer.layout(renderer.document(handout: request.handout, edition: edition, paper: request.paper,
                                                            site: request.site, date: request.date, options: request.options),
                                          site: request.site)
        }
        if let bleed = request.bleed {
            if let problem = try project.layout(request.handout).bleedProblem { throw RenderFailure(kind: .request, message: problem) }
            guard request.nUp == nil else {
                throw RenderFailure(kind: .request, message: "--bleed is for single pages: an --n-up sheet has its own crop marks")
            }
            guard bleed > 0 && bleed <= Bleed.maximumMM else {
                throw RenderFailure(kind: .request, message: "--bleed takes millimetres, more than 0 and at most \(Int(Bleed.maximumMM)) (print shops ask for 3)")
            }
            laidOut = Bleed(mm: bleed).apply(laidOut)
        }
        var pdf = Data(), pngs: [Data] = []
        switch request.output {
        case .pdf: pdf = try renderer.pdf(laidOut)
        case .png(let dpi): pngs = try renderer.png(laidOut, dpi: dpi)
        }
        return RenderResult(pdf: pdf, pngPages: pngs, pages: laidOut.pages.count, paper: laidOut.document.paper,
                            editionTag: edition.tag(with: companion), notes: edition.notes + (companion?.language.notes ?? []), hasCountry: edition.country.region != nil,
                            typeScale: laidOut.scale, gapScale: laidOut.gapScale, lineScale: laidOut.lineScale)
    }

    /// What kind of mistake an error is, for exit statuses and web status codes.
    static func kind(of error: Error) -> RenderFailure.Kind {
        switch error {
        case is LanguageError, is UnknownCountry, is CompanionError, is BilingualUnavailable: return .request
        case let engine as EngineError:
            if case .output = engine { return .io }
            return .data
        default: return .data
        }
    }
}
