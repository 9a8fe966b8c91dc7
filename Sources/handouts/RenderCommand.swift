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

    @Option(name: .long, help: ArgumentHelp("Language, as a tag such as en, es or es-MX, or all.", valueName: "tag"))
    var lang = "en"

    @Flag(name: .customLong("require-reviewed"), help: "Refuse guides still marked draft (not yet signed by a reviewer).")
    var requireReviewed = false

    @Option(name: .long, help: ArgumentHelp("Paper size: a4, letter, a5 or a6. Default: the handout's first (A4 for sheets, A6 for the card).",
                                            valueName: "size"))
    var paper: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the PDF to this file (one handout only).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("Folder for the PDFs.", valueName: "folder"))
    var outDir = "handouts-out"

    @Option(name: .long, help: ArgumentHelp("Your unit's profile (YAML): name, phone numbers, web link.", valueName: "file"))
    var site: String?

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

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
            let project = try ProjectLocator.locate(root: root)
            let plan = try RenderPlan.make(project: project, handouts: all ? project.handouts : handouts, language: lang,
                                           paper: paper, all: all, output: output, outDir: outDir)
            if requireReviewed { try refuseDrafts(plan, project: project) }
            let siteProfile = try site.map { path -> Site in
                let url = URL(fileURLWithPath: path)
                return try SiteLoader.load(url, displayName: path)
            } ?? .neutral
            let renderer = try Renderer(project: project)
            return try RenderRun(renderer: renderer, plan: plan, site: siteProfile).run()
        } catch {
            Console.error(error)
            return ExitStatus.of(error)
        }
    }
}
