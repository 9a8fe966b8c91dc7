import Foundation
import Testing
@testable import HandoutModel

@Suite struct ComposerTests {
    let project: Project
    init() throws { project = try Project(root: TestFiles.root) }

    func composer(site: Site = .neutral, country: String? = nil) throws -> Composer {
        let edition = try project.edition(language: "en", country: country, site: site)
        return Composer(guide: try project.guide(edition.language.wording), sources: try project.sources(), theme: try project.theme(),
                        site: site, country: edition.country)
    }

    @Test func everyShippedLayoutComposesOnEveryPaper() throws {
        for handout in project.handouts {
            let layout = try project.layout(handout)
            for paper in layout.papers {
                let document = try composer().compose(layout, paper: paper)
                #expect(document.paper == paper)
                // A sheet of labels has no pages of blocks: one label, placed on its stock.
                if layout.isLabelSheet {
                    #expect(document.pages.isEmpty)
                    #expect(layout.labelStocks[paper] != nil, "\(handout): no label stock for \(paper.rawValue)")
                } else {
                    #expect(!document.pages.isEmpty)
                }
            }
        }
        #expect(project.handouts == ["alternatives-card", "colostrum-facts", "first-week", "milk-labels"])
    }

    /// Every field of a milk label has its words in every shipped language, with the
    /// English beneath in a translation (for staff) and not in English itself; the unit's
    /// name only with a site profile.
    @Test func everyLanguageNamesEveryLabelField() throws {
        let stock = try #require(project.layout("milk-labels").labelStocks[.a4])
        #expect(stock.count == 14)
        let english = try project.guide("en")
        let site = try SiteLoader.load(TestFiles.root.appendingPathComponent("docs/site.example.yaml"), displayName: "docs/site.example.yaml")
        let inEnglish = LabelComposer(guide: english, english: nil, site: .neutral).label(on: stock)
        let englishLabel = Dictionary(uniqueKeysWithValues: LabelField.allCases.flatMap(inEnglish.words).map { ($0.key, $0.text.plainText) })
        // Full guides and the variants' overlays (es-ES, pt-PT, en-US name some fields their own way).
        for language in project.languages + project.overlays.keys.sorted() {
            let guide = try project.guide(language)
            for profile in [Site.neutral, site] {
                let label = LabelComposer(guide: guide, english: guide.isTranslation ? english : nil, site: profile).label(on: stock)
                #expect((label.unit == nil) == profile.isNeutral, "\(language)")
                for field in LabelField.allCases {
                    for words in label.words(field) {
                        #expect(!words.text.plainText.isEmpty, "\(language): \(words.key) is empty")
                        let englishWords = try #require(englishLabel[words.key])
                        // The English beneath in a translation, unless the language uses the English word.
                        #expect((words.staff != nil) == (guide.isTranslation && words.text.plainText != englishWords),
                                "\(language): \(words.key)")
                        if let staff = words.staff { #expect(staff.plainText == englishWords, "\(language): \(words.key)") }
                    }
                }
            }
        }
    }

    @Test func layoutNamingAMissingBlockSuggestsTheRightOne() throws {
        let node = try TestFiles.yaml("""
            handout: first-week
            scale: sheet
            papers: [a4]
            margins_mm: {top: 10, bottom: 10, left: 10, right: 10}
            pages:
              - - first-week.latc
            """, file: "Layouts/first-week.yaml")
        let layout = try LayoutLoader.parse(node)
        let error = try #require(TestFiles.loadError { _ = try composer().compose(layout, paper: .a4) })
        #expect(error.file == "Layouts/first-week.yaml")
        #expect(error.line == 6)
        #expect(error.description.contains("has no block \"first-week.latc\""))
        #expect(error.description.contains("did you mean \"first-week.latch\"?"))
    }

    @Test func wrongPaperListsTheSupportedOnes() throws {
        let layout = try project.layout("alternatives-card")
        let error = try #require(TestFiles.loadError { _ = try composer().compose(layout, paper: .letter) })
        #expect(error.description.contains("not made for letter"))
        #expect(error.description.contains("a6"))
    }

    @Test func siteEmergencyNumberReplacesTheGuideDefault() throws {
        let site = Site(unit: "Riverside", phones: [.init(role: .ward, number: "020 7946 0321"), .init(role: .emergency, number: "112")],
                        hours: nil, url: nil, logoPath: nil, brandColor: nil, file: "site.yaml")
        let document = try composer(site: site).compose(try project.layout("colostrum-facts"), paper: .a4)
        let legends = document.pages.flatMap { $0 }.flatMap { row -> [DocumentBlock] in
            switch row { case .single(let block): return [block]; case .columns(let columns): return columns.flatMap { $0 } }
        }.compactMap(\.urgentLegend?.plainText)
        #expect(legends == ["✱ Call 112 or go to hospital now."])
        // The unit name and the number are isolated (FSI/LRI … PDI) so a right-to-left page
        // cannot reorder the digits; without the marks the text is unchanged.
        let footer = document.footer.leading.plainText
        #expect(footer.unicodeScalars.filter { !(0x2066...0x2069).contains($0.value) }.map(String.init).joined() == "Riverside · 020 7946 0321")
        #expect(footer.contains("\u{2066}020 7946 0321\u{2069}"), "the phone number is not in a left-to-right isolate")
        #expect(document.metadata.author == "Riverside")
    }

    @Test func sourcesLineNamesEachCitedSourceOnce() throws {
        let document = try composer().compose(try project.layout("colostrum-facts"), paper: .a4)
        let blocks = document.pages.flatMap { $0 }.compactMap { row -> DocumentBlock? in
            if case .single(let block) = row, block.component == .sources { return block }
            return nil
        }
        guard case .paragraph(let line)? = blocks.first?.content.first else {
            Issue.record("no sources line"); return
        }
        #expect(line.plainText.hasPrefix("Sources: LLL; AAP;"))
        let names = line.plainText.dropFirst("Sources: ".count).components(separatedBy: "; ")
        #expect(Set(names).count == names.count)
    }
}
