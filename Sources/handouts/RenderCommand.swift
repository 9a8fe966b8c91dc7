import ArgumentParser
import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

struct RenderCommand: AsyncParsableCommand {
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
              handouts render first-week --lang ar --with en  Arabic with English for staff
            """
    )

    @Argument(help: ArgumentHelp("The handouts to render: colostrum-facts, first-week, alternatives-card, milk-labels.",
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

    @Option(name: .long, help: ArgumentHelp("For a print shop: grow each page by this many millimetres of bleed on every side (colour runs into it), with crop marks beyond it and the PDF's TrimBox and BleedBox set. Files are named -bleed.",
                                            valueName: "mm"))
    var bleed: Double?

    @Option(name: .customLong("with"), help: ArgumentHelp("A bilingual edition: every block also in this language (the staff's), smaller and lighter, beside or under the mother's (--lang). Files are named HANDOUT-ar+en-PAPER.pdf. Not for the pocket card.",
                                                          valueName: "tag"))
    var with: String?

    @Flag(name: .customLong("require-reviewed"), help: "Refuse guides still marked draft (not yet signed by a reviewer).")
    var requireReviewed = false

    func validate() throws {
        if handouts.isEmpty && !all {
            throw ValidationError("name a handout (colostrum-facts, first-week, alternatives-card, milk-labels) or use --all")
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
        if let bleed, !(bleed > 0 && bleed <= Bleed.maximumMM) {
            throw ValidationError("--bleed takes millimetres, more than 0 and at most \(Int(Bleed.maximumMM)) (print shops ask for 3)")
        }
        if bleed != nil && nUp != nil { throw ValidationError("--bleed is for single pages: an --n-up sheet has its own crop marks") }
        if let with, with.lowercased() == common.lang.lowercased() {
            throw ValidationError("--with \(with) is the same as --lang: the second language is the staff's, so name another (e.g. --lang ar --with en)")
        }
        if with != nil && nUp != nil { throw ValidationError("--with makes a bilingual sheet; --n-up is for the one-language pocket card") }
    }

    func run() async throws {
        let status = await execute()
        if status != .ok { throw status.exitCode }
    }

    /// --require-reviewed: draft guides are refused before anything is written, all of them
    /// named at once.
    private func refuseDrafts(_ plan: RenderPlan, project: Project) throws {
        var drafts: [Guide] = []
        for language in plan.languages where !drafts.contains(where: { $0.language == language }) {
            let guide = try project.guide(language)
            if guide.review.status == .draft { drafts.append(guide) }
        }
        guard !drafts.isEmpty else { return }
        let files = drafts.map(\.file).joined(separator: ", ")
        throw LoadError(file: files, keyPath: "review.status",
                        problem: "\(drafts.count == 1 ? "this guide is a draft" : "these \(drafts.count) guides are drafts") and --require-reviewed is set",
                        fix: "have a qualified reviewer check \(drafts.count == 1 ? "it" : "each"), then set review.status: reviewed and reviewer: \"Name, role\"")
    }

    private func execute() async -> ExitStatus {
        do {
            let project = try ProjectLocator.locate(root: common.root)
            let site = try common.loadSite(project)
            let request = RenderPlan.Request(handouts: all ? project.handouts : handouts, all: all, common: common, site: site,
                                             output: output, outDir: outDir, nUp: nUp,
                                             sheet: sheet.flatMap { Paper(rawValue: $0.lowercased()) }, bleed: bleed, with: with)
            let plan = try RenderPlan.make(project: project, request: request)
            if requireReviewed { try refuseDrafts(plan, project: project) }
            let worker = try RenderWorker(project: project)
            // The profile's glyphs and logo, once: a mistake in it is one line, not one per file.
            for note in try await worker.check(site: site) { Console.warning(note) }
            return try await RenderRun(worker: worker, project: project, plan: plan, site: site).run()
        } catch {
            Console.error(error)
            return ExitStatus.of(error)
        }
    }
}
