import Foundation
import Testing
import HandoutModel

/// Every handout in every language: written, checked, titled in the mother's language,
/// and refused when a font is missing.
@Suite(.serialized) struct LanguageTests {
    static let project = try! Project(root: Command.root)
    /// Every shipped guide (wording overlays such as en-US not counted: `--lang all` renders guides).
    static let languages = project.languages

    @Test func renderAllLanguagesWritesEveryHandoutAndPaper() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "--all", "--lang", "all", "--out-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let perLanguage = try LanguageTests.project.handouts.reduce(0) { $0 + (try LanguageTests.project.layout($1).papers.count) }
        #expect(result.stdout.contains("\(LanguageTests.languages.count * perLanguage) written, 0 failed"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        for language in LanguageTests.languages {
            for name in ["colostrum-facts-\(language)-a4", "colostrum-facts-\(language)-letter", "first-week-\(language)-a4",
                         "first-week-\(language)-letter", "alternatives-card-\(language)-a6", "colostrum-facts-\(language)-a5",
                         "first-week-\(language)-a5", "alternatives-card-\(language)-4x6"] {
                #expect(files.contains(name + ".pdf"), "\(name).pdf missing")
            }
        }
        // Non-Latin scripts use only the shipped fonts, all embedded.
        for language in ["ar", "hi", "ja", "ko", "zh-Hans"] {
            let lines = try Command.tool("pdffonts", [out.appendingPathComponent("first-week-\(language)-a4.pdf").path]).stdout
                .split(separator: "\n").dropFirst(2)
            var latinFaces: [String] = []
            for line in lines {
                let face = String(line.split(separator: " ")[0].split(separator: "+").last ?? "")
                #expect(face.hasPrefix("Noto"), "\(language): \(face) is not from Fonts/")
                #expect(line.split(separator: " ").suffix(5).prefix(3).allSatisfy { $0 == "yes" }, "\(language): \(line)")
                if face == "NotoSans-Regular" { latinFaces.append(String(line)) }
            }
            // The Latin words (the sources line) are set without the ﬁ ligature, whose glyph
            // alone made Cairo embed Noto Sans a second time (LatinStretches).
            #expect(latinFaces.count <= 1, "\(language): Noto Sans embedded \(latinFaces.count) times")
        }
        // The handout's own title, as written in each guide, comes back out of the PDF.
        for language in ["es", "vi", "pt", "pl", "ja", "zh-Hans", "ko"] {
            let guide = try GuideLoader.load(Command.root.appendingPathComponent("Guide/\(language).yaml"), displayName: language)
            for (handout, paper) in [("colostrum-facts", "a4"), ("first-week", "letter"), ("alternatives-card", "a6")] {
                let title = try #require(guide.handouts[handout]?.title.source)
                let text = try Command.tool("pdftotext", [out.appendingPathComponent("\(handout)-\(language)-\(paper).pdf").path, "-"]).stdout
                #expect(text.contains(title), "\(language) \(handout): \"\(title)\" not found")
            }
            // A draft translation says so, in English too, for staff.
            let text = try Command.tool("pdftotext", [out.appendingPathComponent("first-week-\(language)-a4.pdf").path, "-"]).stdout
            #expect(text.replacingOccurrences(of: "\n", with: " ").contains("Translation not yet reviewed"))
        }
    }

    @Test func checkPassesForEveryLanguage() throws {
        let result = try Command.handouts(["check"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let count = LanguageTests.languages.count + LanguageTests.project.overlays.count
        #expect(result.stdout.contains("\(count) languages checked: 0 errors,"))
        for language in LanguageTests.languages { #expect(result.stdout.contains("\n\(language) ")) }
    }

    @Test func languageTagsFallBackAndUnknownOnesAreListed() throws {
        let out = try Command.temporaryFolder()
        #expect(try Command.handouts(["render", "colostrum-facts", "--lang", "es-MX", "--out-dir", out.path]).status == 0)
        #expect(try Command.handouts(["render", "colostrum-facts", "--lang", "zh", "--out-dir", out.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        // es-MX: Spanish, for Mexico (its emergency number and US Letter); zh: Simplified.
        #expect(files == ["colostrum-facts-es-MX-letter.pdf", "colostrum-facts-zh-Hans-a4.pdf"])
        let unknown = try Command.handouts(["render", "colostrum-facts", "--lang", "tlh"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("error: unknown language \"tlh\": no guide for this language — available: en, ar, "))
        for language in LanguageTests.languages { #expect(unknown.stderr.contains(language)) }
    }

    @Test func requireReviewedRefusesDrafts() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "first-week", "--lang", "es", "--require-reviewed", "--out-dir", out.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Guide/es.yaml: review.status:"))
        #expect(result.stderr.contains("draft"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    /// Over every language, --require-reviewed names every draft it refuses in one line,
    /// not only the first, so a lead knows the whole list to send for review.
    @Test func requireReviewedListsEveryDraft() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "--all", "--lang", "all", "--require-reviewed", "--out-dir", out.path])
        #expect(result.status == 65)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "\(result.stderr)")
        let guides = try FileManager.default.contentsOfDirectory(atPath: Command.root.appendingPathComponent("Guide").path)
            .filter { $0.hasSuffix(".yaml") && $0 != "sources.yaml" }
            // es-ES.yaml, pt-PT.yaml, en-US.yaml are country wordings over a guide, not guides.
            .filter { name in !(name.split(separator: "-").last.map { $0.count == 7 && $0.prefix(2).allSatisfy(\.isUppercase) } ?? false) }
        for guide in guides { #expect(errors.first?.contains("Guide/\(guide)") == true, "\(guide) is not named") }
        #expect(errors.first?.contains("these \(guides.count) guides are drafts and --require-reviewed is set") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    /// Without the symbols font, ✱ has no glyph: check names it and every language that
    /// needs it, and render refuses to write a PDF with tofu.
    @Test func aMissingFontIsNamedAndRefused() throws {
        let project = try Command.projectCopy()
        try FileManager.default.removeItem(at: project.appendingPathComponent("Fonts/NotoSansSymbols2-Regular.subset.ttf"))
        let check = try Command.handouts(["check", "--root", project.path])
        #expect(check.status == 65)
        for language in LanguageTests.languages {
            let named = check.stdout.split(separator: "\n").contains {
                $0.hasPrefix("error: \(language): Guide/\(language).yaml:") && $0.contains(": strings.emergency_legend: no shipped font has U+2731 ✱")
            }
            #expect(named, "\(language) is not named")
        }
        let out = project.appendingPathComponent("out")
        let render = try Command.handouts(["render", "first-week", "--root", project.path, "--out-dir", out.path])
        #expect(render.status == 65)
        #expect(render.stderr.contains("U+2731"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "no PDF with tofu is written")
    }
}
