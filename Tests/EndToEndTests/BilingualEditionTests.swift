import Foundation
import HandoutModel
import Testing

/// `render --lang ar --with en` as a ward runs it: the file is named for both languages, on
/// at most three pages, titled in both, and every span of the staff's words carries its
/// own language in the structure tree; the card, and --with equal to --lang, are refused
/// with one clear line.
@Suite(.serialized) struct BilingualEditionTests {
    @Test(arguments: ["ar", "ja"])
    func theBilingualChecklistIsNamedForBothLanguagesAndTaggedWithEach(language: String) throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "first-week", "--lang", language, "--with", "en", "--paper", "a4",
                                           "--out-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let file = out.appendingPathComponent("first-week-\(language)+en-a4.pdf")
        #expect(FileManager.default.fileExists(atPath: file.path), "\(result.stdout)")
        #expect(result.stdout.contains("first-week-\(language)+en-a4.pdf"))

        let info = try Command.tool("pdfinfo", [file.path]).stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        #expect((pages ?? 99) <= 3, "\(info)")
        #expect(info.contains("Your baby's first week"), "the title names the English edition too: \(info)")

        // Each structure element says its language: the document the mother's, each span of
        // the staff's words English.
        let structure = try Command.tool("pdfinfo", ["-struct", file.path]).stdout
        #expect(structure.contains("Document \"\(language)\""), "\(structure.prefix(300))")
        let spans = structure.split(separator: "\n").filter { $0.contains("Span \"en\"") }.count
        #expect(spans > 50, "only \(spans) English spans")
        #expect(try Command.tool("qpdf", ["--check", file.path]).status == 0)
        // The English words are there to be read (Latin text extracts exactly).
        let text = try Command.tool("pdftotext", [file.path, "-"]).stdout
        #expect(text.contains("Day-by-day tracker"))
        #expect(text.contains("Wet nappies"))
    }

    @Test func theCardAndTheSameLanguageTwiceAreRefusedWithOneLine() throws {
        let out = try Command.temporaryFolder()
        let card = try Command.handouts(["render", "alternatives-card", "--lang", "ar", "--with", "en", "--out-dir", out.path])
        #expect(card.status == 64)
        #expect(card.stderr.contains("pocket card") && card.stderr.contains("--large-print"), "\(card.stderr)")
        #expect(card.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == 1, "\(card.stderr)")

        let same = try Command.handouts(["render", "first-week", "--lang", "en", "--with", "en", "--out-dir", out.path])
        #expect(same.status == 64)
        #expect(same.stderr.contains("--with en is the same as --lang"), "\(same.stderr)")
        let overlay = try Command.handouts(["render", "first-week", "--lang", "en-US", "--with", "en", "--out-dir", out.path])
        #expect(overlay.status == 64)
        #expect(overlay.stderr.contains("the handout's own language"), "\(overlay.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }.isEmpty)
    }

    @Test func everyLanguageIsPairedWithEnglishAndEnglishItselfIsLeftOut() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "first-week", "--lang", "all", "--with", "en", "--paper", "a4",
                                           "--out-dir", out.path])
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(result.stderr.contains("en left out"), "\(result.stderr)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!files.contains("first-week-en+en-a4.pdf"))
        // Every one, Urdu's tall Nastaliq lines included (it takes extra pages).
        for language in try Project(root: Command.root).languages where language != "en" {
            #expect(files.contains("first-week-\(language)+en-a4.pdf"), "\(language) missing: \(result.stderr)")
        }
    }
}
