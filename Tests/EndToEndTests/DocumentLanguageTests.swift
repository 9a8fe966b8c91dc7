import Foundation
import Testing

/// What a screen reader and a copy-paste see: every PDF names its language in the catalogue,
/// and text a ward types in another direction never turns the ward's number around.
@Suite struct DocumentLanguageTests {
    /// An English page for a ward whose name is in Urdu: the footer and the contacts box still
    /// give the number in its own order (isolated, left to right).
    @Test func anUrduUnitNameLeavesTheNumberInOrder() throws {
        let folder = try Command.temporaryFolder()
        let site = folder.appendingPathComponent("site.yaml")
        try "unit: \"زچہ خانہ ریور سائیڈ\"\ncountry: GB\nphones:\n  ward: \"020 7946 0321\"\n".write(to: site, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("x.pdf")
        let result = try Command.handouts(["render", "colostrum-facts", "--site", site.path, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Command.tool("pdftotext", [out.path, "-"]).stdout
        #expect(text.contains("020 7946 0321"), "the number is not in order:\n\(text)")
        #expect(!text.contains("0321 7946 020"))
    }

    /// Every file of `render --all --lang all` carries /Lang for its language and
    /// DisplayDocTitle, and qpdf finds nothing wrong with it.
    @Test func everyPDFNamesItsLanguage() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "--all", "--lang", "all", "--country", "GB", "--out-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let languages = try FileManager.default.contentsOfDirectory(atPath: Command.root.appendingPathComponent("Guide").path)
            .filter { $0.hasSuffix(".yaml") && $0 != "sources.yaml" }.map { String($0.dropLast(5)) }
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }
        #expect(files.count > 100)
        for file in files {
            // first-week-zh-Hant-GB-a4.pdf: the longest language code between dashes.
            let language = try #require(languages.filter { file.contains("-\($0)-") }.max { $0.count < $1.count }, "\(file): no language in its name")
            let path = out.appendingPathComponent(file).path
            let json = try Command.tool("qpdf", ["--json", "--json-key=qpdf", path]).stdout
            #expect(json.contains("\"/Lang\": \"u:\(language)\""), "\(file) does not say it is in \(language)")
            #expect(json.contains("\"/DisplayDocTitle\": true"), "\(file)")
            #expect(try Command.tool("qpdf", ["--check", path]).status == 0, "\(file): qpdf --check")
        }
    }
}
