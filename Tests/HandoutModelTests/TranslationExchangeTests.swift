import Foundation
import Testing
@testable import HandoutModel

/// PO files for translators and fingerprints of the English: written and read losslessly,
/// edits that change only what they must, stale blocks seen and shown as drafts.
@Suite struct TranslationExchangeTests {
    let project: Project
    let english: Guide
    init() throws {
        project = try Project(root: TestFiles.root)
        english = try project.guide("en")
    }

    func text(_ language: String) throws -> String {
        try String(contentsOf: TestFiles.root.appendingPathComponent("Guide/\(language).yaml"), encoding: .utf8)
    }

    func editor(_ language: String = "es", _ change: (String) -> String = { $0 }) throws -> GuideEditor {
        try GuideEditor(text: change(try text(language)), file: "Guide/\(language).yaml", english: english, base: nil)
    }

    // MARK: PO format

    @Test func poStringsSurviveWritingAndReading() throws {
        let values = ["plain", "with \"quotes\" and \\ backslash", "two\nlines", "ends in a break\n", "tab\there",
                      String(repeating: "long words wrap between them ", count: 8),
                      String(repeating: "日本語の長い文は空白がなくても切れる。", count: 8), "{temp:38} and **bold** ✱", ""]
        var po = POFile()
        po.header = [("Language", "es"), ("Content-Type", "text/plain; charset=UTF-8")]
        po.entries = values.enumerated().map { POFile.Entry(context: "c\($0.offset)", id: $0.element, string: $0.element) }
        let written = POWriter.write(po)
        let read = try POParser.parse(written, file: "t.po")
        #expect(read.entries.map(\.string) == values)
        #expect(read.entries.map(\.id) == values)
        #expect(read.headerField("language") == "es")
        for line in written.split(separator: "\n") where !line.hasPrefix("#") && line.contains(" ") {
            #expect(line.count <= POWriter.width, "\(line)")
        }
    }

    @Test func poParserReadsWhatToolsWrite() throws {
        let text = "\u{FEFF}# translator\r\nmsgid \"\"\r\nmsgstr \"Language: uk\\n\"\r\n\r\n"
            + "# my note\n#. extracted\n#: Guide/uk.yaml:3\n#, fuzzy, python-brace-format\n#| msgid \"old\"\n"
            + "msgctxt \"b heading\"\nmsgid \"\"\n\"Hello \"\n\"world\"\nmsgstr \"Приві\\\"т\\t\\101\"\n"
            + "msgctxt \"b text\"\nmsgid \"x\"\nmsgstr \"y\"\n\n#~ msgid \"gone\"\n#~ msgstr \"пішло\"\n"
        let po = try POParser.parse(text, file: "uk.po")
        #expect(po.headerField("Language") == "uk")
        #expect(po.entries.count == 2)
        let first = try #require(po.entries.first)
        #expect(first.id == "Hello world")
        #expect(first.string == "Приві\"т\tA")
        #expect(first.isFuzzy && first.flags.contains("python-brace-format"))
        #expect(first.translatorComments == ["my note"] && first.extractedComments == ["extracted"])
        #expect(first.line == 5)
        #expect(po.entries[1].context == "b text" && po.entries[1].line == 15)
    }

    @Test func poParserRefusesPluralsAndBrokenQuotes() {
        let plural = TestFiles.loadError { _ = try POParser.parse("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\n", file: "p.po") }
        #expect(plural?.description.hasPrefix("p.po:2: plural forms") == true, "\(String(describing: plural))")
        let open = TestFiles.loadError { _ = try POParser.parse("msgid \"a\nmsgstr \"b\"\n", file: "q.po") }
        #expect(open?.line == 1)
    }

    // MARK: YAML scalars

    @Test func everyScalarStyleReadsBackAsTheText() throws {
        let values = ["Feeding", "Día 1: 8–12", "has a temperature of {temp:38} or more", "\"quoted\" # not a comment",
                      "- starts like a list", "a: b", "line\nbreak", "  edge spaces  ", "back\\slash", "یک، دو"]
        for value in values {
            let quoted = try TestFiles.yaml("k: \(YAMLScalarWriter.doubleQuoted(value))\n")
            #expect(try quoted.fields(required: ["k"]).required("k").string() == value)
            if let plain = YAMLScalarWriter.plain(value) {
                #expect(try TestFiles.yaml("k: \(plain)\n").fields(required: ["k"]).required("k").string() == value)
            }
            if let folded = YAMLScalarWriter.folded(value, indent: 2, width: 20) {
                #expect(try TestFiles.yaml("k: \(folded)\nz: 1\n").fields(required: ["k", "z"]).required("k").string() == value)
            }
        }
        #expect(YAMLScalarWriter.plain("a: b") == nil && YAMLScalarWriter.plain("x #y") == nil && YAMLScalarWriter.plain("Feeding") == "Feeding")
        #expect(YAMLScalarWriter.folded("one  two three four five six seven", indent: 2, width: 12)?.contains("\n") == true)
    }

    @Test func editingEveryTextKeepsCommentsIdsAndOrder() throws {
        var editor = try self.editor()
        let units = editor.units
        for (index, unit) in units.enumerated() where unit.translation != nil {
            try editor.setText(unit, to: (unit.translation?.source ?? "") + " \"editado\": #\(index)", tag: index)
        }
        let edited = try #require(try editor.finish())
        let before = try text("es")
        // (Edited text may fold onto a line that starts "#12": comments have a space after #.)
        let comments = { (text: String) in
            text.split(separator: "\n").filter { let line = $0.trimmingCharacters(in: .whitespaces); return line == "#" || line.hasPrefix("# ") }
        }
        #expect(comments(edited) == comments(before))
        let guide = try GuideLoader.parse(YAMLFile.parse(Data(edited.utf8), displayName: "Guide/es.yaml"))
        #expect(guide.blockOrder == editor.guide.blockOrder)
        let texts = guide.translationUnits(english: english)
        for (index, (old, new)) in zip(units, texts).enumerated() where old.translation != nil {
            #expect(new.translation?.source == old.translation!.source + " \"editado\": #\(index)")
        }
        // A `>-` block stays folded.
        #expect(edited.contains("    text: >-\n      El calostro es la primera leche materna."))
    }

    @Test func noEditsChangeNothing() throws {
        var editor = try self.editor()
        let po = POExport.file(for: editor.guide, english: english)
        let summary = try POImport.apply(try POParser.parse(POWriter.write(po), file: "es.po"), poName: "es.po", to: &editor)
        #expect(summary.text == nil && summary.changedTexts.isEmpty && summary.stampedBlocks.isEmpty)
    }

    // MARK: Import

    func importing(_ change: (inout POFile) -> Void, into language: String = "es",
                   file: (String) -> String = { $0 }) throws -> (POImport.Summary, POFile) {
        var editor = try self.editor(language, file)
        var po = try POParser.parse(POWriter.write(POExport.file(for: editor.guide, english: english)), file: "\(language).po")
        change(&po)
        let written = try POParser.parse(POWriter.write(po), file: "\(language).po")
        return (try POImport.apply(written, poName: "\(language).po", to: &editor), written)
    }

    func set(_ context: String, _ value: String, fuzzy: Bool = false) -> (inout POFile) -> Void {
        { po in
            let index = po.entries.firstIndex { $0.context == context }!
            po.entries[index].string = value
            if fuzzy { po.entries[index].flags.append("fuzzy") }
        }
    }

    @Test func anEditedEntryLandsInItsPlaceAndStampsItsBlock() throws {
        let (summary, _) = try importing(set("first-week.feeds heading", "Tomas del bebé"))
        let text = try #require(summary.text)
        #expect(summary.changedTexts == ["first-week.feeds heading"])
        #expect(summary.stampedBlocks.isEmpty, "the shipped translation already records today's English")
        let guide = try GuideLoader.parse(YAMLFile.parse(Data(text.utf8), displayName: "Guide/es.yaml"))
        #expect(guide.blocks["first-week.feeds"]?.heading?.source == "Tomas del bebé")
        #expect(guide.blocks["first-week.feeds"]?.fromEnglish == english.blocks["first-week.feeds"]?.englishFingerprint)
        let before = try self.text("es").split(separator: "\n", omittingEmptySubsequences: false)
        let after = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        #expect(zip(before, after).filter { $0 != $1 }.count == 1)
    }

    @Test func aFuzzyEntryIsImportedButLeavesItsBlockUnstamped() throws {
        let unstamped = { (text: String) in text.replacingOccurrences(of: #"\n    from_en: [0-9a-f]{8}"#, with: "", options: .regularExpression) }
        let (summary, _) = try importing(set("first-week.feeds heading", "Tomas del bebé", fuzzy: true), file: unstamped)
        #expect(summary.changedTexts.count == 1 && summary.stampedBlocks.isEmpty)
        let (confirmed, _) = try importing(set("first-week.feeds heading", "Tomas del bebé"), file: unstamped)
        #expect(confirmed.stampedBlocks == ["first-week.feeds"])
    }

    @Test func aBadTranslationIsAnErrorNamingThePOEntry() throws {
        func error(_ change: @escaping (inout POFile) -> Void) -> LoadError? {
            TestFiles.loadError { _ = try importing(change) }
        }
        let placeholder = try #require(error(set("card.storage storage_rules.abm[2]", "En el refrigerador a {tmp:4} o menos")))
        #expect(placeholder.file == "es.po" && placeholder.keyPath == "msgctxt \"card.storage storage_rules.abm[2]\"")
        #expect(placeholder.description.contains("unknown placeholder {tmp:4} — did you mean {temp:NUMBER}"))
        let empty = try #require(error(set("first-week.feeds heading", "")))
        #expect(empty.problem == "the translation is empty" && (empty.line ?? 0) > 1)
        let unknown = try #require(error { po in po.entries[3].context = "first-week.feedz heading" })
        #expect(unknown.description.contains("msgctxt \"first-week.feedz heading\": no such text in Guide/es.yaml — did you mean \"first-week.feeds heading\"?"))
        let bold = try #require(error(set("first-week.feeds heading", "**Las tomas")))
        #expect(bold.description.hasPrefix("es.po:") && bold.problem.contains("unbalanced **"))
    }

    @Test func aChangedNumberIsImportedWithAWarning() throws {
        let (summary, _) = try importing(set("colostrum.key-messages items[4]", "**Dé el pecho 9 veces o más en 24 horas.** Esto ayuda a que llegue su leche."))
        #expect(summary.text != nil)
        #expect(summary.warnings.count == 1)
        #expect(summary.warnings.first?.contains("block colostrum.key-messages items[4]: 9, 24") == true, "\(summary.warnings)")
    }

    // MARK: Fingerprints

    @Test func theFingerprintFollowsTheTextNotTheYAML() throws {
        let block = try #require(english.blocks["colostrum.what-it-is"])
        #expect(block.englishFingerprint.count == 8)
        func changed(_ change: (String) -> String) throws -> String? {
            let text = change(try String(contentsOf: TestFiles.root.appendingPathComponent("Guide/en.yaml"), encoding: .utf8))
            return try GuideLoader.parse(YAMLFile.parse(Data(text.utf8), displayName: "Guide/en.yaml")).blocks["colostrum.what-it-is"]?.englishFingerprint
        }
        #expect(try changed { $0.replacingOccurrences(of: "    heading: What is colostrum?", with: "    heading: \"What is colostrum?\"") } == block.englishFingerprint)
        #expect(try changed { $0.replacingOccurrences(of: "It is thick and sticky.", with: "It is thick and very sticky.") } != block.englishFingerprint)
    }

    @Test func aStaleBlockMakesAReviewedTranslationADraft() throws {
        let reviewed = try editor { $0.replacingOccurrences(of: "review:\n  status: draft\n", with: "review:\n  status: reviewed\n  reviewer: \"A. Revisora, matrona\"\n") }
        #expect(reviewed.guide.recordedReview.status == .reviewed)
        let changedEnglish = try GuideLoader.parse(YAMLFile.parse(Data(try text("en").replacingOccurrences(of: "It is thick and sticky.", with: "It is thick and very sticky.").utf8),
                                                                  displayName: "Guide/en.yaml"))
        let stale = reviewed.guide.checkingFreshness(against: changedEnglish)
        #expect(stale.staleBlocks.map(\.id).contains("colostrum.what-it-is"))
        #expect(stale.review.status == .draft && stale.recordedReview.status == .reviewed)
        let finding = try #require(stale.freshnessFindings.first { $0.message.hasPrefix("block colostrum.what-it-is:") })
        #expect(finding.severity == .warning && finding.message.contains("the English text changed since this translation (from_en "))
        // English itself is never stale.
        #expect(english.checkingFreshness(against: changedEnglish).staleBlocks.isEmpty)
    }

    @Test func stampingWritesOneLinePerBlockAndIsIdempotent() throws {
        let strip = { (text: String) in text.replacingOccurrences(of: #"\n    from_en: [0-9a-f]{8}"#, with: "", options: .regularExpression) }
        var editor = try self.editor("es", strip)
        for id in editor.guide.blockOrder { try editor.stamp(id) }
        let stamped = try #require(try editor.finish())
        // One line added per block, after its kind:, and nothing else changed.
        #expect(strip(stamped) == strip(try text("es")))
        #expect(stamped.components(separatedBy: "\n    from_en: ").count - 1 == editor.guide.blockOrder.count)
        #expect(stamped.contains("    kind: callout\n    from_en: \(english.blocks["colostrum.key-messages"]!.englishFingerprint)\n    heading:"))
        var again = try GuideEditor(text: stamped, file: "Guide/es.yaml", english: english, base: nil)
        for id in again.guide.blockOrder { try again.stamp(id) }
        #expect(try again.finish() == nil)
        #expect(again.guide.unstampedBlocks.isEmpty)
    }

    @Test func aBadFingerprintIsALoadError() throws {
        let error = try #require(TestFiles.loadError { _ = try editor { $0.replacingOccurrences(of: #"from_en: [0-9a-f]{8}"#, with: "from_en: nothex!!", options: .regularExpression) } })
        #expect(error.description.contains("from_en \"nothex!!\" is not a fingerprint"))
    }
}
