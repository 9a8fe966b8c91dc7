import Foundation
import HandoutEngine

/// A finished render as the service keeps it: the engine's result and the ETag of each file.
struct Rendered: Sendable {
    let result: RenderResult
    /// The PDF's ETag (with `.pdf`), or one per page image (with `.png`).
    let pdfTag: String
    let pageTags: [String]

    init(_ result: RenderResult) {
        self.result = result
        pdfTag = Rendered.tag(result.pdf)
        pageTags = result.pngPages.map(Rendered.tag)
    }

    var bytes: Int { result.pdf.count + result.pngPages.reduce(0) { $0 + $1.count } }

    /// A strong ETag from the bytes themselves: the same file has the same tag across
    /// restarts and cache evictions.
    private static func tag(_ data: Data) -> String { "\"\(ContentHash.of(data).hex)-\(data.count)\"" }
}

/// Finished PDFs and previews in memory, at most `limit` bytes, least recently used out
/// first. The key is the whole request (handout, language, country, paper, the unit's
/// profile as loaded, options, date, output) with a fingerprint of the files on disk and
/// the program's version, so an edit anywhere makes a new key. Requests for the same key
/// that arrive while it renders wait for that one render.
actor RenderCache {
    struct Key: Hashable, Sendable {
        let request: RenderRequest
        let fingerprint: UInt64
    }

    struct Statistics: Sendable, Codable {
        var entries = 0
        var bytes = 0
        var limit = 0
        var hits = 0
        var misses = 0
    }

    private struct Entry {
        let value: Rendered
        var lastUse: UInt64
    }

    private var entries: [Key: Entry] = [:]
    private var inFlight: [Key: Task<Rendered, any Error>] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0
    private var hits = 0, misses = 0
    let limit: Int

    init(limit: Int) { self.limit = max(0, limit) }

    func value(for key: Key, render: @escaping @Sendable () async throws -> Rendered) async throws -> Rendered {
        clock += 1
        if var entry = entries[key] {
            entry.lastUse = clock
            entries[key] = entry
            hits += 1
            return entry.value
        }
        if let running = inFlight[key] {
            hits += 1
            return try await running.value
        }
        misses += 1
        let task = Task { try await render() }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        let value = try await task.value
        store(value, for: key)
        return value
    }

    var statistics: Statistics {
        Statistics(entries: entries.count, bytes: bytes, limit: limit, hits: hits, misses: misses)
    }

    private func store(_ value: Rendered, for key: Key) {
        // One file may not push out a quarter of everything else.
        guard value.bytes <= limit / 4 else { return }
        entries[key] = Entry(value: value, lastUse: clock)
        bytes += value.bytes
        while bytes > limit, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            bytes -= oldest.value.value.bytes
            entries[oldest.key] = nil
        }
    }
}
