import Foundation
import Testing

/// English is the guide every translation is compared with and the language the milk labels
/// print. A typo in it is one mistake, and `check` says it once, with its place: it used to be
/// repeated eight times for every language (each label sheet failing on it), 200 lines burying
/// the one that mattered.
@Suite(.serialized) struct CheckBrokenEnglishTests {
    @Test func aTypoInEnglishIsReportedOnceAndWhatNeedsEnglishIsNotChecked() throws {
        let project = try Command.projectCopy("broken-english")
        defer { try? FileManager.default.removeItem(at: project) }
        let guide = project.appendingPathComponent("Guide/en.yaml")
        let text = try String(contentsOf: guide, encoding: .utf8)
        let typo = text.replacingOccurrences(of: "\n  sources: Sources\n", with: "\n  sourcse: Sources\n")
        try #require(typo != text, "Guide/en.yaml has no strings.sources line to misspell")
        try typo.write(to: guide, atomically: true, encoding: .utf8)

        for arguments in [["check"], ["check", "--lang", "ar"]] {
            let check = try Command.handouts(arguments + ["--root", project.path])
            #expect(check.status == 65, "\(arguments): exit \(check.status)")
            let output = check.stdout + check.stderr
            let mentions = output.split(separator: "\n").filter { $0.contains("sourcse") }
            #expect(mentions.count == 1, "\(arguments): the typo is reported \(mentions.count) times:\n\(mentions.prefix(5).joined(separator: "\n"))")
            #expect(mentions.first?.contains("Guide/en.yaml:") == true, "\(arguments): \(mentions)")
            let arabic = try #require(check.stdout.split(separator: "\n").first { $0.hasPrefix("ar ") }, "no row for ar: \(check.stdout)")
            #expect(arabic.hasSuffix("not checked (en)"), "\(arguments): the ar row claims a fit check: \(arabic)")
        }
    }
}
