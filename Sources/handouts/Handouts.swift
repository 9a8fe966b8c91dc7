import ArgumentParser

@main
struct Handouts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handouts",
        abstract: "Print-ready breastfeeding handouts for maternity wards, in the mother's language.",
        discussion: """
            Handouts: colostrum-facts (fact sheet), first-week (checklist and tracker), \
            alternatives-card (pocket card for when a baby can't breastfeed yet), milk-labels (a sheet \
            of labels for expressed milk for the neonatal unit: Avery L7163 on A4, 5163 on US Letter).

            Examples:
              handouts render first-week --lang es --paper letter
              handouts render --all --lang all --site site.yaml
              handouts render alternatives-card --n-up 4 --sheet a4
              handouts preview first-week --page 1
              handouts print first-week --printer Ward3 --copies 5
              handouts check
              handouts list
              handouts export-po --lang es      (for translators; import-po reads it back)

            Files come from --root DIR, else the current folder if it holds Guide/, Layouts/ \
            and Fonts/, else the copies bundled with the program.

            \(ExitStatus.help)
            """,
        version: "handouts 0.1.0",
        subcommands: [RenderCommand.self, PreviewCommand.self, PrintCommand.self, CheckCommand.self, ListCommand.self, ExportPOCommand.self, ImportPOCommand.self, FingerprintCommand.self, ServeCommand.self, WorkerCommand.self]
    )
}
