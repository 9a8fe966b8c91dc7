import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

/// One renderer for the whole test run: one font map per process, as in the program.
enum Shared {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The test process's one render worker: every test that needs the engine goes
    /// through it, as the program does, so no two tests drive Pango at once.
    static let worker: RenderWorker = {
        do { return try RenderWorker(project: Project(root: root)) } catch { fatalError("no render worker: \(error)") }
    }()

    static func withRenderer<T: Sendable>(_ body: @Sendable (Renderer) throws -> T) async throws -> T {
        try await worker.withRenderer(body)
    }

    /// The handouts that have a large-print version: all but the milk labels, which come in
    /// the size of their label stock.
    static func largePrintHandouts(_ renderer: Renderer) throws -> [String] {
        try renderer.project.handouts.filter { try renderer.project.layout($0).largePrintProblem == nil }
    }

    /// Every shipped handout and paper.
    static func allEnglishDocuments(_ renderer: Renderer) throws -> [(handout: String, paper: Paper)] {
        try renderer.project.handouts.flatMap { handout in
            try renderer.project.layout(handout).papers.map { (handout, $0) }
        }
    }
}

extension Renderer {
    /// A document for a language tag and an optional country, chosen as the command line does.
    func document(handout: String, language: String, country: String? = nil, paper: Paper?, site: Site = .neutral,
                  date: Int? = nil, options: RenderOptions = .standard) throws -> Document {
        let edition = try project.edition(language: language, country: country, site: site)
        return try document(handout: handout, edition: edition, paper: paper, site: site, date: date, options: options)
    }

    func imposedCard(handout: String, language: String, country: String? = nil, paper: Paper?, site: Site = .neutral,
                     date: Int? = nil, options: RenderOptions = .standard, imposition: Imposition) throws -> LaidOutDocument {
        let edition = try project.edition(language: language, country: country, site: site)
        return try imposedCard(handout: handout, edition: edition, paper: paper, site: site, date: date, options: options,
                               imposition: imposition)
    }

    func renderPDF(handout: String, language: String, country: String? = nil, paper: Paper?, site: Site = .neutral,
                   date: Int? = nil, options: RenderOptions = .standard) throws -> (pdf: Data, document: LaidOutDocument) {
        let edition = try project.edition(language: language, country: country, site: site)
        return try renderPDF(handout: handout, edition: edition, paper: paper, site: site, date: date, options: options)
    }
}
