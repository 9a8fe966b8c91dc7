import ArgumentParser
import Foundation
import HandoutEngine
import HandoutModel

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the handouts, languages and paper sizes available."
    )

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    func run() async throws {
        do {
            let project = try ProjectLocator.locate(root: root)
            Console.say("Handouts (from \(project.displayName(project.layoutFolder))/):")
            let english = try? project.guide("en")
            let counts = await ListCommand.pageCounts(project)
            for handout in project.handouts {
                let layout = try project.layout(handout)
                let title = english?.handouts[handout]?.title.source ?? ""
                let papers = layout.papers.map { paper in
                    counts[handout]?[paper].map { "\(paper.rawValue) \($0 == 1 ? "1 page" : "\($0) pages")" } ?? paper.rawValue
                }
                Console.say("  \(handout.padding(toLength: 20, withPad: " ", startingAt: 0)) \(title) — \(papers.joined(separator: ", "))")
            }
            Console.say("  (pages in English with no site profile; longer translations, large print and a profile can take more)")
            Console.say("Languages (from \(project.displayName(project.guideFolder))/):")
            for language in project.languages {
                let guide = try project.guide(language)
                let status = guide.review.status == .draft ? "draft" : "reviewed by \(guide.review.reviewer ?? "?")"
                Console.say("  \(language.padding(toLength: 8, withPad: " ", startingAt: 0)) \(guide.displayName) (\(status), \(guide.review.date))")
            }
            Console.say("Paper sizes: \(Paper.allCases.map { "\($0.rawValue) = \($0.displayName)" }.joined(separator: "; "))")
            Console.say("Files from: \(project.root.path)")
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
    }

    /// Pages each handout takes on each paper, laid out in English: the page-break rules
    /// decide them, so they are counted, not read from the layout. Nil where it fails (the
    /// error is render's and check's to report).
    private static func pageCounts(_ project: Project) async -> [String: [Paper: Int]] {
        guard let worker = try? RenderWorker(project: project) else { return [:] }
        return (try? await worker.withRenderer { renderer in
            var counts: [String: [Paper: Int]] = [:]
            let edition = try project.edition(language: "en", country: nil, site: .neutral)
            for handout in project.handouts {
                for paper in try project.layout(handout).papers {
                    if let laidOut = try? renderer.layout(renderer.document(handout: handout, edition: edition, paper: paper)) {
                        counts[handout, default: [:]][paper] = laidOut.pages.count
                    }
                }
            }
            return counts
        }) ?? [:]
    }
}
