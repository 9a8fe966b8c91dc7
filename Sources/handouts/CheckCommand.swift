import ArgumentParser
import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every guide for gaps: keys, sources, glyphs, fit and review status.",
        discussion: """
            For each language and wording variant: block ids and shapes missing or extra \
            against English (a variant against its base), source keys that are not in \
            Guide/sources.yaml, numbers, units and ✱ marks that differ from the text a \
            translation was made from, storage lines that differ from their rule set in \
            Guide/storage/, characters no shipped font has (as U+XXXX, with the block and \
            language), text that does not fit its page in any handout, paper and kind of \
            country, translations still marked draft, and translated blocks whose English \
            changed since they were translated (their from_en fingerprint; see handouts \
            fingerprint). Then the country files in \
            Guide/regions/, sources nobody cites, and the English readability of each \
            handout. Prints a table, then one line per finding. Exits 65 on any error; \
            drafts are warnings.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Check one language (a tag such as es), or all.", valueName: "tag"))
    var lang = "all"

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    func run() async throws {
        do {
            let project = try ProjectLocator.locate(root: root)
            let languages: [String]
            if lang == "all" {
                languages = project.languages + project.overlays.keys.sorted()
            } else {
                do { languages = [try project.languageResolver.resolve(lang).wording] } catch let error as LanguageError {
                    throw UsageError(message: error.description)
                }
            }
            let worker = try RenderWorker(project: project)
            let report = try await worker.withRenderer { renderer in try GuideChecker(project: project, renderer: renderer).check(languages) }
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
