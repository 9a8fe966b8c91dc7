import Foundation
import Testing
@testable import HandoutModel

/// `check` holds translations to the numbers of the text they were made from.
@Suite struct NumberRuleTests {
    let project: Project
    init() throws { project = try Project(root: TestFiles.root) }

    /// The English guide as a pretend translation, with `change` applied to its file.
    func translation(_ change: (String) -> String) throws -> Guide {
        let text = try String(contentsOf: TestFiles.root.appendingPathComponent("Guide/en.yaml"), encoding: .utf8)
        let changed = change(text).replacingOccurrences(of: "language: en\n", with: "language: xx\n")
        return try GuideLoader.parse(YAMLFile.parse(Data(changed.utf8), displayName: "Guide/xx.yaml"))
    }

    @Test func anIdenticalTranslationPasses() throws {
        #expect(NumberRule.compare(try translation { $0 }, with: try project.guide("en")).isEmpty)
    }

    @Test func oneChangedDigitIsAnErrorNamingTheBlockAndBothValues() throws {
        let guide = try translation { $0.replacingOccurrences(of: "2 to 10 mL on day 1", with: "2 to 12 mL on day 1") }
        let findings = NumberRule.compare(guide, with: try project.guide("en"))
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.language == "xx")
        #expect(finding.message.contains("block colostrum.key-messages items[3]"))
        #expect(finding.message.contains("1, 2, 4, 12, 30, 60, mL, mL"))
        #expect(finding.message.contains("has 1, 2, 4, 10, 30, 60, mL, mL"))
        #expect(finding.location.hasPrefix("Guide/xx.yaml:"))
    }

    @Test func aTemperatureOrAnUnitOrAStarCounts() throws {
        let en = try project.guide("en")
        #expect(!NumberRule.compare(try translation { $0.replacingOccurrences(of: "{temp:38} or more.", with: "{temp:39} or more.") }, with: en).isEmpty)
        #expect(!NumberRule.compare(try translation { $0.replacingOccurrences(of: "(30 to 45 mL)", with: "(30 to 45)") }, with: en).isEmpty)
        #expect(!NumberRule.compare(try translation { $0.replacingOccurrences(of: "\"✱ Call {emergency}", with: "\"Call {emergency}") }, with: en).isEmpty)
    }

    @Test func aRecordedReasonExemptsABlock() throws {
        let guide = try translation {
            $0.replacingOccurrences(of: "\"**First 2 to 5 days:** colostrum.\"", with: "\"**First 7 days:** colostrum.\"")
                .replacingOccurrences(of: "    heading: When does my milk come in?\n", with: "    heading: When does my milk come in?\n    numbers_differ: local sources count a week\n")
        }
        #expect(NumberRule.compare(guide, with: try project.guide("en")).isEmpty)
    }

    @Test func digitsOfAnyScriptCount() {
        #expect(NumberSignature.numbers(in: "٣٨ درجة") == [38])
        #expect(NumberSignature.numbers(in: "२ से १०") == [2, 10])
        #expect(NumberSignature.numbers(in: "２〜１０") == [2, 10])
        #expect(NumberSignature.numbers(in: "2,5 cm") == [2.5])
        #expect(NumberSignature.numbers(in: "day 2-3") == [2, 3])
        #expect(NumberSignature.numbers(in: "Od 6. dnia") == [6])
        #expect(NumberSignature.units(in: "%10, 30 мл, 2 cm, html") == ["%", "mL", "cm"])
    }

    @Test func aStorageLineThatDisagreesWithItsRuleSetIsAnError() throws {
        let guide = try translation { $0.replacingOccurrences(of: "\"Room temperature: up to 6 hours.\"", with: "\"Room temperature: up to 5 hours.\"") }
        let rules = try project.storageRuleSets.map { try project.storageRules($0) }
        let findings = NumberRule.check(guide, rules: rules)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("NHS room temperature: the text states 5, Guide/storage/nhs.yaml says 6") == true)
    }

    @Test func readabilityIsMeasuredOnSentences() {
        let words = Readability.words(in: "Feed 8 to 12 times in 24 hours.")
        #expect(words.count == 8)
        #expect(Readability.syllables(in: "colostrum") == 3)
        #expect(Readability.syllables(in: "baby") == 2)
        #expect(Readability.sentences(in: "One. Two words! Three?").count == 3)
    }
}
