import ArgumentParser
import Foundation
import HandoutEngine
import HandoutModel
import HandoutPrinting

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
