import Foundation
import HandoutEngine
import HandoutProcess

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
        guard let lp = tool("lp") else {
            throw Unavailable(message: "printing needs CUPS, and this machine has no lp command — install cups-client (apt-get install cups-client) or use handouts render and print the PDF")
        }
        return lp
    }

    /// A program of cups-client on PATH.
    static func tool(_ name: String) -> URL? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Hands the PDF to lp through a temporary file and returns lp's job line.
    /// `duplex`: both sides of the sheet, turned on the long edge (`sides=two-sided-long-edge`),
    /// as the n-up sheets and the folded card are imposed for.
    public static func submit(_ pdf: Data, title: String, printer: String?, copies: Int, lp: URL, duplex: Bool = false) throws -> String {
        // Unique per call: the web page may print the same handout twice at once.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-print-\(getpid())-\(UUID().uuidString.prefix(8))-\(title).pdf")
        try AtomicFile.write(pdf, to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var arguments = ["-n", String(copies), "-t", title]
        if duplex { arguments += ["-o", "sides=two-sided-long-edge"] }
        if let printer { arguments += ["-d", printer] }
        arguments.append(file.path)
        let result = try run(lp, arguments)
        guard result.status == 0 else {
            throw Unavailable(message: "could not print: " + explain(lpError: result.stderr, printer: printer, lp: lp))
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// "HandoutsTestPDF-12" from lp's "request id is HandoutsTestPDF-12 (1 file(s))".
    public static func jobID(in line: String) -> String? {
        guard let range = line.range(of: "request id is ") else { return nil }
        let id = line[range.upperBound...].prefix { !$0.isWhitespace }
        return id.isEmpty ? nil : String(id)
    }

    /// What went wrong, in words a ward can act on: lp's own reason without its program
    /// name, then whether the CUPS scheduler runs and which printers it has.
    static func explain(lpError stderr: String, printer: String?, lp: URL) -> String {
        var reason = stderr.split(separator: "\n").first.map(String.init) ?? "lp failed"
        // "lp: Error - The printer or class does not exist." (sometimes with lp's full path)
        if let colon = reason.range(of: ": ") { reason = String(reason[colon.upperBound...]) }
        if reason.hasPrefix("Error - ") { reason.removeFirst("Error - ".count) }
        while reason.hasSuffix(".") { reason.removeLast() }
        let folder = lp.deletingLastPathComponent()
        let lpstat = FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("lpstat").path)
            ? folder.appendingPathComponent("lpstat") : tool("lpstat")
        guard let lpstat, let running = schedulerIsRunning(lpstat) else {
            return "\(reason) — lpstat -p lists the printers"
        }
        guard running else {
            return "the CUPS scheduler is not running (\(reason)) — start it (service cups start) or ask IT"
        }
        let printers = destinations(lpstat)
        let list = printers.isEmpty ? "no printers are set up in CUPS — add one (lpadmin, or the CUPS web page at http://localhost:631)"
            : "printers here: \(printers.joined(separator: ", "))"
        if reason.lowercased().contains("does not exist"), let printer {
            return "there is no printer \"\(printer)\" (the CUPS scheduler is running) — \(list)"
        }
        if reason.lowercased().contains("no default destination") {
            return "no default printer is set (the CUPS scheduler is running) — name one with --printer; \(list)"
        }
        return "\(reason) (the CUPS scheduler is running) — \(list)"
    }

    /// Whether the scheduler answers (`lpstat -r`), or nil when lpstat cannot say.
    static func schedulerIsRunning(_ lpstat: URL) -> Bool? {
        guard let result = try? run(lpstat, ["-r"]) else { return nil }
        let text = (result.stdout + result.stderr).lowercased()
        if text.contains("not running") { return false }
        return text.contains("is running") ? true : nil
    }

    /// The queues CUPS has (`lpstat -e`), sorted.
    static func destinations(_ lpstat: URL) -> [String] {
        guard let result = try? run(lpstat, ["-e"]), result.status == 0 else { return [] }
        return result.stdout.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.sorted()
    }

    private static func run(_ program: URL, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try CapturedRun.run(program.path, arguments)
        return (result.status, result.stdout, result.stderr)
    }
}
