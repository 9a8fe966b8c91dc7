import ArgumentParser
import Foundation
import HandoutModel

struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Record that a translation matches the current English (from_en on each block).",
        discussion: """
            Writes the current English block's fingerprint as from_en on every block of the \
            translation (or only --block ones) whose from_en is missing or different. Run it \
            once a block has been checked against today's English: check then stops \
            calling it stale, export-po stops marking it fuzzy, and a reviewed guide prints \
            as reviewed again. Running it again changes nothing.

            Examples:
              handouts fingerprint --lang es --block first-week.feeds
              handouts fingerprint --lang all
            """
    )

    @Option(name: .long, help: ArgumentHelp("The translation (es, es-ES, zh-Hant), or all.", valueName: "tag"))
    var lang: String

    @Option(name: .customLong("block"), help: ArgumentHelp("Only this block (repeat for more).", valueName: "id"))
    var blocks: [String] = []

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    func run() throws {
        var failed = false
        do {
            let project = try ProjectLocator.locate(root: root)
            try TranslationFile.requireEditable(project)
            let languages = lang == "all" ? TranslationFile.languages(in: project) : [lang]
            for language in languages {
                do {
                    try stamp(language, in: project)
                } catch let error as UsageError where lang != "all" {
                    throw error
                } catch {
                    // With all: one broken translation does not stop the others.
                    Console.error(error)
                    failed = true
                }
            }
        } catch {
            Console.error(error)
            throw ExitStatus.of(error).exitCode
        }
        if failed { throw ExitStatus.data.exitCode }
    }

    private func stamp(_ language: String, in project: Project) throws {
        var translation = try TranslationFile.open(language, in: project)
        let guide = translation.editor.guide
        let own = guide.blockOrder.filter { guide.blocks[$0]?.location.file == guide.file && translation.editor.english.blocks[$0] != nil }
        for id in blocks where !own.contains(id) {
            throw LoadError(file: guide.file, keyPath: "blocks.\(id)", problem: "no block \(id) in this file to stamp",
                            fix: NearestName.hint(for: id, among: own, noun: "a block such as"))
        }
        let chosen = blocks.isEmpty ? own : own.filter(blocks.contains)
        let due = chosen.filter { guide.blocks[$0]?.fromEnglish != translation.editor.english.blocks[$0]?.englishFingerprint }
        for id in due { try translation.editor.stamp(id) }
        guard let text = try translation.editor.finish() else {
            Console.say("\(guide.file): every block\(blocks.isEmpty ? "" : " named") already records the current English")
            return
        }
        try translation.write(text)
        let stale = due.filter { guide.blocks[$0]?.fromEnglish != nil }.count
        Console.say("\(guide.file): \(due.count) block\(due.count == 1 ? "" : "s") stamped from the current English (\(stale) had an older from_en, \(due.count - stale) none)")
    }
}
