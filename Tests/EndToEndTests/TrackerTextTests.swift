import Foundation
import Testing

/// The tracker's and the table's small texts (column headings, day labels, targets, cells)
/// are checked like any paragraph: a hidden direction override, an unbalanced `**` or a
/// misspelt placeholder in any of them stops `check` and `render` with the file, line and
/// column, before a sheet saying "Day {emergncy}" can be printed.
@Suite(.serialized) struct TrackerTextTests {
    /// Text in Guide/en.yaml and a line-unique context to find it by.
    static let fields: [(context: String, text: String, handout: String)] = [
        ("      day_heading: Day", "Day", "first-week"),
        ("{id: wet, label: Wet nappies", "Wet nappies", "first-week"),
        ("        - label: Day 2", "Day 2", "first-week"),
        ("targets: {wet: \"2 or more\"", "2 or more", "first-week"),
        ("columns: [\"In colostrum\"", "In colostrum", "colostrum-facts"),
        ("- cells: [\"Protein\"", "Protein", "colostrum-facts"),
    ]

    @Test(arguments: ["\u{202E}", "**", "{emergncy}"])
    func aBadTextInATrackerOrTableFieldStopsCheckAndRender(_ injected: String) throws {
        for field in TrackerTextTests.fields {
            let project = try Command.projectCopy("tracker-text")
            defer { try? FileManager.default.removeItem(at: project) }
            let guide = project.appendingPathComponent("Guide/en.yaml")
            var lines = try String(contentsOf: guide, encoding: .utf8).components(separatedBy: "\n")
            let index = try #require(lines.firstIndex { $0.contains(field.context) }, "no \(field.context) in Guide/en.yaml")
            let line = lines[index]
            let column = try #require(line.range(of: field.text)).upperBound
            lines[index] = line.replacingCharacters(in: column..<column, with: injected)
            try lines.joined(separator: "\n").write(to: guide, atomically: true, encoding: .utf8)

            let place = "Guide/en.yaml:\(index + 1):"
            let what = "\(injected.unicodeScalars.first!.codePoint) after \(field.text)"
            let check = try Command.handouts(["check", "--lang", "en", "--root", project.path])
            #expect(check.status == 65, "check passed \(what): \(check.stdout)")
            #expect(check.stdout.contains(place) || check.stderr.contains(place), "check did not name \(place) for \(what): \(check.stderr)")

            let out = project.appendingPathComponent("out")
            let render = try Command.handouts(["render", field.handout, "--root", project.path, "--out-dir", out.path])
            #expect(render.status == 65, "render passed \(what)")
            let errors = render.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
            #expect(errors.count == 1 && errors[0].contains(place), "\(what): \(render.stderr)")
            // file:line:column — the column is a number after the line.
            #expect(errors.first?.range(of: place + "[0-9]+", options: .regularExpression) != nil, "no column: \(errors)")
            let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            #expect(written.isEmpty, "\(what): \(written) written")
        }
    }
}
