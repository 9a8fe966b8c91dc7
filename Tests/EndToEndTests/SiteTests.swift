import Foundation
import Testing

/// The ward's own handouts: its name and numbers on every handout, numbers as tel: links,
/// its web link as a QR code that scans, and the print variants.
@Suite(.serialized) struct SiteTests {
    static let site = Command.root.appendingPathComponent("docs/site.example.yaml").path
    static let unit = "Riverside Maternity Unit"
    static let numbers = ["020 7946 0321", "020 7946 0322", "020 7946 0323", "020 7946 0999", "999"]
    static let url = "https://example.org/riverside/feeding"

    @Test func everyHandoutCarriesTheUnitItsNumbersAndLinks() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "--all", "--site", SiteTests.site, "--out-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }
        #expect(files.count == 10)
        for name in files {
            let file = out.appendingPathComponent(name)
            let text = try Command.tool("pdftotext", [file.path, "-"]).stdout.replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains(SiteTests.unit), "\(name) lacks the unit name")
            // A milk label goes on a syringe for the neonatal unit, not home with the mother:
            // it carries the unit's name (on every label) and no phone numbers or links.
            if name.hasPrefix("milk-labels") {
                let labels = name.contains("-a4") ? 14 : 10
                #expect(text.components(separatedBy: SiteTests.unit).count - 1 == labels, "\(name): the unit's name is not on every label")
                let json = try Command.tool("qpdf", ["--json", file.path]).stdout
                #expect(!json.contains("\"/URI\""), "\(name) has a link")
                continue
            }
            for number in SiteTests.numbers { #expect(text.contains(number), "\(name) lacks \(number)") }
            // One tel: link per phone number (the footer may link the main number again).
            let json = try Command.tool("qpdf", ["--json", file.path]).stdout
            for number in SiteTests.numbers {
                let uri = "tel:" + number.filter { !$0.isWhitespace }
                #expect(json.contains("\"/URI\": \"u:\(uri)\""), "\(name): no \(uri) link")
            }
            #expect(json.contains("\"/URI\": \"u:\(SiteTests.url)\""), "\(name): no link to the web address")
        }
    }

    /// The QR code on the fact sheet scans (zbarimg) to the profile's web address.
    @Test func theQRCodeScansToTheProfilesAddress() throws {
        let out = try Command.temporaryFolder()
        #expect(try Command.handouts(["render", "colostrum-facts", "--site", SiteTests.site, "--out-dir", out.path]).status == 0)
        // The contacts box (and its code) sits where the page-break rules put it: scan every page.
        let png = out.appendingPathComponent("page")
        _ = try Command.tool("pdftoppm", ["-r", "200", "-png", out.appendingPathComponent("colostrum-facts-en-GB-a4.pdf").path, png.path])
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }
            .sorted().map { out.appendingPathComponent($0).path }
        #expect(pages.count == 2)
        // zbarimg exits 4 for a page without a code, so scan each page on its own.
        let codes = try pages.map { try Command.tool("zbarimg", ["--quiet", "--raw", $0]).stdout }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        #expect(codes == [SiteTests.url], "zbarimg found \(codes)")
    }

    /// The card folds (four faces): two to an A4 sheet, the outside spreads (back and front
    /// face) on page 1 and the inside spreads on page 2, for long-edge duplex.
    @Test func twoUpGivesTwoA4PagesWithTwoOutsidesAndTwoInsides() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["render", "alternatives-card", "--n-up", "2", "--sheet", "a4", "--site", SiteTests.site,
                                           "--out-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let file = out.appendingPathComponent("alternatives-card-en-GB-2up-a4.pdf")
        let info = try pdfInfo(file)
        #expect(info["Pages"] == "2")
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89") == true)
        let outside = try Command.tool("pdftotext", ["-f", "1", "-l", "1", file.path, "-"]).stdout
        let inside = try Command.tool("pdftotext", ["-f", "2", "-l", "2", file.path, "-"]).stdout
        #expect(outside.components(separatedBy: "Start expressing early").count - 1 == 2)
        #expect(outside.components(separatedBy: "Other ways to give your milk").count - 1 == 2)
        #expect(inside.components(separatedBy: "Storing milk at home").count - 1 == 2)
        #expect(try Command.tool("qpdf", ["--check", file.path]).status == 0)
    }

    @Test func fourUpIsRefusedForTheFoldedCard() throws {
        let result = try Command.handouts(["render", "alternatives-card", "--n-up", "4", "--out-dir", try Command.temporaryFolder().path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--n-up 4: the card folds (four faces): it goes 2 to a sheet, use --n-up 2"))
    }

    @Test func grayscaleHasNoColourEvenInTheLogo() throws {
        let out = try Command.temporaryFolder()
        #expect(try Command.handouts(["render", "colostrum-facts", "--grayscale", "--site", SiteTests.site, "--out-dir", out.path]).status == 0)
        let base = out.appendingPathComponent("page")
        _ = try Command.tool("pdftoppm", ["-r", "50", "-singlefile", out.appendingPathComponent("colostrum-facts-en-GB-a4-grey.pdf").path, base.path])
        let ppm = try Data(contentsOf: URL(fileURLWithPath: base.path + ".ppm"))
        // P6 header, then RGB triples.
        var newlines = 0, start = 0
        for (index, byte) in ppm.enumerated() where byte == 10 {
            newlines += 1
            if newlines == 3 { start = index + 1; break }
        }
        var coloured = 0
        var index = start
        while index + 2 < ppm.count {
            let r = Int(ppm[index]), g = Int(ppm[index + 1]), b = Int(ppm[index + 2])
            if max(abs(r - g), abs(g - b), abs(r - b)) > 3 { coloured += 1 }
            index += 3
        }
        #expect(coloured == 0, "\(coloured) coloured pixels in the grayscale fact sheet")
    }

    @Test func aMissingLogoIsOneLineNamingTheProfile() throws {
        let folder = try Command.temporaryFolder()
        let profile = folder.appendingPathComponent("site.yaml")
        try "unit: Test Ward\nlogo: missing.png\n".write(to: profile, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Command.handouts(["render", "first-week", "--site", profile.path, "--out-dir", out.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: \(profile.path):2:7: logo: logo file not found:"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("first-week-en-a4.pdf").path))
    }

    @Test func anUnreadableLogoIsRefusedBeforeWriting() throws {
        let folder = try Command.temporaryFolder()
        try Data("not a png".utf8).write(to: folder.appendingPathComponent("logo.png"))
        let profile = folder.appendingPathComponent("site.yaml")
        try "unit: Test Ward\nlogo: logo.png\n".write(to: profile, atomically: true, encoding: .utf8)
        let result = try Command.handouts(["render", "first-week", "--site", profile.path, "--out-dir", folder.appendingPathComponent("out").path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("logo: the logo"))
        #expect(result.stderr.contains("is not a readable PNG file"))
    }

    @Test func aPaleBrandColourIsDarkenedWithAWarning() throws {
        let folder = try Command.temporaryFolder()
        let profile = folder.appendingPathComponent("site.yaml")
        try "unit: Test Ward\nbrand_color: \"#f4c542\"\n".write(to: profile, atomically: true, encoding: .utf8)
        let result = try Command.handouts(["render", "colostrum-facts", "--site", profile.path, "--out-dir", folder.appendingPathComponent("out").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("brand_color #f4c542 has a contrast of 1.6:1 with white, under 4.5:1: using #"))
    }

    @Test func previewWritesEachPageAsAPNG() throws {
        let out = try Command.temporaryFolder()
        let result = try Command.handouts(["preview", "first-week", "--dpi", "96", "--out-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["first-week-en-a4-p1.png", "first-week-en-a4-p2.png", "first-week-en-a4-p3.png"])
        let png = try Data(contentsOf: out.appendingPathComponent(files[0]))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR: width and height, big-endian, at bytes 16-23: A4 at 96 dpi is 794 × 1123.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 794 && height == 1123)
        let one = try Command.handouts(["preview", "first-week", "--page", "4", "--out-dir", out.path])
        #expect(one.status == 64)
        #expect(one.stderr.contains("first-week has 3 pages"))
    }
}
