import ArgumentParser
import Foundation
import HandoutModel

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the handouts, languages and paper sizes available."
    )

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    func run() throws {
        do {
            let project = try ProjectLocator.locate(root: root)
            Console.say("Handouts (from \(project.displayName(project.layoutFolder))/):")
            let english = try? project.guide("en")
            for handout in project.handouts {
                let layout = try project.layout(handout)
                let title = english?.handouts[handout]?.title.source ?? ""
                let pages = layout.maxPages == 1 ? "1 page" : "up to \(layout.maxPages) pages"
                Console.say("  \(handout.padding(toLength: 20, withPad: " ", startingAt: 0)) \(title) — \(layout.papers.map(\.rawValue).joined(separator: ", ")), \(pages)")
            }
            Console.say("Languages (from \(project.displayName(project.guideFolder))/):")
            for language in project.languages {
                let guide = try project.guide(language)
                let status = guide.review.status == .draft ? "draft" : "reviewed by \(guide.review.reviewer ?? "?")"
                Console.say("  \(language.padding(toLength: 8, withPad: " ", startingAt: 0)) \(guide.languageName) (\(status), \(guide.review.date))")
            }
            Console.say("Paper sizes: \(Paper.allCases.map { "\($0.rawValue) = \($0.displayName)" }.joined(separator: "; "))")
            Console.say("Files from: \(project.root.path)")
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
    }
}
