import Foundation
import HandoutProcess
import Testing

/// `handouts serve` as IT starts it: the handouts program becomes handouts-server, which
/// answers /healthz, logs a line per request and stops cleanly on SIGTERM.
@Suite struct ServeProcessTests {
    @Test func itStartsAnswersAndStopsOnSIGTERM() async throws {
        let process = try ChildProcess(executable: TestServer.handouts.path,
                                       arguments: ["serve", "--port", "0", "--root", TestServer.root.path, "--workers", "1"],
                                       output: .pipe, error: .sameAsOutput)
        defer { process.send(SIGKILL); process.wait() }
        // Should it hang, its output ends and the reads below return. (How fast it starts
        // is measured by Benchmarks/web-load.sh, not asserted here.)
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { process.send(SIGKILL) }

        let lines = LineReader(try #require(process.standardOutput))
        let listening = try #require(lines.next(containing: "listening on http://127.0.0.1:"), "no 'listening' line: \(lines.seen)")
        let port = try #require(Int(listening.split(separator: ":").last?.filter(\.isNumber) ?? ""))
        let health = try TinyHTTP(port: port).get("/healthz")
        #expect(health.status == 200)
        #expect(lines.next(containing: "GET /healthz 200") != nil, "no request log line: \(lines.seen)")

        process.send(SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "still running 10 s after SIGTERM")
        if !process.isRunning {
            let status = process.wait()
            #expect(status == .exited(0), "exit \(status) after SIGTERM; it printed: \(lines.rest())")
        }
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
        while let line = nextLine() {
            if line.contains(text) { return line }
        }
        return nil
    }

    /// Every line still to come, up to the end of the output (for a failure's message).
    func rest() -> [String] {
        var lines: [String] = []
        while let line = nextLine() { lines.append(line) }
        if !buffer.isEmpty { lines.append(String(decoding: buffer, as: UTF8.self)) }
        return lines
    }

    private func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                seen.append(line)
                return line
            }
            // One read(2): what has arrived so far (FileHandle.read(upToCount:) would wait
            // for the whole count).
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(handle.fileDescriptor, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}
