import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

/// One renderer for the whole test run: one font map per process, as in the program.
enum Shared {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    nonisolated(unsafe) private static var cached: Renderer?
    private static let lock = NSLock()

    /// Pango and the renderer's caches are not thread-safe: tests that use the renderer hold
    /// this lock for the whole use.
    static func withRenderer<T>(_ body: (Renderer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if cached == nil { cached = try Renderer(project: Project(root: root)) }
        return try body(cached!)
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
