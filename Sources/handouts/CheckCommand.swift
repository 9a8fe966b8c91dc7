import ArgumentParser
import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every guide for gaps: keys, sources, glyphs, fit and review status.",
        discussion: """
            For each language: block ids and shapes missing or extra against English, source \\
            keys that are not in Guide/sources.yaml, characters no shipped font has (as \\
            U+XXXX, with the block and language), text that does not fit its page in any \\
            handout and paper, and translations still marked draft. Prints a table, then one \\
            line per finding. Exits 65 on any error; drafts are warnings.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Check one language (a tag such as es), or all.", valueName: "tag"))
    var lang = "all"

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    func run() throws {
        do {
            let project = try ProjectLocator.locate(root: root)
            let languages: [String]
            if lang == "all" {
                languages = project.languages
            } else {
                do { languages = [try project.resolveLanguage(lang)] } catch let error as LoadError {
                    throw UsageError(message: "unknown language \"\(lang)\" — \(error.fix)")
                }
            }
            let report = try GuideChecker(project: project, renderer: try Renderer(project: project)).check(languages)
            report.print()
            if report.hasErrors { throw ExitStatus.data.exitCode }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
    }
}
