import Foundation
import Testing
@testable import HandoutModel

/// Country facts come from the country, chosen in a fixed order, and without one no
/// emergency number is printed. The numbers checked here are CONTENT.md section 4's.
@Suite struct CountryTests {
    let project: Project
    init() throws { project = try Project(root: TestFiles.root) }

    @Test func everyCountryTheIssueNamesShipsWithTheNumberAParentShouldRing() throws {
        let expected = ["GB": "999", "IE": "112", "US": "911", "CA": "911", "MX": "911", "ES": "112", "PT": "112",
                        "BR": "192", "PL": "999", "RO": "112", "DE": "112", "FR": "15", "JP": "119", "KR": "119",
                        "CN": "120", "TW": "119", "VN": "115", "IN": "112", "PK": "1122", "BD": "999", "SA": "997",
                        "AE": "998", "EG": "123", "PH": "911", "AU": "000", "NZ": "111"]
        for (code, number) in expected {
            let region = try project.region(code)
            #expect(region.callNumber == number, "\(code) prints \(region.callNumber), CONTENT.md says \(number)")
            #expect(!region.emergency.sources.isEmpty)
        }
        #expect(try project.region("US").storageRules.value == "cdc")
        #expect(try project.region("GB").storageRules.value == "nhs")
        #expect(try project.region("DE").storageRules.value == "abm")
        #expect(try project.region("US").paper.value == .letter)
        #expect(try project.region("FR").paper.value == .a4)
    }

    @Test func theCountryIsChosenByOptionThenSiteThenLanguageTag() throws {
        let site = Site(unit: "Ward", country: "GB", phones: [], hours: nil, url: nil, logoPath: nil, brandColor: nil, file: "site.yaml")
        #expect(try project.edition(language: "es-US", country: "MX", site: site).country.region?.code == "MX")
        #expect(try project.edition(language: "es-US", country: nil, site: site).country.region?.code == "GB")
        let fromTag = try project.edition(language: "es-US", country: nil, site: .neutral)
        #expect(fromTag.country.region?.code == "US")
        #expect(fromTag.country.chosenBy == .languageTag)
        #expect(fromTag.tag == "es-US")
        let none = try project.edition(language: "es", country: nil, site: .neutral)
        #expect(none.country.region == nil)
        #expect(none.country.emergencyNumber == nil)
        #expect(none.country.storage.id == "cdc")
        #expect(none.tag == "es")
    }

    @Test func aCountryPicksItsReadersWording() throws {
        let us = try project.edition(language: "en", country: "US", site: .neutral)
        #expect(us.language.wording == "en-US")
        #expect(us.tag == "en-US")
        #expect(us.notes.contains("US wording: en-US"))
        let tag = try project.edition(language: "en-US", country: nil, site: .neutral)
        #expect(tag.language.wording == "en-US")
        #expect(tag.country.region?.code == "US")
        #expect(try project.edition(language: "en", country: "GB", site: .neutral).language.wording == "en")
    }

    @Test func traditionalChineseIsNeverServedSimplified() throws {
        let simplifiedOnly = LanguageResolver(guides: ["en", "zh-Hans"], overlays: [:])
        for tag in ["zh-TW", "zh-Hant", "zh-HK", "zh-Hant-TW"] {
            let error = try #require(throws: LanguageError.self) { try simplifiedOnly.resolve(tag) }
            #expect(error.description.contains("zh-Hant is not shipped (only zh-Hans"))
            #expect(error.description.contains("available: en, zh-Hans"))
        }
        #expect(try simplifiedOnly.resolve("zh-SG").wording == "zh-Hans")
        let both = LanguageResolver(guides: ["en", "zh-Hans", "zh-Hant"], overlays: [:])
        #expect(try both.resolve("zh-TW").wording == "zh-Hant")
        #expect(try both.resolve("zh-TW").countryFromTag == "TW")
        #expect(try both.resolve("zh-CN").wording == "zh-Hans")
        #expect(try both.resolve("zh").wording == "zh-Hans")
        // A script subtag a language is always written in needs no guide of its own.
        #expect(try LanguageResolver(guides: ["pa"], overlays: [:]).resolve("pa-Guru").wording == "pa")
        #expect(throws: LanguageError.self) { try LanguageResolver(guides: ["sr"], overlays: [:]).resolve("sr-Latn") }
    }

    @Test func anUnknownCountryNamesTheOnesThatShip() throws {
        let error = try #require(throws: UnknownCountry.self) { try project.edition(language: "en", country: "XX", site: .neutral) }
        #expect(error.description.contains("unknown country \"XX\""))
        #expect(error.description.contains("GB"))
    }

    @Test func temperaturesAreSetAsTheCountryReadsThem() throws {
        let us = try project.region("US").temperature.value
        #expect(us.text(celsius: 38) == "100.4\u{A0}°F (38\u{A0}°C)")
        #expect(us.text(celsius: 4) == "40\u{A0}°F (4\u{A0}°C)")
        #expect(us.text(celsius: -18) == "0\u{A0}°F (−18\u{A0}°C)")
        #expect(TemperatureUnits.celsius.text(celsius: -18) == "−18\u{A0}°C")
        #expect(TemperatureUnits.celsius.text(celsius: 37.5) == "37.5\u{A0}°C")
    }

    /// Every text a parent reads on a storage line states its rule set's numbers.
    @Test func theShippedStorageLinesMatchTheirRuleSets() throws {
        let rules = try project.storageRuleSets.map { try project.storageRules($0) }
        #expect(rules.map(\.id).sorted() == ["abm", "cdc", "nhs"])
        #expect(NumberRule.check(try project.guide("en"), rules: rules).isEmpty)
        #expect(NumberRule.check(try project.guide("en-US"), rules: rules).isEmpty)
    }
}
