import ArgumentParser
import Foundation
import HandoutEngine
import HandoutModel

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Write PNG pictures of a handout's pages, to look at before printing.",
        discussion: """
            Each page becomes HANDOUT-LANGUAGE-PAPER-pN.png in --out-dir (default: ./handouts-out).

            Examples:
              handouts preview first-week                     every page at 96 dpi
              handouts preview first-week --page 2 --dpi 150  one page, sharper
            """
    )

    @Argument(help: ArgumentHelp("The handout: colostrum-facts, first-week, alternatives-card or milk-labels.", valueName: "handout"))
    var handout: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Only this page (1 is the first).", valueName: "n"))
    var page: Int?

    @Option(name: .long, help: ArgumentHelp("Resolution in dots per inch (24 to 600).", valueName: "dpi"))
    var dpi: Double = 96

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("Folder for the PNG files.", valueName: "folder"))
    var outDir = "handouts-out"

    func validate() throws {
        guard (24...600).contains(dpi) else { throw ValidationError("--dpi takes 24 to 600") }
        if let page, page < 1 { throw ValidationError("--page counts from 1") }
    }

    func run() async throws {
        do {
            let one = try OneHandout(handout, options: common, output: .png(dpi: dpi))
            try await one.checkSite()
            let result = try await one.render()
            if let page, page > result.pages {
                throw UsageError(message: "--page \(page): \(handout) has \(result.pages) page\(result.pages == 1 ? "" : "s")")
            }
            let images = result.pngPages
            let folder = URL(fileURLWithPath: outDir, isDirectory: true)
            try OutputFolder.create(folder)
            for (index, png) in images.enumerated() where page == nil || page == index + 1 {
                let file = folder.appendingPathComponent("\(OneHandout.stem(result, handout: handout, options: common))-p\(index + 1).png")
                try AtomicFile.write(png, to: file)
                Console.say("wrote \(file.path)  (page \(index + 1) of \(images.count), \(Int(dpi)) dpi)")
            }
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
    }
}
