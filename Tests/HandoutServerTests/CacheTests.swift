import Foundation
import HandoutEngine
import HandoutModel
@testable import HandoutServer
import HummingbirdTesting
import Testing

/// The cache of finished files: the same request comes from memory; an edit on disk to a
/// guide or a unit's profile is seen at once, without a restart; the memory is bounded.
@Suite struct CacheTests {
    @Test func aRepeatComesFromMemory() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            let first = try await client.execute(uri: "/handouts/colostrum-facts.pdf?lang=pl", method: .get)
            let before = try CacheTests.statistics(try await client.execute(uri: "/healthz", method: .get))
            let second = try await client.execute(uri: "/handouts/colostrum-facts.pdf?lang=pl", method: .get)
            let after = try CacheTests.statistics(try await client.execute(uri: "/healthz", method: .get))
            #expect(first.data == second.data)
            #expect(after["hits"] == (before["hits"] ?? 0) + 1)
            #expect(after["misses"] == before["misses"])
        }
    }

    @Test func anEditedGuideIsSeenWithoutARestart() async throws {
        let copy = try TestServer.projectCopy()
        let guide = copy.appendingPathComponent("Guide/en.yaml")
        try await TestServer.with(TestServer.settings(root: copy)) { client in
            let before = try await client.execute(uri: "/handouts/colostrum-facts.pdf", method: .get)
            #expect(before.status == .ok)
            let text = try String(contentsOf: guide, encoding: .utf8)
            let edited = text.replacingOccurrences(of: "    title: Colostrum\n", with: "    title: Colostrum, edited on the ward\n")
            #expect(edited != text, "the English guide's colostrum title line has changed; update this test")
            try edited.write(to: guide, atomically: true, encoding: .utf8)
            let after = try await client.execute(uri: "/handouts/colostrum-facts.pdf", method: .get)
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != before.headers[.eTag])
            #expect(try CacheTests.text(after.data).contains("edited on the ward"))
        }
    }

    @Test func anEditedUnitProfileIsSeenWithoutARestart() async throws {
        let units = try TestServer.unitsFolder()
        let profile = units.appendingPathComponent("hillside.yaml")
        try await TestServer.with(TestServer.settings(units: units)) { client in
            let before = try await client.execute(uri: "/handouts/colostrum-facts.pdf?unit=hillside", method: .get)
            #expect(try CacheTests.text(before.data).contains("Hillside Birth Centre"))
            try "unit: Hillside Midwife-led Unit\nphones:\n  ward: \"020 7946 0400\"\n".write(to: profile, atomically: true, encoding: .utf8)
            let after = try await client.execute(uri: "/handouts/colostrum-facts.pdf?unit=hillside", method: .get)
            #expect(try CacheTests.text(after.data).contains("Hillside Midwife-led Unit"))
            // A profile added while running is a unit at once.
            try "unit: Lakeside Ward\n".write(to: units.appendingPathComponent("lakeside.yaml"), atomically: true, encoding: .utf8)
            #expect(try await client.execute(uri: "/handouts/colostrum-facts.pdf?unit=lakeside", method: .get).status == .ok)
        }
    }

    @Test func theCacheStaysWithinItsBytes() async throws {
        let cache = RenderCache(limit: 10_000)
        for index in 0..<20 {
            let request = RenderRequest(handout: "colostrum-facts", language: "en", date: index)
            let key = RenderCache.Key(request: request, fingerprint: 1)
            _ = try await cache.value(for: key) { CacheTests.fake(bytes: 2_000) }
        }
        let statistics = await cache.statistics
        #expect(statistics.bytes <= 10_000)
        #expect(statistics.entries == 5)
        #expect(statistics.misses == 20)
        // The most recent are the ones kept.
        let recent = RenderCache.Key(request: RenderRequest(handout: "colostrum-facts", language: "en", date: 19), fingerprint: 1)
        _ = try await cache.value(for: recent) { CacheTests.fake(bytes: 2_000) }
        #expect(await cache.statistics.hits == 1)
        // A changed fingerprint is another key.
        let changed = RenderCache.Key(request: recent.request, fingerprint: 2)
        _ = try await cache.value(for: changed) { CacheTests.fake(bytes: 2_000) }
        #expect(await cache.statistics.misses == 21)
    }

    @Test func simultaneousRequestsForOneFileRenderItOnce() async throws {
        let cache = RenderCache(limit: 1 << 20)
        let key = RenderCache.Key(request: RenderRequest(handout: "first-week", language: "ar"), fingerprint: 7)
        let counter = RenderCounter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    _ = try await cache.value(for: key) {
                        await counter.increment()
                        try await Task.sleep(for: .milliseconds(100))
                        return CacheTests.fake(bytes: 100)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await counter.count == 1)
    }

    /// A result of `bytes` bytes (the engine's type has no public initializer; it is Codable).
    static func fake(bytes: Int) -> Rendered {
        let json = """
            {"pdf": "\(Data(count: bytes).base64EncodedString())", "pngPages": [], "pages": 1, "paper": "a4", "editionTag": "en",
             "notes": [], "hasCountry": false, "typeScale": 1, "gapScale": 1, "lineScale": 1}
            """
        do { return Rendered(try JSONDecoder().decode(RenderResult.self, from: Data(json.utf8))) } catch {
            fatalError("RenderResult's fields have changed: \(error)")
        }
    }

    static func statistics(_ response: TestResponse) throws -> [String: Int] {
        let json = try #require(try JSONSerialization.jsonObject(with: response.data) as? [String: Any])
        return try #require(json["cache"] as? [String: Int])
    }

    static func text(_ pdf: Data) throws -> String {
        let file = try TestServer.temporaryFolder().appendingPathComponent("file.pdf")
        try pdf.write(to: file)
        return try Run.tool("pdftotext", [file.path, "-"]).stdout
    }
}

actor RenderCounter {
    private(set) var count = 0
    func increment() { count += 1 }
}
