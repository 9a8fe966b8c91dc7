import Foundation
import Testing
import HandoutModel

/// export-po, import-po and fingerprint as a translator's round trip: standard PO files,
/// no byte changed without an edit, an edit where it belongs, and stale blocks seen.
@Suite(.serialized) struct POExchangeTests {
    /// The translations committed with fingerprints (vi, pl, ro, tl, th and my are still
    /// being written; `handouts fingerprint --lang all` stamps them when they are done).
    static let languages = ["ar", "es", "es-ES", "pt", "pt-PT", "hi", "ne", "bn", "pa", "ja", "ko", "zh-Hans", "zh-Hant",
                            "uk", "ru", "tr", "so", "ht", "sq", "fa", "ps", "ur"]

    func guideFiles(in folder: URL) throws -> [String: Data] {
        let guide = folder.appendingPathComponent("Guide")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: guide.path) where name.hasSuffix(".yaml") {
            files[name] = try Data(contentsOf: guide.appendingPathComponent(name))
        }
        return files
    }

    @Test func exportPassesMsgfmtForEveryTranslation() throws {
        let out = try Command.temporaryFolder()
        for language in POExchangeTests.languages {
            let file = out.appendingPathComponent("\(language).po").path
            let result = try Command.handouts(["export-po", "--lang", language, "-o", file])
            #expect(result.status == 0, "\(language): \(result.stderr)")
            let check = try Command.tool("msgfmt", ["--check-format", "--check-header", "-o", "/dev/null", file])
            #expect(check.status == 0 && check.stderr.isEmpty, "\(language): \(check.stderr)")
        }
        let text = try String(contentsOf: out.appendingPathComponent("es.po"), encoding: .utf8)
        #expect(text.contains("\"Language: es\\n\""))
        #expect(text.contains("#. Block first-week.feeds (bullets), heading.\n#: Guide/es.yaml:"))
        #expect(text.contains("msgctxt \"first-week.feeds heading\"\nmsgid \"Feeding\"\n"))
        let standardOutput = try Command.handouts(["export-po", "--lang", "zh-Hant", "-o", "-"])
        #expect(standardOutput.stdout.contains("\"Language: zh_Hant\\n\""))
        let english = try Command.handouts(["export-po", "--lang", "en", "-o", "-"])
        #expect(english.status == 64 && english.stderr.contains("en is English"))
    }

    @Test func aRoundTripWithoutEditsChangesNoByte() throws {
        let project = try Command.projectCopy()
        let before = try guideFiles(in: project)
        for language in POExchangeTests.languages {
            let po = project.appendingPathComponent("\(language).po").path
            #expect(try Command.handouts(["export-po", "--lang", language, "-o", po, "--root", project.path]).status == 0)
            // Rewrapped by gettext's own tool, as an editor would save it.
            let rewrapped = project.appendingPathComponent("\(language)-msgcat.po").path
            #expect(try Command.tool("msgcat", ["-w", "60", "-o", rewrapped, po]).status == 0)
            for file in [po, rewrapped] {
                let result = try Command.handouts(["import-po", file, "--root", project.path])
                #expect(result.status == 0, "\(language): \(result.stderr)")
                #expect(result.stdout.contains("nothing to change in Guide/\(language).yaml"), "\(result.stdout)")
            }
        }
        #expect(try guideFiles(in: project) == before)
    }

    /// The PO file with one entry's msgstr changed, as a translator would.
    func edit(_ file: URL, context: String, to value: String) throws {
        var po = try POParser.parse(String(contentsOf: file, encoding: .utf8), file: file.lastPathComponent)
        let index = try #require(po.entries.firstIndex { $0.context == context })
        po.entries[index].string = value
        try POWriter.write(po).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func anEditedMsgstrLandsInItsPlaceAndLoads() throws {
        let project = try Command.projectCopy()
        let yaml = project.appendingPathComponent("Guide/es.yaml")
        let before = try String(contentsOf: yaml, encoding: .utf8)
        let po = project.appendingPathComponent("es.po")
        #expect(try Command.handouts(["export-po", "--lang", "es", "-o", po.path, "--root", project.path]).status == 0)
        try edit(po, context: "colostrum.what-it-is text", to: "El calostro es la primera leche, desde la semana 16. Es espeso: \"oro líquido\".")
        let result = try Command.handouts(["import-po", po.path, "--root", project.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Guide/es.yaml: 1 text changed"))
        #expect(result.stderr.isEmpty, "the number rule holds: \(result.stderr)")
        let after = try String(contentsOf: yaml, encoding: .utf8)
        let guide = try GuideLoader.parse(YAMLFile.parse(Data(after.utf8), displayName: "Guide/es.yaml"))
        #expect(guide.blocks["colostrum.what-it-is"]?.text?.source == "El calostro es la primera leche, desde la semana 16. Es espeso: \"oro líquido\".")
        // Only that text's lines changed; the block scalar stays folded at its place.
        let old = before.components(separatedBy: "\n"), new = after.components(separatedBy: "\n")
        let line = try #require(old.firstIndex { $0.hasPrefix("      El calostro es la primera leche materna.") })
        #expect(new[line - 1] == "    text: >-" && new[line] == "      El calostro es la primera leche, desde la semana 16. Es espeso: \"oro líquido\".")
        #expect(Array(old[..<line]) == Array(new[..<line]))
        #expect(old[line + 3] == "    sources: [lll-colostrum, ibj-2022, patton-1990]")
        #expect(Array(old[(line + 3)...]) == Array(new[(line + 1)...]))
        let check = try Command.handouts(["check", "--lang", "es", "--root", project.path])
        #expect(!check.stdout.contains("error: es:"), "\(check.stdout)")
    }

    @Test func aBadMsgstrIsOneLineNamingTheEntryAndWritesNothing() throws {
        let project = try Command.projectCopy()
        let before = try guideFiles(in: project)
        let po = project.appendingPathComponent("es.po")
        #expect(try Command.handouts(["export-po", "--lang", "es", "-o", po.path, "--root", project.path]).status == 0)
        try edit(po, context: "first-week.red-flags-baby items[1]", to: "tiene fiebre de {temperatura:38}")
        let result = try Command.handouts(["import-po", po.path, "--root", project.path])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: \(po.path):"))
        #expect(result.stderr.contains("msgctxt \"first-week.red-flags-baby items[1]\": unknown placeholder {temperatura:38}"))
        // Spanish into the Portuguese guide is refused before anything is read into it.
        let wrong = try Command.handouts(["import-po", po.path, "--lang", "pt", "--root", project.path])
        #expect(wrong.status == 65 && wrong.stderr.contains("this file was exported from Guide/es.yaml, not Guide/pt.yaml"), "\(wrong.stderr)")
        #expect(try guideFiles(in: project) == before)
    }

    @Test func changingOneEnglishSentenceMakesThatBlockStaleInEveryTranslation() throws {
        let project = try Command.projectCopy()
        let english = project.appendingPathComponent("Guide/en.yaml")
        let text = try String(contentsOf: english, encoding: .utf8)
        #expect(text.contains("It is thick and sticky."))
        try text.replacingOccurrences(of: "It is thick and sticky.", with: "It is thick and very sticky.")
            .write(to: english, atomically: true, encoding: .utf8)
        // Every translation whose own file holds the block and records what it was made from.
        var expected: [String] = []
        for language in POExchangeTests.languages {
            let yaml = try String(contentsOf: project.appendingPathComponent("Guide/\(language).yaml"), encoding: .utf8)
            if let start = yaml.range(of: "\n  colostrum.what-it-is:\n"), yaml[start.upperBound...].prefix(200).contains("from_en:") {
                expected.append(language)
            }
        }
        #expect(expected.count >= 20)
        let check = try Command.handouts(["check", "--root", project.path])
        for language in expected {
            #expect(check.stdout.contains("warning: \(language): Guide/\(language).yaml:"), "\(language)")
            #expect(check.stdout.contains(": block colostrum.what-it-is: the English text changed since this translation (from_en "),
                    "\(language)")
            let line = check.stdout.split(separator: "\n").first { $0.hasPrefix("warning: \(language): ") && $0.contains("block colostrum.what-it-is: the English text changed") }
            #expect(line?.contains("run handouts fingerprint --lang \(language) --block colostrum.what-it-is") == true, "\(language)")
        }
        // export-po marks its entries fuzzy; fingerprint records the review, and says nothing the second time.
        let po = try Command.handouts(["export-po", "--lang", "es", "-o", "-", "--root", project.path]).stdout
        #expect(po.contains("#, fuzzy\nmsgctxt \"colostrum.what-it-is text\""))
        #expect(try Command.handouts(["fingerprint", "--lang", "es", "--block", "colostrum.what-it-is", "--root", project.path]).stdout
            .contains("Guide/es.yaml: 1 block stamped"))
        #expect(try Command.handouts(["fingerprint", "--lang", "es", "--root", project.path]).stdout
            .contains("already records the current English"))
        let after = try Command.handouts(["export-po", "--lang", "es", "-o", "-", "--root", project.path]).stdout
        #expect(!after.contains("#, fuzzy"))
    }

    @Test func aReviewedTranslationWithAStaleBlockPrintsAsADraft() throws {
        let project = try Command.projectCopy()
        let spanish = project.appendingPathComponent("Guide/es.yaml")
        let text = try String(contentsOf: spanish, encoding: .utf8)
        try text.replacingOccurrences(of: "review:\n  status: draft\n", with: "review:\n  status: reviewed\n  reviewer: \"A. Revisora, matrona\"\n")
            .write(to: spanish, atomically: true, encoding: .utf8)
        func footer() throws -> String {
            let out = project.appendingPathComponent("out")
            let result = try Command.handouts(["render", "colostrum-facts", "--lang", "es", "--out-dir", out.path, "--root", project.path])
            #expect(result.status == 0, "\(result.stderr)")
            return try Command.tool("pdftotext", [out.appendingPathComponent("colostrum-facts-es-a4.pdf").path, "-"]).stdout
                .replacingOccurrences(of: "\n", with: " ")
        }
        #expect(try footer().contains("Revisado por A. Revisora, matrona"))
        let english = project.appendingPathComponent("Guide/en.yaml")
        try String(contentsOf: english, encoding: .utf8).replacingOccurrences(of: "It is thick and sticky.", with: "It is thick and very sticky.")
            .write(to: english, atomically: true, encoding: .utf8)
        let draft = try footer()
        #expect(draft.contains("Translation not yet reviewed") && !draft.contains("Revisado por"))
        let check = try Command.handouts(["check", "--lang", "es", "--root", project.path]).stdout
        #expect(check.contains("draft (stale)") && check.contains("reviewed, but 1 block changed in English since"))
        // The reviewer re-reviews the block and stamps it: reviewed again.
        #expect(try Command.handouts(["fingerprint", "--lang", "es", "--block", "colostrum.what-it-is", "--root", project.path]).status == 0)
        #expect(try footer().contains("Revisado por A. Revisora, matrona"))
    }
}
