import Foundation
import HandoutEngine
@testable import HandoutServer
import Testing

/// The pool of helper processes as the server stops: what was asked is answered, and
/// nothing starts a helper afterwards (one would outlive the server).
@Suite struct WorkerPoolTests {
    @Test func aRequestAfterShutdownFailsInsteadOfStartingAHelper() async throws {
        let settings = try TestServer.settings()
        let pool = WorkerPool(executable: settings.helper, arguments: settings.helperArguments, count: 1)
        let request = RenderRequest(handout: "colostrum-facts", language: "en", date: TestServer.date)
        let before = try await pool.render(request)
        #expect(before.pdf.starts(with: Data("%PDF-".utf8)))

        await pool.shutdown()
        await #expect {
            _ = try await pool.render(request)
        } throws: { error in
            (error as? RenderFailure)?.message.contains("stopped") == true
        }
    }
}
