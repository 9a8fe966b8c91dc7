import Foundation
import Testing
@testable import HandoutModel

/// Guide text exists only as checked Prose: every field of every block, tracker and table
/// included, refuses direction overrides, unbalanced bold and unknown placeholders, with the
/// file, line and column of the text.
@Suite struct ProseTests {
    static let block = """
        kind: tracker
        heading: Tracker
        clinical: false
        tracker:
          day_heading: Day
          columns:
            - id: feeds
              label: Feeds
              boxes: 8
          rows:
            - label: Day 1
              targets:
                feeds: "8 or more"
        """

    /// Each line of the tracker holding text, with the column where that text starts.
    static let fields: [(line: Int, text: String)] = [(2, "Tracker"), (5, "Day"), (8, "Feeds"), (11, "Day 1"), (13, "8 or more")]

    @Test(arguments: ["\u{202E}", "**", "{emergncy}"])
    func aBadTextInAnyTrackerFieldIsRefusedWithItsPlace(_ injected: String) throws {
        for field in ProseTests.fields {
            var lines = ProseTests.block.components(separatedBy: "\n")
            let index = field.line - 1
            lines[index] = lines[index].replacingOccurrences(of: field.text, with: field.text + injected)
            let node = try TestFiles.yaml(lines.joined(separator: "\n"), file: "Guide/xx.yaml")
            let error = try #require(TestFiles.loadError { _ = try GuideLoader.parseBlock(id: "first-week.tracker", node) },
                                     "\(injected.unicodeScalars.first!.codePoint) in \(field.text) was accepted")
            #expect(error.file == "Guide/xx.yaml")
            #expect(error.line == field.line, "\(field.text): line \(String(describing: error.line))")
            #expect(error.column != nil)
        }
    }

    @Test func tableCellsAndColumnsAreCheckedToo() throws {
        let node = try TestFiles.yaml("""
            kind: table
            sources: [abm-3]
            table:
              columns: ["A", "B {temp:38}"]
              rows:
                - cells: ["x", "y"]
            """, file: "Guide/xx.yaml")
        let error = try #require(TestFiles.loadError { _ = try GuideLoader.parseBlock(id: "t", node) })
        #expect(error.description.contains("Guide/xx.yaml:4:"))
        #expect(error.description.contains("placeholder {temp:38} is not allowed here"))
    }

    @Test func placeholdersAndBoldAreParsedOnce() throws {
        let node = try TestFiles.yaml("text: \"Fever of **{temp:38}** or more\"", file: "x.yaml")
        let prose = try Prose.parse(try node.fields(required: ["text"]).required("text").text(),
                                    at: node.fields(required: ["text"]).required("text"), rules: .body)
        #expect(prose.placeholders == [.temperature(celsius: 38)])
        #expect(prose.runs.map(\.bold) == [false, true, false])
        let rich = RichText(prose) { _ in "38 °C" }
        #expect(rich.plainText == "Fever of 38 °C or more")
        #expect(rich.runs[1].bold)
    }

    @Test func lengthLimitSaysHowLong() throws {
        let node = try TestFiles.yaml("text: \(String(repeating: "a", count: 3_001))", file: "x.yaml")
        let text = try node.fields(required: ["text"]).required("text")
        let error = try #require(TestFiles.loadError { _ = try Prose.parse(try text.text(), at: text, rules: .body) })
        #expect(error.problem == "text is too long (3001 characters, at most 3000)")
    }
}
