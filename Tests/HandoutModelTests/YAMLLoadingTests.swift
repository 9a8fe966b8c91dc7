import Foundation
import Testing
@testable import HandoutModel

/// A typo in a hand-edited file costs one clear line: file, line, column, key and fix.
@Suite struct YAMLLoadingTests {
    @Test func unknownKeyNamesLineColumnAndSuggestion() throws {
        let node = try TestFiles.yaml("""
            unit: Riverside Maternity
            phnoes:
              ward: "020 7946 0321"
            """, file: "site.yaml")
        let error = try #require(TestFiles.loadError { _ = try SiteLoader.parse(node) })
        #expect(error.file == "site.yaml")
        #expect(error.line == 2)
        #expect(error.column == 1)
        #expect(error.description.contains("unknown key \"phnoes\""))
        #expect(error.description.contains("did you mean \"phones\"?"))
    }

    @Test func missingRequiredKeyIsNamed() throws {
        let node = try TestFiles.yaml("phones: {ward: \"1\"}\n", file: "site.yaml")
        let error = try #require(TestFiles.loadError { _ = try SiteLoader.parse(node) })
        #expect(error.description == "site.yaml:1:1: missing key \"unit\" — add \"unit: …\" here")
    }

    @Test func syntaxErrorPointsAtTheLine() {
        let error = TestFiles.loadError {
            _ = try TestFiles.yaml("unit: a\nphones:\n  ward: x: y\n", file: "site.yaml")
        }
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("site.yaml:3:") == true)
        #expect(error?.description.contains("YAML syntax error") == true)
    }

    @Test func wrongTypeSaysWhatWasFound() throws {
        let node = try TestFiles.yaml("unit: [a, b]\n", file: "site.yaml")
        let error = try #require(TestFiles.loadError { _ = try SiteLoader.parse(node) })
        #expect(error.keyPath == "unit")
        #expect(error.description.contains("expected text, found a list"))
    }

    @Test func duplicateKeysAreRefused() {
        let error = TestFiles.loadError { _ = try TestFiles.yaml("unit: a\nunit: b\n", file: "site.yaml") }
        #expect(error?.description.contains("appears twice") == true)
    }

    /// The column counts characters, not bytes, so it matches what an editor shows after
    /// accented or non-Latin text.
    @Test func aControlCharacterIsPlacedByCharacterColumn() throws {
        let error = try #require(TestFiles.loadError { _ = try TestFiles.yaml("unit: Ñé\u{01}\nhours: 9\n", file: "site.yaml") })
        #expect(error.description.hasPrefix("site.yaml:1:9: control character U+0001 is not allowed"))
    }

    /// An asterisk in text is not an alias: only a parsed alias is refused.
    @Test func anAsteriskInTextIsFine() throws {
        let node = try TestFiles.yaml("unit: \"Ward 7 * nights & days\"\n", file: "site.yaml")
        #expect(try node.entries().first?.value.text() == "Ward 7 * nights & days")
    }

    @Test func aliasesAreRefused() throws {
        let error = try #require(TestFiles.loadError { _ = try TestFiles.yaml("unit: &u Riverside\nhours: *u\n", file: "site.yaml") })
        #expect(error.line == 1)
        #expect(error.description.contains("anchors and aliases (&name, *name) are not allowed"))
    }

    @Test func aliasBombStopsAtTheFirstAnchor() throws {
        // Nine levels of nine aliases would expand to 387 million strings if walked.
        var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...8 {
            let previous = String(UnicodeScalar(UInt8(96 + level)))
            let name = String(UnicodeScalar(UInt8(97 + level)))
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let error = TestFiles.loadError { _ = try TestFiles.yaml(text, file: "site.yaml") }
        #expect(error?.line == 1)
    }

    @Test func invalidUTF8IsRefusedWithItsLine() {
        var bytes = Array("unit: ok\nhours: ".utf8)
        bytes += [0xC3, 0x28]  // an ill-formed sequence
        let error = TestFiles.loadError { _ = try YAMLFile.parse(Data(bytes), displayName: "site.yaml") }
        #expect(error?.line == 2)
        #expect(error?.description.contains("not valid UTF-8") == true)
    }

    @Test func controlCharactersAreRefused() {
        let error = TestFiles.loadError { _ = try TestFiles.yaml("unit: a\u{0}b\n", file: "site.yaml") }
        #expect(error?.description.contains("U+0000") == true)
    }

    @Test func bidiOverridesInAPhoneNumberAreRefused() throws {
        let node = try TestFiles.yaml("unit: A\nphones:\n  ward: \"\u{202E}0321\"\n", file: "site.yaml")
        let error = try #require(TestFiles.loadError { _ = try SiteLoader.parse(node) })
        #expect(error.description.contains("U+202E"))
        #expect(error.keyPath == "phones.ward")
    }

    @Test func nearestNameOnlySuggestsPlausibleTypos() {
        #expect(NearestName.suggestion(for: "phnoes", among: ["phones", "unit", "hours"]) == "phones")
        #expect(NearestName.suggestion(for: "first-weak", among: ["first-week", "colostrum-facts"]) == "first-week")
        #expect(NearestName.suggestion(for: "banana", among: ["phones", "unit"]) == nil)
    }
}
