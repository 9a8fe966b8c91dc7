import Foundation
import Testing
@testable import HandoutModel

/// The shipped English guide loads, cites only known sources, and keeps the article's errors out.
@Suite struct GuideTests {
    let project: Project
    init() throws { project = try Project(root: TestFiles.root) }

    @Test func englishGuideLoadsWithReviewStatus() throws {
        let guide = try project.guide("en")
        #expect(guide.language == "en")
        #expect(guide.direction == .ltr)
        #expect(guide.review.status == .draft)
        #expect(guide.review.date == CalendarDate("2026-12-02"))
        #expect(guide.blocks.count >= 19)
    }

    @Test func everyCitedSourceResolves() throws {
        let guide = try project.guide("en")
        let sources = try project.sources()
        var cited: [String] = []
        for block in guide.blocks.values {
            cited += block.sources
            for item in block.items { cited += item.sources + item.items.flatMap(\.sources) }
            cited += block.table?.rows.flatMap(\.sources) ?? []
        }
        #expect(!cited.isEmpty)
        for key in Set(cited) { #expect(sources[key] != nil, "source \(key) is not in sources.yaml") }
    }

    /// CONTENT.md section 1.4: statements the source article gets wrong must never appear.
    @Test func noneOfTheSeedArticleErrors() throws {
        let guide = try project.guide("en")
        let text = guide.allTexts.map(\.prose.source).joined(separator: " ")
        let lowered = text.lowercased()
        let forbidden = [
            "produced for about a week",      // #2: colostrum lasts ~2–5 days in UK/US usage
            "from childbirth",                // #3: it is made before birth
            "compared with milk",             // #4: always "mature breast milk"
            "iron", "calcium",                // #5: not supported
            "5 times", "3 times more",        // #6: false precision
            "water-soluble",                  // #7: wrong mechanism
            "igg",                            // #8: IgG is minor; say secretory IgA
            "clogging", "made from blood",    // #9, #10
            "reshape", "breast shell",        // #11
            "cream coloured", "colostrum is yellow",
        ]
        for phrase in forbidden { #expect(!lowered.contains(phrase), "the guide says \"\(phrase)\"") }
        // And it says the right things instead.
        #expect(lowered.contains("first breast milk"))
        #expect(lowered.contains("mature breast milk"))
        #expect(lowered.contains("secretory iga"))
    }

    @Test func clinicalBlockWithoutSourceIsAnError() throws {
        let node = try TestFiles.yaml("""
            kind: bullets
            items:
              - text: Feed often.
            """, file: "Guide/xx.yaml")
        let error = try #require(TestFiles.loadError { _ = try GuideLoader.parseBlock(id: "x", node) })
        #expect(error.description.contains("clinical statement without a source"))
        #expect(error.line == 3)
    }

    @Test func unknownPlaceholderIsAnError() throws {
        let node = try TestFiles.yaml("""
            kind: paragraph
            text: Call {emergncy} now.
            sources: [abm-3]
            """, file: "Guide/xx.yaml")
        let error = try #require(TestFiles.loadError { _ = try GuideLoader.parseBlock(id: "x", node) })
        #expect(error.description.contains("unknown placeholder {emergncy}"))
        #expect(error.description.contains("did you mean {emergency}? It is allowed only in strings.emergency_legend"))
        #expect(error.line == 2 && error.column == 7)
    }

    @Test func datesAreChecked() {
        #expect(CalendarDate("2026-02-30") == nil)
        #expect(CalendarDate("2026-12-01")?.epochSeconds == 1_796_083_200)
    }

    @Test func languageTagsFallBack() throws {
        let resolver = project.languageResolver
        #expect(try resolver.resolve("en").wording == "en")
        #expect(try resolver.resolve("en-GB").wording == "en")
        #expect(try resolver.resolve("en-GB").notes == ["en-GB → en"])
        #expect(try resolver.resolve("EN").wording == "en")
        #expect(try resolver.resolve("en_us").wording == "en-US")
        #expect(try resolver.resolve("es-MX").wording == "es")
        #expect(try resolver.resolve("es-MX").countryFromTag == "MX")
        #expect(try resolver.resolve("zh").wording == "zh-Hans")
        #expect(try resolver.resolve("zh-CN").wording == "zh-Hans")
        #expect(throws: LanguageError.self) { try resolver.resolve("xx") }
        #expect(throws: LanguageError.self) { try resolver.resolve("not a tag") }
    }
}
