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
            Sends the PDF to a CUPS print queue with lp: the default printer, or the one named \
            with --printer (lpstat -p lists them). Without CUPS it says so and changes nothing.

            Examples:
              handouts print first-week                         the checklist, default printer
              handouts print first-week --lang es --copies 5    five in Spanish
              handouts print colostrum-facts --printer Ward3_Laser --grayscale
              handouts print alternatives-card --n-up 2 --duplex    folded cards, two to a sheet
            """
    )

    @Argument(help: ArgumentHelp("The handout: colostrum-facts, first-week or alternatives-card.", valueName: "handout"))
    var handout: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("The CUPS queue to print on (default: the system's default printer).", valueName: "name"))
    var printer: String?

    @Option(name: .long, help: ArgumentHelp("Number of copies (1 to 100).", valueName: "n"))
    var copies = 1

    @Option(name: .customLong("n-up"), help: ArgumentHelp("Print the card 2 or 4 to a sheet (the folded card: 2), with crop marks; use with --duplex.",
                                                          valueName: "2|4"))
    var nUp: Int?

    @Option(name: .long, help: ArgumentHelp("The sheet for --n-up: a4 or letter (default a4).", valueName: "size"))
    var sheet: String?

    @Flag(name: .long, help: "Print on both sides, turning on the long edge (CUPS sides=two-sided-long-edge): each back lands behind its front.")
    var duplex = false

    func validate() throws {
        guard (1...100).contains(copies) else { throw ValidationError("--copies takes 1 to 100") }
        if let printer, printer.isEmpty || printer.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "#" }) {
            throw ValidationError("--printer \"\(printer)\" is not a queue name (no spaces, / or #); lpstat -p lists them")
        }
        if let nUp, nUp != 2 && nUp != 4 { throw ValidationError("--n-up takes 2 or 4") }
        if sheet != nil && nUp == nil { throw ValidationError("--sheet goes with --n-up (cards to a sheet)") }
        if let sheet, !["a4", "letter"].contains(sheet.lowercased()) { throw ValidationError("--sheet takes a4 or letter") }
        if nUp != nil && common.largePrint { throw ValidationError("--n-up makes pocket cards; large print needs full pages") }
    }

    func run() async throws {
        do {
            let lp = try CUPSQueue.lpCommand()
            let sheet = nUp == nil ? nil : Paper(rawValue: (self.sheet ?? "a4").lowercased())
            let one = try OneHandout(handout, options: common, output: .pdf, nUp: nUp, sheet: sheet)
            try await one.checkSite()
            let result = try await one.render()
            let title = OneHandout.stem(result, handout: handout, options: common, nUp: nUp, sheet: sheet)
            let job = try CUPSQueue.submit(result.pdf, title: title, printer: printer, copies: copies, lp: lp, duplex: duplex)
            Console.say("sent \(title) to \(printer ?? "the default printer"): \(PrintCommand.amount(copies: copies, pages: result.pages))"
                        + (duplex ? ", both sides" : "") + (CUPSQueue.jobID(in: job).map { " (job \($0))" } ?? ""))
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
    }

    /// "5 copies of 3 pages", "1 copy of 1 page".
    static func amount(copies: Int, pages: Int) -> String {
        "\(copies) cop\(copies == 1 ? "y" : "ies") of \(pages) page\(pages == 1 ? "" : "s")"
    }
}
