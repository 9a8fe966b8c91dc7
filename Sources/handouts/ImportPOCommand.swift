import ArgumentParser
import Foundation
import HandoutModel

struct ImportPOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-po",
        abstract: "Read a PO file's translations back into the guide (Guide/TAG.yaml).",
        discussion: """
            Each msgstr that differs from the guide's text replaces it where it is written; \
            ids, order, structure, comments and every other byte stay as they are (a file \
            with no changes changes nothing). The edited guide is loaded and checked before \
            it is written, whole or not at all. A block whose entries were all translated \
            or confirmed from today's English (none left fuzzy) records today's English \
            fingerprint (from_en). Importing changes into a reviewed guide sets it back to \
            draft until a qualified reviewer signs the new text.

            Examples:
              handouts import-po es.po
              handouts import-po ~/Downloads/guide-zh_Hant.po --lang zh-Hant
            """
    )

    @Argument(help: ArgumentHelp("The PO file.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The translation it is for (default: the file's X-Handouts-Guide or Language header).", valueName: "tag"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    /// PO files of a guide are a few hundred kilobytes at most.
    static let maximumBytes = 4 * 1024 * 1024

    func run() throws {
        do {
            let project = try ProjectLocator.locate(root: root)
            try TranslationFile.requireEditable(project)
            let po = try POParser.parse(try readText(), file: file)
            var translation = try TranslationFile.open(try language(of: po), in: project)
            // Spanish read into the Portuguese guide would match every msgid and replace every text.
            if let made = po.headerField("X-Handouts-Guide"), made != translation.displayName {
                throw LoadError(file: file, line: 1, keyPath: "X-Handouts-Guide",
                                problem: "this file was exported from \(made), not \(translation.displayName)",
                                fix: "import it without --lang, or export one for \(translation.language) with handouts export-po --lang \(translation.language)")
            }
            let summary = try POImport.apply(po, poName: file, to: &translation.editor)
            for warning in summary.warnings { Console.warning(warning) }
            guard let text = summary.text else {
                Console.say("\(file): nothing to change in \(translation.displayName)")
                return
            }
            try translation.write(text)
            let texts = summary.changedTexts.count, blocks = summary.stampedBlocks.count
            Console.say("\(translation.displayName): \(texts) text\(texts == 1 ? "" : "s") changed, \(blocks) block\(blocks == 1 ? "" : "s") stamped from today's English (from_en)")
            if summary.reopenedReview {
                Console.warning("\(translation.displayName): review.status set back to draft — the new text is not yet signed; once a qualified reviewer has checked it, set review.status: reviewed, reviewer and date")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
    }

    private func readText() throws -> String {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError(file: file, problem: FileManager.default.fileExists(atPath: url.path) ? "cannot read the file" : "file not found",
                            fix: "check the path and its permissions")
        }
        guard data.count <= ImportPOCommand.maximumBytes else {
            throw LoadError(file: file, problem: "file is \(data.count / 1024) KB, larger than a guide's PO file can be", fix: "is this the right file?")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(file: file, problem: "the file is not valid UTF-8 text", fix: "save it as UTF-8 (in Poedit: Catalogue > Properties)")
        }
        return text
    }

    /// --lang, else the guide the file names, else its Language header (zh_Hant is zh-Hant).
    private func language(of po: POFile) throws -> String {
        if let lang { return lang }
        if let guide = po.headerField("X-Handouts-Guide"), guide.hasSuffix(".yaml") {
            return String(guide.split(separator: "/").last!.dropLast(5))
        }
        if let language = po.headerField("Language"), !language.isEmpty {
            return language.replacingOccurrences(of: "_", with: "-")
        }
        throw UsageError(message: "\(file): the file does not say which language it is — pass --lang TAG")
    }
}
