import ArgumentParser
import Foundation
import HandoutEngine
import HandoutModel

struct ExportPOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-po",
        abstract: "Write a translation as a gettext PO file, for translation tools (Poedit, Weblate, Crowdin).",
        discussion: """
            One entry per text: the English as msgid, the translation as msgstr (empty where \
            there is none yet), the block id and part as msgctxt, the block's sources and \
            what to keep as written as comments, and the YAML file and line of the \
            translation as the reference. Entries of blocks whose English changed since \
            they were translated (from_en) are marked fuzzy. Read it back with import-po.

            Examples:
              handouts export-po --lang es              writes es.po here
              handouts export-po --lang zh-Hant -o -    to standard output
            """
    )

    @Option(name: .long, help: ArgumentHelp("The translation, as its file's tag (es, es-ES, zh-Hant).", valueName: "tag"))
    var lang: String

    @Option(name: [.short, .long], help: ArgumentHelp("The PO file to write; - for standard output. Default: TAG.po here.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    func run() throws {
        do {
            let project = try ProjectLocator.locate(root: root)
            let translation = try TranslationFile.open(lang, in: project)
            let editor = translation.editor
            let po = POExport.file(for: editor.guide, english: editor.english, base: editor.base)
            let text = POWriter.write(po)
            let target = output ?? "\(lang).po"
            if target == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: target))
            let fuzzy = po.entries.filter(\.isFuzzy).count
            let empty = po.entries.filter { $0.string.isEmpty }.count
            Console.say("\(target): \(po.entries.count) texts from \(translation.displayName), \(fuzzy) fuzzy (English changed), \(empty) untranslated")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
    }
}
