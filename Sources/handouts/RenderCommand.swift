import ArgumentParser
import Foundation
import HandoutEngine
import HandoutModel

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render handouts as print-ready PDF files.",
        discussion: """
            Each PDF is named HANDOUT-LANGUAGE-PAPER.pdf and written to --out-dir \
            (default: ./handouts-out). A file is written whole or not at all: an earlier good \
            copy is never replaced by a failed one.

            Examples:
              handouts render colostrum-facts                 one fact sheet, A4, English
              handouts render first-week --paper letter       the checklist on US Letter
              handouts render first-week -o ward3.pdf         to a file of your choice
              handouts render --all                           everything, every paper size
            """
    )

    @Argument(help: ArgumentHelp("The handouts to render: colostrum-facts, first-week, alternatives-card.",
                                 valueName: "handout"))
    var handouts: [String] = []

    @Flag(name: .long, help: "Render every handout in every paper size it supports.")
    var all = false

    @OptionGroup var common: CommonOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write the PDF to this file (one handout only).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("Folder for the PDFs.", valueName: "folder"))
    var outDir = "handouts-out"

    @Option(name: .customLong("n-up"), help: ArgumentHelp("Print the card 2 or 4 to a sheet, with crop marks; backs on page 2 for long-edge duplex.",
                                                          valueName: "2|4"))
    var nUp: Int?

    @Option(name: .long, help: ArgumentHelp("The sheet for --n-up: a4 or letter (default a4).", valueName: "size"))
    var sheet: String?

    @Flag(name: .customLong("require-reviewed"), help: "Refuse guides still marked draft (not yet signed by a reviewer).")
    var requireReviewed = false

    @Option(name: .long, help: .hidden)
    var shard: String?

    func validate() throws {
        if handouts.isEmpty && !all {
            throw ValidationError("name a handout (colostrum-facts, first-week, alternatives-card) or use --all")
        }
        if all && !handouts.isEmpty {
            throw ValidationError("use either handout names or --all, not both")
        }
        if output != nil && (all || handouts.count != 1) {
            throw ValidationError("--output takes one handout; use --out-dir for several")
        }
        if let nUp, nUp != 2 && nUp != 4 { throw ValidationError("--n-up takes 2 or 4") }
        if sheet != nil && nUp == nil { throw ValidationError("--sheet goes with --n-up (cards to a sheet)") }
        if let sheet, !["a4", "letter"].contains(sheet.lowercased()) { throw ValidationError("--sheet takes a4 or letter") }
        if nUp != nil && common.largePrint { throw ValidationError("--n-up makes pocket cards; large print needs full pages") }
    }

    func run() throws {
        let status = execute()
        if status != .ok { throw status.exitCode }
    }

    /// --require-reviewed: a draft guide is refused before anything is written.
    private func refuseDrafts(_ plan: RenderPlan, project: Project) throws {
        for language in plan.languages {
            let guide = try project.guide(language)
            if guide.review.status == .draft {
                throw LoadError(file: guide.file, keyPath: "review.status",
                                problem: "the \(guide.languageName) guide is a draft and --require-reviewed is set",
                                fix: "have a qualified reviewer check it, then set review.status: reviewed and reviewer: \"Name, role\"")
            }
        }
    }

    private func execute() -> ExitStatus {
        do {
            let project = try ProjectLocator.locate(root: common.root)
            let helperShard = try shard.map { text -> Shard in
                guard let value = Shard(text) else { throw UsageError(message: "--shard takes i/n") }
                return value
            }
            if helperShard != nil { Console.quiet = true }
            let site = try common.loadSite(project)
            let request = RenderPlan.Request(handouts: all ? project.handouts : handouts, all: all, common: common, site: site,
                                             output: output, outDir: outDir, nUp: nUp,
                                             sheet: sheet.flatMap { Paper(rawValue: $0.lowercased()) })
            let plan = try RenderPlan.make(project: project, request: request)
            if requireReviewed { try refuseDrafts(plan, project: project) }
            let renderer = try Renderer(project: project)
            return try RenderRun(renderer: renderer, plan: plan, site: site, shard: helperShard,
                                 arguments: Array(CommandLine.arguments.dropFirst())).run()
        } catch {
            Console.error(error)
            return ExitStatus.of(error)
        }
    }
}
