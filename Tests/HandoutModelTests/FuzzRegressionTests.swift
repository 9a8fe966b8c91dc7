import Foundation
import Testing
@testable import HandoutModel

/// Inputs the loader fuzzer (`Fuzz/`) found, or that were found while reading the loaders and
/// confirmed with it, kept in `Fuzz/crashes/`. Each now gives one clear error line.
@Suite struct FuzzRegressionTests {
    static let crashes = TestFiles.root.appendingPathComponent("Fuzz/crashes")

    /// Parses a reproducer the way the fuzz target does, named as errors will show it.
    static func reproducer(_ name: String) throws -> YAMLNode {
        let data = try Data(contentsOf: crashes.appendingPathComponent(name))
        return try YAMLFile.parse(data, displayName: "Fuzz/crashes/\(name)")
    }

    /// Every loader on every reproducer: errors only, each one line that names the file.
    @Test func everyReproducerGivesOneLineErrorsNamingTheFile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.crashes.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.count >= 5)
        for name in names {
            let file = "Fuzz/crashes/\(name)"
            var errors: [LoadError] = []
            do {
                let root = try Self.reproducer(name)
                let loaders: [(YAMLNode) throws -> Void] = [
                    { _ = try GuideLoader.parse($0) }, { _ = try LayoutLoader.parse($0) }, { _ = try ThemeLoader.parse($0) },
                    { _ = try SiteLoader.parse($0) }, { _ = try SourceList.parse($0) },
                ]
                for load in loaders {
                    let error = TestFiles.loadError { try load(root) }
                    #expect(error != nil, "\(name) loaded without an error")
                    errors += error.map { [$0] } ?? []
                }
            } catch let error as LoadError {
                errors.append(error)
            }
            for error in errors {
                let oneLine = !error.description.contains(where: \.isNewline)
                #expect(oneLine, "\(error.description.debugDescription)")
                #expect(error.description.hasPrefix(file + ":"), "\(error.description)")
            }
        }
    }

    /// A folded plain scalar quoted in a message used to split the error over two lines.
    @Test func quotedTextWithALineBreakStaysOnOneLine() throws {
        let root = try Self.reproducer("multiline-error-message.yaml")
        let error = try #require(TestFiles.loadError { _ = try GuideLoader.parse(root) })
        #expect(error.description == #"Fuzz/crashes/multiline-error-message.yaml:2:1: expected a mapping (key: value lines), found text "afeed directly"[a6] "5 a 15 mL"]\nheadgni""#)
    }

    @Test func messagePartsEscapeControlsAndAreCutShort() {
        let error = LoadError(file: "a.yaml", keyPath: "x\u{2028}y", problem: "unknown key \"a\r\nb\u{1B}[31m\"",
                              fix: String(repeating: "k", count: 5_000))
        #expect(error.keyPath == #"x\u{2028}y"#)
        #expect(error.problem == #"unknown key "a\r\nb\u{1B}[31m""#)
        #expect(error.fix == String(repeating: "k", count: LoadError.maximumPartLength) + "…")
        // Ordinary messages are untouched.
        #expect(LoadError(file: "a.yaml", problem: "text is empty", fix: "write the text").description == "a.yaml: text is empty — write the text")
    }

    /// An escape in double quotes ("\b" here) brought back a control character that YAMLFile
    /// refuses when typed into the file.
    @Test func escapedControlCharacterIsRefused() throws {
        let root = try Self.reproducer("escaped-control-character.yaml")
        let error = try #require(TestFiles.loadError { _ = try SiteLoader.parse(root) })
        #expect(error.description.hasPrefix("Fuzz/crashes/escaped-control-character.yaml:1:7: unit: control character U+0008 is not allowed"))
    }

    /// "\0" in a logo path: FileManager saw "/etc/hostname" (the C string stops at the NUL),
    /// so the path passed as an existing .png file.
    @Test func escapedNulInALogoPathIsRefused() throws {
        let root = try Self.reproducer("escaped-nul-in-logo-path.yaml")
        let error = try #require(TestFiles.loadError { _ = try SiteLoader.parse(root) })
        #expect(error.keyPath == "logo")
        #expect(error.line == 2)
        #expect(error.description.contains("control character U+0000 is not allowed"))
    }

    /// 1e300 is out of range; printing it as a whole number trapped (Int(1e300)).
    @Test func hugeNumberIsOutOfRangeNotACrash() throws {
        let root = try Self.reproducer("out-of-range-huge-number.yaml")
        let error = try #require(TestFiles.loadError { _ = try LayoutLoader.parse(root) })
        #expect(error.keyPath == "margins_mm.top")
        #expect(error.description.hasSuffix("margins_mm.top: 1e+300 is out of range — use a number from 3 to 60"))
        let negative = try TestFiles.yaml("top: -1e19\n")
        let tooSmall = try #require(TestFiles.loadError { _ = try negative.fields(required: ["top"]).required("top").double(in: 3...60) })
        #expect(tooSmall.problem == "-1e+19 is out of range")
    }

    /// `!!int 1` (an integer) and `"1"` (a string) are different keys to YAML, which checks
    /// duplicates by value and type, but the same key to the loaders: the second source
    /// silently replaced the first.
    @Test func keyWrittenAsIntegerAndAsStringIsADuplicate() throws {
        let root = try Self.reproducer("duplicate-key-integer-and-string.yaml")
        let error = try #require(TestFiles.loadError { _ = try SourceList.parse(root) })
        #expect(error.description == #"Fuzz/crashes/duplicate-key-integer-and-string.yaml:3:3: sources: key "1" appears twice in the same mapping — keep one of them"#)
        // Plain 1 and true against quoted ones: caught by whichever comes first, the YAML
        // parser (with a resolver that reads every scalar as text) or the loader.
        for text in ["blocks:\n  1: a\n  \"1\": b\n", "blocks:\n  true: a\n  \"true\": b\n"] {
            let error = TestFiles.loadError { _ = try TestFiles.yaml(text).fields(required: ["blocks"]).required("blocks").entries() }
            #expect(error?.problem.hasSuffix("appears twice in the same mapping") == true, "\(text)")
        }
    }
}

/// Found while fuzzing, fixed outside the loaders the fuzzer's author could change.
@Suite struct FuzzFollowUpTests {
    /// A 999-deep bracket nest made the YAML parser take seconds: refused up front.
    @Test func deepBracketNestingIsRefusedBeforeParsing() throws {
        let text = "unit: " + String(repeating: "[", count: 999) + String(repeating: "]", count: 999) + "\n"
        let error = try #require(TestFiles.loadError { _ = try TestFiles.yaml(text, file: "site.yaml") })
        #expect(error.description == "site.yaml:1: brackets nested 33 deep — handout files nest a few levels at most; check for a stray [ or {")
        // Brackets inside quotes and comments do not count.
        _ = try TestFiles.yaml("a: \"" + String(repeating: "[", count: 40) + "\"  # " + String(repeating: "{", count: 40) + "\n")
    }

    /// The unit's name and hours are one line in headers and footers.
    @Test func lineBreaksInSiteTextAreRefused() throws {
        let node = try TestFiles.yaml("unit: \"Riverside\\nMaternity\"\n", file: "site.yaml")
        let error = try #require(TestFiles.loadError { _ = try SiteLoader.parse(node) })
        #expect(error.description == "site.yaml:1:7: unit: line break (U+000A) in a one-line text — write it on one line")
    }
}
