import Foundation
import Testing

/// The README's promise, checked on real PDFs with poppler-utils and qpdf.
@Suite(.serialized) struct RenderAllTests {
    static let expected: [(file: String, pages: ClosedRange<Int>, size: String)] = [
        // The fact sheet is one sheet, both sides; the checklist three pages; the card
        // folds to four faces. A5 holds about half a page of A4.
        ("colostrum-facts-en-a4.pdf", 2...2, "595.276 x 841.89"),
        ("colostrum-facts-en-letter.pdf", 2...2, "612 x 792"),
        ("colostrum-facts-en-a5.pdf", 3...4, "419.528 x 595.276"),
        ("first-week-en-a4.pdf", 3...3, "595.276 x 841.89"),
        ("first-week-en-letter.pdf", 3...3, "612 x 792"),
        ("first-week-en-a5.pdf", 5...7, "419.528 x 595.276"),
        ("alternatives-card-en-a6.pdf", 4...4, "297.638 x 419.528"),
        ("alternatives-card-en-4x6.pdf", 4...4, "288 x 432"),
        // One sheet of labels for each stock: L7163 on A4, 5163 on US Letter.
        ("milk-labels-en-a4.pdf", 1...1, "595.276 x 841.89"),
        ("milk-labels-en-letter.pdf", 1...1, "612 x 792"),
    ]

    @Test func renderAllWritesEveryHandoutAsAGoodPDF() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "--all", "--out-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\(RenderAllTests.expected.count) written, 0 failed"))
        #expect(result.stderr.contains("draft"), "a draft guide is announced")
        for item in RenderAllTests.expected {
            let file = out.appendingPathComponent(item.file)
            let info = try pdfInfo(file)
            let pages = Int(info["Pages"] ?? "") ?? 0
            #expect(item.pages.contains(pages), "\(item.file): \(pages) pages")
            #expect(info["Page size"]?.hasPrefix(item.size) == true, "\(item.file): \(info["Page size"] ?? "?")")
            #expect(info["Tagged"] == "yes", "\(item.file) is not tagged")
            #expect(info["Title"]?.isEmpty == false)
            #expect(info["Subject"]?.isEmpty == false)
            #expect(info["Keywords"]?.isEmpty == false)
            #expect(info["Author"]?.isEmpty == false)
            #expect(info["Creator"]?.hasPrefix("Handouts") == true)
            try expectFontsAreOurs(file)
            let check = try Command.tool("qpdf", ["--check", file.path])
            #expect(check.status == 0, "qpdf --check \(item.file): \(check.stdout)")
            let outline = try Command.tool("qpdf", ["--json", "--json-key=outlines", file.path])
            #expect(outline.stdout.contains("\"title\""), "\(item.file) has no outline")
        }
    }

    private func expectFontsAreOurs(_ file: URL) throws {
        let lines = try Command.tool("pdffonts", [file.path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!lines.isEmpty)
        // Each face once: an English sheet's characters are all in Cairo's Latin subset of a
        // face (the no-break space of "4 °C" is drawn as a space); a second subset of a face
        // costs its set-up and about 700 bytes.
        let faces = lines.compactMap { $0.split(separator: " ").first?.split(separator: "+").last.map(String.init) }
        let twice = Set(faces.filter { face in faces.filter { $0 == face }.count > 1 })
        #expect(twice.isEmpty, "\(file.lastPathComponent) embeds \(twice.sorted().joined(separator: ", ")) more than once")
        for line in lines {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            let name = String(columns[0])
            #expect(!line.contains("Type 3"), "\(file.lastPathComponent): Type 3 font \(name)")
            // emb sub uni are the three yes/no columns before the object id.
            let flags = columns.suffix(5).prefix(3)
            #expect(flags.allSatisfy { $0 == "yes" }, "\(file.lastPathComponent): \(line)")
            let face = name.split(separator: "+").last.map(String.init) ?? name
            #expect(face.hasPrefix("NotoSans"), "\(file.lastPathComponent): font \(face) is not from Fonts/")
        }
    }

    @Test func keyTextIsThere() throws {
        let out = try Command.temporaryFolder()
        try Command.handouts(["render", "--all", "--out-dir", out.path])
        func text(_ name: String) throws -> String {
            // Lines joined with spaces so a phrase broken across lines still matches.
            try Command.tool("pdftotext", [out.appendingPathComponent(name).path, "-"]).stdout
                .replacingOccurrences(of: "\n", with: " ")
        }
        let facts = try text("colostrum-facts-en-a4.pdf")
        #expect(facts.contains("Colostrum is the first breast milk"))
        #expect(facts.contains("mature breast milk"))
        let checklist = try text("first-week-en-letter.pdf")
        for day in 1...7 { #expect(checklist.contains("Day \(day)")) }
        #expect(checklist.contains("8 to 12"))
        let card = try text("alternatives-card-en-a6.pdf")
        #expect(card.contains("syringes"))
        #expect(card.contains("labels"))
        #expect(card.contains("Cup feeding"))
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let first = try Command.temporaryFolder("first"), second = try Command.temporaryFolder("second")
        try Command.handouts(["render", "--all", "--out-dir", first.path])
        try Command.handouts(["render", "--all", "--out-dir", second.path])
        for item in RenderAllTests.expected {
            let a = try Data(contentsOf: first.appendingPathComponent(item.file))
            let b = try Data(contentsOf: second.appendingPathComponent(item.file))
            #expect(a == b, "\(item.file) differs between runs")
        }
        let fixed = try Command.temporaryFolder("fixed")
        try Command.handouts(["render", "colostrum-facts", "--out-dir", fixed.path], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        let info = try pdfInfo(fixed.appendingPathComponent("colostrum-facts-en-a4.pdf"))
        #expect(info["CreationDate"]?.contains("2023") == true)
    }

    /// With no project in the current folder, the bundled copies are used and the PDFs
    /// land in ./handouts-out: the README's first command on an installed binary.
    @Test func defaultsWorkFromAnyFolder() throws {
        let folder = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "--all"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("handouts-out").path).sorted()
        #expect(written == RenderAllTests.expected.map(\.file).sorted())
    }

    @Test func oneHandoutToAChosenFile() throws {
        let folder = try Command.temporaryFolder()
        let target = folder.appendingPathComponent("ward3.pdf")
        let result = try Command.handouts(["render", "first-week", "--paper", "letter", "-o", target.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try pdfInfo(target)["Page size"]?.hasPrefix("612 x 792") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ward3.pdf"], "no temporary file is left")
    }

    @Test func listShowsHandoutsLanguagesAndPapers() throws {
        let result = try Command.handouts(["list"])
        #expect(result.status == 0)
        for word in ["colostrum-facts", "first-week", "alternatives-card", "English", "letter", "a6"] {
            #expect(result.stdout.contains(word), "list does not mention \(word)")
        }
        // Pages per paper, as the page-break rules give them (the fact sheet is longer on A5),
        // and each language in its own script and in English.
        let facts = try #require(result.stdout.split(separator: "\n").first { $0.contains("colostrum-facts") })
        #expect(facts.contains("a4 2 pages") && facts.contains("a5 4 pages"), "\(facts)")
        #expect(result.stdout.contains("العربية — Arabic"))
        #expect(result.stdout.contains("اردو — Urdu"))
    }
}
