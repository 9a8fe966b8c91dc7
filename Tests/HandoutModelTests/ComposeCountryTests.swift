import Foundation
import Testing
@testable import HandoutModel

/// What a composed handout says depends on the country: the legend, the contacts' emergency
/// line, temperatures and the storage lines.
@Suite struct ComposeCountryTests {
    let project: Project
    init() throws { project = try Project(root: TestFiles.root) }

    func document(_ handout: String, language: String = "en", country: String?, site: Site = .neutral) throws -> Document {
        let edition = try project.edition(language: language, country: country, site: site)
        let composer = Composer(guide: try project.guide(edition.language.wording), sources: try project.sources(),
                                theme: try project.theme(), site: site, country: edition.country)
        let layout = try project.layout(handout)
        return try composer.compose(layout, paper: layout.papers[0])
    }

    func blocks(_ document: Document) -> [DocumentBlock] {
        document.pages.flatMap { $0 }.flatMap { row -> [DocumentBlock] in
            switch row { case .single(let block): return [block]; case .columns(let columns): return columns.flatMap { $0 } }
        }
    }

    func texts(_ document: Document) -> [String] {
        var texts: [String] = []
        for block in blocks(document) {
            if let legend = block.urgentLegend { texts.append(legend.plainText) }
            for content in block.content {
                switch content {
                case .paragraph(let text): texts.append(text.plainText)
                case .list(_, let items): texts += items.flatMap { [$0.text.plainText] + $0.children.map(\.text.plainText) }
                case .contacts(let contacts): texts += contacts.map { "\($0.label): \($0.number)" }
                default: break
                }
            }
        }
        return texts
    }

    @Test func withNoCountryNoEmergencyNumberIsPrinted() throws {
        for handout in ["colostrum-facts", "first-week", "alternatives-card"] {
            let document = try document(handout, country: nil)
            for legend in blocks(document).compactMap(\.urgentLegend) {
                #expect(legend.plainText == "✱ Call your emergency number or go to hospital now.")
            }
            // The contacts box has a line to write the number on, never a guess.
            #expect(texts(document).contains("Emergency: "))
        }
    }

    @Test func theCountrysNumberAndUnitsArePrinted() throws {
        let us = texts(try document("colostrum-facts", country: "US"))
        #expect(us.contains("✱ Call 911 or go to hospital now."))
        #expect(us.contains { $0.contains("100.4\u{A0}°F (38\u{A0}°C)") })
        let br = texts(try document("first-week", language: "en", country: "BR"))
        #expect(br.contains("✱ Call 192 or go to hospital now."))
        #expect(br.contains("Emergency: 192"))
        let gb = texts(try document("colostrum-facts", country: "GB"))
        #expect(gb.contains("✱ Call 999 or go to hospital now."))
        #expect(gb.contains { $0.contains("38\u{A0}°C") && !$0.contains("°F") })
    }

    @Test func aSitesOwnNumberWinsOverTheCountrys() throws {
        let site = Site(unit: "Ward", country: "GB", phones: [.init(role: .emergency, number: "112")], hours: nil, url: nil,
                        logoPath: nil, brandColor: nil, file: "site.yaml")
        #expect(texts(try document("colostrum-facts", country: nil, site: site)).contains("✱ Call 112 or go to hospital now."))
    }

    /// The card's storage lines are the country's rule set's, and name their source.
    @Test func storageTimesFollowTheCountrysRules() throws {
        func storage(_ country: String?) throws -> [String] {
            let document = try document("alternatives-card", country: country)
            guard let block = blocks(document).first(where: { $0.id == "card.storage" }),
                  case .list(_, let items)? = block.content.first else { return [] }
            return items.map(\.text.plainText)
        }
        let us = try storage("US"), gb = try storage("GB"), none = try storage(nil)
        #expect(us.contains("Room temperature, 77\u{A0}°F (25\u{A0}°C) or cooler: up to 4 hours."))
        #expect(us.contains("Fridge, 40\u{A0}°F (4\u{A0}°C): up to 4 days."))
        #expect(gb.contains("Room temperature: up to 6 hours."))
        #expect(gb.contains { $0.hasPrefix("Fridge, 4\u{A0}°C or colder: up to 8 days") })
        #expect(us != gb)
        // No country: the most cautious times (CDC's), in °C, and the unit's rules first.
        #expect(none.contains("Room temperature, 25\u{A0}°C or cooler: up to 4 hours."))
        #expect(none.contains { $0.contains("Your unit may use other times: follow their rules.") })
        let sources = try #require(blocks(try document("alternatives-card", country: "GB")).first { $0.component == .sources })
        guard case .paragraph(let line)? = sources.content.first else { Issue.record("no sources line"); return }
        #expect(line.plainText.contains("NHS"))
        #expect(line.plainText.contains("ABM #36"))
        #expect(!line.plainText.contains("ABM;"))
    }
}
