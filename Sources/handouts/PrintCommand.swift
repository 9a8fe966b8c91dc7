import ArgumentParser
import Foundation
import HandoutEngine
import HandoutModel

struct PrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Render a handout and send it to a printer (CUPS).",
        discussion: """
            Sends the PDF to a CUPS print queue with lp: the default printer, or the one named \\
            with --printer (lpstat -p lists them). Without CUPS it says so and changes nothing.

            Examples:
              handouts print first-week                         the checklist, default printer
              handouts print first-week --lang es --copies 5    five in Spanish
              handouts print colostrum-facts --printer Ward3_Laser --grayscale
            """
    )

    @Argument(help: ArgumentHelp("The handout: colostrum-facts, first-week or alternatives-card.", valueName: "handout"))
    var handout: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("The CUPS queue to print on (default: the system's default printer).", valueName: "name"))
    var printer: String?

    @Option(name: .long, help: ArgumentHelp("Number of copies (1 to 100).", valueName: "n"))
    var copies = 1

    func validate() throws {
        guard (1...100).contains(copies) else { throw ValidationError("--copies takes 1 to 100") }
        if let printer, printer.isEmpty || printer.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "#" }) {
            throw ValidationError("--printer \"\(printer)\" is not a queue name (no spaces, / or #); lpstat -p lists them")
        }
    }

    func run() async throws {
        do {
            let lp = try CUPSQueue.lpCommand()
            let result = try await OneHandout(handout, options: common, output: .pdf).render()
            let title = OneHandout.stem(result, handout: handout, options: common)
            let job = try CUPSQueue.submit(result.pdf, title: title, printer: printer, copies: copies, lp: lp)
            Console.say("sent \(title) to \(printer ?? "the default printer"): \(job)")
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
    }
}

/// Printing through CUPS's `lp` (Debian's cups-client), so the ward's printers, drivers and
/// queues are used exactly as for any other document.
enum CUPSQueue {
    struct Unavailable: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The `lp` program, or a one-line reason why printing is not possible here.
    static func lpCommand() throws -> URL {
        let path = Environment.value("PATH") ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("lp")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Unavailable(message: "printing needs CUPS, and this machine has no lp command — install cups-client (apt-get install cups-client) or use handouts render and print the PDF")
    }

    /// Hands the PDF to lp through a temporary file and returns lp's job line.
    static func submit(_ pdf: Data, title: String, printer: String?, copies: Int, lp: URL) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-print-\(getpid())-\(title).pdf")
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
