import Foundation
import HandoutEngine

/// Printing through CUPS's `lp` (Debian's cups-client), so the ward's printers, drivers and
/// queues are used exactly as for any other document.
public enum CUPSQueue {
    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public let message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }

    /// The `lp` program, or a one-line reason why printing is not possible here.
    public static func lpCommand() throws -> URL {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("lp")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Unavailable(message: "printing needs CUPS, and this machine has no lp command — install cups-client (apt-get install cups-client) or use handouts render and print the PDF")
    }

    /// Hands the PDF to lp through a temporary file and returns lp's job line.
    public static func submit(_ pdf: Data, title: String, printer: String?, copies: Int, lp: URL) throws -> String {
        // Unique per call: the web page may print the same handout twice at once.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-print-\(getpid())-\(UUID().uuidString.prefix(8))-\(title).pdf")
        try AtomicFile.write(pdf, to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var arguments = ["-n", String(copies), "-t", title]
        if let printer { arguments += ["-d", printer] }
        arguments.append(file.path)
        let process = Process()
        process.executableURL = lp
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = stderr.split(separator: "\n").first.map(String.init)?.replacingOccurrences(of: "lp: ", with: "") ?? "lp failed"
            let hint = reason.lowercased().contains("does not exist") ? "lpstat -p lists the printers" :
                reason.lowercased().contains("connect") || reason.lowercased().contains("scheduler") ? "the CUPS scheduler is not running: start it (service cups start) or ask IT" :
                reason.lowercased().contains("no default destination") ? "name a printer with --printer (lpstat -p lists them)" : "check the printer with lpstat -p"
            throw Unavailable(message: "could not print: \(reason) — \(hint)")
        }
        return stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
