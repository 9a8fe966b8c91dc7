import Foundation
import HandoutEngine
import HandoutModel
import Testing

/// The engine as a long-running service uses it: many tasks at once through the public
/// API. Every PDF must be byte for byte the one a serial render makes, and nothing crashes.
@Suite struct ConcurrencyTests {
    static let site: Site = {
        let url = Shared.root.appendingPathComponent("docs/site.example.yaml")
        do { return try SiteLoader.load(url, displayName: "docs/site.example.yaml") } catch { fatalError("\(error)") }
    }()

    /// 25 different requests: each handout, several languages and countries, with and
    /// without the unit's profile, a variant and an n-up sheet.
    static func requests() throws -> [RenderRequest] {
        let project = try Project(root: Shared.root)
        let languages = Array(project.languages.prefix(6))
        var requests: [RenderRequest] = []
        for (index, language) in languages.enumerated() {
            for handout in ["colostrum-facts", "first-week", "alternatives-card"] {
                requests.append(RenderRequest(handout: handout, language: language, country: index % 2 == 0 ? "GB" : "US",
                                              site: index % 3 == 0 ? site : .neutral, date: 1_796_083_200))
            }
        }
        requests.append(RenderRequest(handout: "first-week", language: "en-US", options: RenderOptions(largePrint: true), date: 1_796_083_200))
        requests.append(RenderRequest(handout: "colostrum-facts", language: "en", options: RenderOptions(grayscale: true), date: 1_796_083_200))
        requests.append(RenderRequest(handout: "alternatives-card", language: "en", nUp: 2, sheet: .letter, date: 1_796_083_200))
        requests.append(RenderRequest(handout: "first-week", language: "en", paper: .a5, site: site, date: 1_796_083_200))
        requests.append(RenderRequest(handout: "colostrum-facts", language: "es-MX", date: 1_796_083_200))
        while requests.count < 25 { requests.append(requests[requests.count % 18]) }
        return Array(requests.prefix(25))
    }

    @Test func twoHundredRendersFromEightTasksMatchSerialRenders() async throws {
        let requests = try ConcurrencyTests.requests()
        var serial: [Data] = []
        for request in requests { serial.append(try await Shared.worker.render(request).pdf) }
        let expected = serial
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for (index, request) in requests.enumerated().shuffled(seed: task) {
                        if try await Shared.worker.render(request).pdf != expected[index] { wrong += 1 }
                    }
                    return wrong
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0, "\(mismatches) of 200 concurrent renders differ from the serial ones")
    }

    /// A second worker in the same process is refused: two would drive Pango at once.
    @Test func aSecondWorkerIsRefused() async throws {
        _ = Shared.worker
        #expect(throws: RenderFailure.self) { try RenderWorker(project: Project(root: Shared.root)) }
    }
}

extension Sequence {
    /// A fixed shuffle per seed, so each task asks in its own order.
    func shuffled(seed: Int) -> [Element] {
        var generator = SeededGenerator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        return shuffled(using: &generator)
    }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
}
