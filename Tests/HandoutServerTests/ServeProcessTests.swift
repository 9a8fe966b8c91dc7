import Foundation
import Testing

/// `handouts serve` as IT starts it: the handouts program becomes handouts-server, which
/// answers /healthz within a second, logs a line per request and stops cleanly on SIGTERM.
@Suite struct ServeProcessTests {
    @Test func itStartsQuicklyAnswersAndStopsOnSIGTERM() async throws {
        let process = Process()
        process.executableURL = TestServer.handouts
        process.arguments = ["serve", "--port", "0", "--root", TestServer.root.path, "--workers", "1"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let started = ContinuousClock.now
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
        // Should it hang, its output ends and the reads below return.
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { kill(pid, SIGKILL) }

        let lines = LineReader(output.fileHandleForReading)
        let listening = try #require(lines.next(containing: "listening on http://127.0.0.1:"), "no 'listening' line: \(lines.seen)")
        let port = try #require(Int(listening.split(separator: ":").last?.filter(\.isNumber) ?? ""))
        let health = try TinyHTTP(port: port).get("/healthz")
        let elapsed = ContinuousClock.now - started
        #expect(health.status == 200)
        // Sanitizer builds run several times slower; the limit is for a normal build.
        let limit: Duration = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil ? .seconds(1) : .seconds(5)
        #expect(elapsed < limit, "the server took \(elapsed) to answer /healthz")
        #expect(lines.next(containing: "GET /healthz 200") != nil, "no request log line: \(lines.seen)")

        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "still running 10 s after SIGTERM")
        if !process.isRunning { #expect(process.terminationStatus == 0) }
    }

    @Test func itSaysWhatIsWrongWithItsOptions() throws {
        let result = try Run.program(TestServer.handouts, ["serve", "--units", "/nonexistent/units"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: --units /nonexistent/units: no such folder — give the folder of unit profiles\n")
        let help = try Run.program(TestServer.handouts, ["serve", "--help"])
        #expect(help.stdout.contains("--printers"))
    }
}

/// Lines from a pipe, read as they come, for waiting on a program's log.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private(set) var seen: [String] = []

    init(_ handle: FileHandle) { self.handle = handle }

    /// The first line from now on that contains `text`, or nil at the end of the output.
    func next(containing text: String) -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                seen.append(line)
                if line.contains(text) { return line }
                continue
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
