import Foundation
import Testing

/// A ward's own files (site profile, logo, an edited Guide/) with the mistakes staff make:
/// each is said once, where it is (file:line:column and key), with the fix, before anything
/// is rendered; nothing is written.
@Suite struct SiteMistakeTests {
    static let ward = "phones:\n  ward: \"020 7946 0321\"\n"

    func profile(_ text: String, _ name: String = "site.yaml", in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func errors(_ result: Command.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") }
    }

    func written(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".pdf") }
    }

    @Test func oneMistakeInTheProfileIsOneLineForTheWholeBatch() throws {
        let folder = try Command.temporaryFolder()
        let bad = try profile("unit: Riverside\ncountry: GB\n" + Self.ward + "  bogus: \"1\"\n", "BAD.yaml", in: folder)
        let out = folder.appendingPathComponent("out")
        let result = try Command.handouts(["render", "--all", "--site", bad, "--out-dir", out.path])
        #expect(result.status == 65)
        #expect(errors(result).first?.hasSuffix("BAD.yaml:5:10: phones.bogus: unknown phone \"bogus\" — expected one of: \"ward\", \"infant_feeding\", \"nicu\", \"24h\", \"emergency\"") == true,
                "\(result.stderr)")
        #expect(errors(result).count == 1)
        #expect(written(out).isEmpty)
    }

    @Test func aNamedPipeAsLogoIsRefusedAtOnce() throws {
        let folder = try Command.temporaryFolder()
        let pipe = folder.appendingPathComponent("logo.png")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let site = try profile("unit: Riverside\ncountry: GB\nlogo: logo.png\n" + Self.ward, in: folder)
        let out = folder.appendingPathComponent("x.pdf")
        let result = try Command.handouts(["render", "colostrum-facts", "--site", site, "-o", out.path])
        #expect(result.status == 65)
        #expect(errors(result).count == 1)
        #expect(errors(result).first?.hasSuffix(":3:7: logo: the logo \(pipe.path) is a named pipe, not a file — give the path of a PNG or SVG file") == true,
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aLongAddressSaysHowLongAndTheLimit() throws {
        let folder = try Command.temporaryFolder()
        let url = "https://example.org/" + String(repeating: "a", count: 300)
        let site = try profile("unit: Riverside\ncountry: GB\nurl: \"\(url)\"\n" + Self.ward, in: folder)
        let result = try Command.handouts(["render", "colostrum-facts", "--site", site, "-o", folder.appendingPathComponent("x.pdf").path])
        #expect(result.status == 65)
        #expect(errors(result).first?.hasSuffix(":3:6: url: the web address is too long (320 characters, at most 200) — use a shorter link to the same page (the unit's own short address)") == true,
                "\(result.stderr)")
    }

    @Test func anExtensionBecomesPartOfTheTelLink() throws {
        let folder = try Command.temporaryFolder()
        let site = try profile("unit: Riverside\ncountry: GB\nphones:\n  ward: \"020 7946 0321 ext 4567\"\n", in: folder)
        let out = folder.appendingPathComponent("x.pdf")
        let result = try Command.handouts(["render", "colostrum-facts", "--site", site, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Command.tool("qpdf", ["--json", out.path]).stdout
        #expect(json.contains("\"/URI\": \"u:tel:02079460321;ext=4567\""))
        #expect(try Command.tool("pdftotext", [out.path, "-"]).stdout.contains("020 7946 0321 ext 4567"))
    }

    @Test func aCharacterNoFontHasIsBlamedOnTheProfile() throws {
        let folder = try Command.temporaryFolder()
        let site = try profile("unit: \"Riverside \u{1F600}\"\ncountry: GB\n" + Self.ward, in: folder)
        let result = try Command.handouts(["render", "colostrum-facts", "--site", site, "-o", folder.appendingPathComponent("x.pdf").path])
        #expect(result.status == 65)
        #expect(errors(result).count == 1)
        #expect(errors(result).first?.hasSuffix("site.yaml:1:7: unit: no shipped font has U+1F600 \u{1F600} — write it in a script the fonts in Fonts/ cover, or add a font for it (Fonts/make-fonts.py)") == true,
                "\(result.stderr)")
    }

    @Test func aHugeLogoIsScaledDownAndSaysSo() throws {
        let folder = try Command.temporaryFolder()
        let logo = try Self.largePNG(in: folder)
        let site = try profile("unit: Riverside\ncountry: GB\nlogo: big.png\n" + Self.ward, in: folder)
        let out = folder.appendingPathComponent("x.pdf")
        let result = try Command.handouts(["render", "colostrum-facts", "--site", site, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("the logo \(logo.path) is 3000 × 2000 px: scaled down to 2000 × 1333 px before embedding"), "\(result.stderr)")
        let images = try Command.tool("pdfimages", ["-list", out.path]).stdout
        #expect(images.contains(" 2000  1333 "), "\(images)")
        #expect(!images.contains(" 3000 "))
    }

    @Test func anEditedGuideAloneUsesTheBundledLayoutsAndFontsAndSaysSoOnce() throws {
        let folder = try Command.temporaryFolder()
        try FileManager.default.copyItem(at: Command.root.appendingPathComponent("Guide"), to: folder.appendingPathComponent("Guide"))
        let result = try Command.handouts(["render", "--all", "--country", "GB", "--out-dir", folder.appendingPathComponent("out").path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("from the bundled copy") }
        #expect(notes.count == 1, "\(result.stderr)")
        #expect(notes.first?.hasPrefix("warning: using Guide/ from this folder (") == true)
        #expect(notes.first?.contains(") and Layouts/ and Fonts/ from the bundled copy (") == true)
    }

    /// A 3000 × 2000 px PNG: page 1 of a handout, drawn at that size by pdftoppm.
    static func largePNG(in folder: URL) throws -> URL {
        let pdf = folder.appendingPathComponent("page.pdf")
        #expect(try Command.handouts(["render", "colostrum-facts", "--country", "GB", "-o", pdf.path]).status == 0)
        let base = folder.appendingPathComponent("big")
        _ = try Command.tool("pdftoppm", ["-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to-x", "3000", "-scale-to-y", "2000", pdf.path, base.path])
        return folder.appendingPathComponent("big.png")
    }
}
