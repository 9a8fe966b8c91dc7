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
