import Foundation
import Testing
import HandoutModel

/// The country a handout is used in, not its language, decides the emergency number, the
/// temperature units and the milk-storage times: read back from the PDFs `render` writes.
@Suite(.serialized) struct CountryAcceptanceTests {
    static let project = try! Project(root: Command.root)

    /// Renders and returns the text of every PDF written, by file name, and the run.
    private func render(_ arguments: [String]) throws -> (texts: [String: String], result: Command.Result) {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render"] + arguments + ["--out-dir", out.path])
        var texts: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".pdf") {
            // Lines joined with spaces so a phrase broken across lines still matches.
            texts[name] = try Command.tool("pdftotext", [out.appendingPathComponent(name).path, "-"]).stdout
                .replacingOccurrences(of: "\n", with: " ")
        }
        return (texts, result)
    }

    private func onlyText(_ arguments: [String]) throws -> String {
        let (texts, result) = try render(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(texts.count == 1)
        return texts.values.first ?? ""
    }

    @Test func spanishInTheUSCalls911AndReadsFahrenheit() throws {
        let text = try onlyText(["colostrum-facts", "--lang", "es", "--country", "US"])
        #expect(text.contains("911"))
        #expect(text.contains("°F"))
        #expect(!text.contains("112"))
    }

    @Test func eachCountryItsOwnNumber() throws {
        for (arguments, number) in [(["--lang", "es", "--country", "ES"], "112"), (["--lang", "pt", "--country", "BR"], "192"),
                                    (["--lang", "ar", "--country", "GB"], "999")] {
            let text = try onlyText(["colostrum-facts"] + arguments)
            #expect(text.contains(number), "\(arguments): no \(number)")
            for other in ["911", "999", "112", "192"] where other != number {
                #expect(!text.contains(other), "\(arguments): \(other) printed")
            }
        }
    }

    @Test func americanEnglishBringsItsWordsItsNumberAndTheCDCTimes() throws {
        let (texts, result) = try render(["--all", "--lang", "en-US"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("country US from the language tag"), "the choice is said: \(result.stdout)")
        let checklist = try #require(texts["first-week-en-US-letter.pdf"])
        #expect(checklist.contains("911"))
        #expect(checklist.contains("diaper"))
        #expect(!checklist.contains("nappy"))
        #expect(checklist.contains("°F"))
        let card = try #require(texts["alternatives-card-en-US-4x6.pdf"])
        try expectStorageTimes(of: "US", in: card)
        #expect(card.contains("CDC"), "the card's sources name the CDC")
    }

    /// The card's storage lines are the country's rule set: every number of every row,
    /// as the country writes temperatures.
    @Test func theCardForGBAndForUSPrintTheirOwnStorageTimes() throws {
        let gb = try onlyText(["alternatives-card", "--country", "GB", "--paper", "a6"])
        let us = try onlyText(["alternatives-card", "--country", "US", "--paper", "a6"])
        try expectStorageTimes(of: "GB", in: gb)
        try expectStorageTimes(of: "US", in: us)
        #expect(gb.contains("up to 6 hours") && !us.contains("up to 6 hours"))
        #expect(us.contains("up to 4 days") && !gb.contains("up to 4 days"))
    }

    private func expectStorageTimes(of country: String, in text: String) throws {
        let project = CountryAcceptanceTests.project
        let region = try project.region(country)
        let rules = try project.storageRules(region.storageRules.value)
        #expect(rules.rows.count >= 4)
        for row in rules.rows {
            for number in row.numbers {
                let written = number == number.rounded() ? String(Int(number)) : String(number)
                #expect(text.contains(written.replacingOccurrences(of: "-", with: "\u{2212}")),
                        "\(country): the \(row.about) line's \(written) is not on the card")
            }
        }
    }

    /// With no country anywhere, no emergency number is printed: the ✱ line sends the
    /// parent to their emergency number, the contacts box has a line to write it on, the
    /// card says to follow the unit's rules, and the run warns once.
    @Test func withNoCountryNoNumberIsGuessed() throws {
        let (texts, result) = try render(["--all"])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: no country given") }
        #expect(warnings.count == 1, "\(result.stderr)")
        // The milk labels carry no numbers at all: only the sheets with a "when to get help"
        // line and a contacts box are read here.
        #expect(texts.keys.filter { !$0.hasPrefix("milk-labels") }.count == 8)
        // Every country's numbers (two-digit ones such as France's 15 are too common to
        // look for in running text).
        let numbers = try Set(CountryAcceptanceTests.project.regions.flatMap { code -> [String] in
            let region = try CountryAcceptanceTests.project.region(code)
            return [region.emergency.value] + (region.ambulance.map { [$0.value] } ?? [])
        }).filter { $0.count >= 3 }
        #expect(numbers.count > 10)
        for (name, text) in texts {
            for number in numbers {
                let pattern = "(^|[^0-9])" + number + "([^0-9]|$)"
                #expect(text.range(of: pattern, options: .regularExpression) == nil, "\(name) prints \(number) with no country")
            }
            if !name.hasPrefix("alternatives-card") && !name.hasPrefix("milk-labels") {
                #expect(text.contains("✱ Call your emergency number or go to hospital now"), "\(name)")
            }
        }
        let card = try #require(texts["alternatives-card-en-a6.pdf"])
        #expect(card.contains("Your unit may use other times: follow their rules."))
        #expect(card.contains("Emergency"), "the contacts box keeps an emergency line to write on")
    }

    /// Point 5's clinical gaps, in the English PDFs' text; and ABM #3 / #36 whole.
    @Test func theClinicalGapsAreClosed() throws {
        let (texts, result) = try render(["--all", "--country", "GB"])
        #expect(result.status == 0, "\(result.stderr)")
        let facts = try #require(texts["colostrum-facts-en-GB-a4.pdf"])
        let checklist = try #require(texts["first-week-en-GB-a4.pdf"])
        let card = try #require(texts["alternatives-card-en-GB-a6.pdf"])
        for (text, phrases) in [
            (facts, ["skin to skin", "first hour", "38 °C", "breathing", "floppy", "blue", "mature breast milk"]),
            (checklist, ["skin to skin", "first hour", "10%", "2 weeks", "no pain"]),
            (card, ["red, hot, painful", "same day", "deep massage", "Paced bottle feeding", "Nipple shields: only for a short time",
                    "1 to 2 hours", "24 hours", "every day", "Sources:"]),
        ] {
            for phrase in phrases {
                #expect(text.lowercased().contains(phrase.lowercased()), "\"\(phrase)\" is missing")
            }
        }
        for (name, text) in texts {
            let bare = text.components(separatedBy: "ABM").dropFirst().filter { !$0.hasPrefix(" #") }
            #expect(bare.isEmpty, "\(name): a source prints as a bare \"ABM\"")
            #expect(!text.contains("£"), "\(name): a coin as a size")
        }
    }

    /// One changed digit in one translated block fails `check`, naming the language, the
    /// file and line, the block and both sets of numbers; the shipped guides pass.
    @Test func checkFailsOnOneChangedDigit() throws {
        let project = try Command.projectCopy()
        let file = project.appendingPathComponent("Guide/es.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let needle = "de 8 a 12 veces"
        let line = try #require(original.components(separatedBy: "\n").firstIndex { $0.contains(needle) }) + 1
        try original.replacingOccurrences(of: needle, with: "de 7 a 12 veces").write(to: file, atomically: true, encoding: .utf8)
        let result = try Command.handouts(["check", "--lang", "es", "--root", project.path])
        #expect(result.status == 65)
        #expect(result.stdout.contains("error: es: Guide/es.yaml:\(line):"), "\(result.stdout)")
        #expect(result.stdout.contains("block first-week.feeds items[1]: 7, 12, 24 — en (Guide/en.yaml) has 8, 12, 24"), "\(result.stdout)")
        let shipped = try Command.handouts(["check", "--lang", "es"])
        #expect(shipped.status == 0, "\(shipped.stdout)")
    }
}
