import Foundation
import Testing

/// `--bleed 3` for a print shop: the trimmed page is still A4, the bleed box lies 3 mm
/// outside it on every side, the header band is printed out to the bleed edge, and the slug
/// around it stays white but for the crop marks.
@Suite struct BleedTests {
    @Test func threeMillimetresOfBleedOnEachSideWithTheBandReachingIt() throws {
        let folder = try Command.temporaryFolder()
        let out = folder.appendingPathComponent("bleed.pdf")
        let result = try Command.handouts(["render", "colostrum-facts", "--country", "GB", "--bleed", "3", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let boxes = try Command.tool("pdfinfo", ["-box", "-f", "1", "-l", "1", out.path]).stdout
        func box(_ name: String) throws -> [Double] {
            let line = try #require(boxes.split(separator: "\n").first { $0.hasPrefix("Page    1 \(name)") || $0.hasPrefix("\(name):") }, "no \(name) in \(boxes)")
            return line.split(separator: " ").suffix(4).compactMap { Double($0) }
        }
        let trim = try box("TrimBox"), bleed = try box("BleedBox")
        let millimetre = 72 / 25.4
        #expect(abs((trim[2] - trim[0]) - 210 * millimetre) < 0.5 && abs((trim[3] - trim[1]) - 297 * millimetre) < 0.5, "trim \(trim) is not A4")
        for side in 0..<2 { #expect(abs((trim[side] - bleed[side]) - 3 * millimetre) < 0.1, "bleed \(bleed) against trim \(trim)") }
        for side in 2..<4 { #expect(abs((bleed[side] - trim[side]) - 3 * millimetre) < 0.1, "bleed \(bleed) against trim \(trim)") }

        // At 30 dpi: the band is dark in the bleed strip above the trim line, the slug is white.
        let page = try Greymap(pdf: out, page: 1)
        let scale = 30.0 / 72
        let media = try box("MediaBox")
        let middle = page.width / 2
        let inBleed = Int((media[3] - (trim[3] + 1.5 * millimetre)) * scale)   // 1.5 mm above the trim edge
        let inSlug = Int((media[3] - (bleed[3] + 4 * millimetre)) * scale)     // 4 mm outside the bleed
        #expect(page.pixels[inBleed * page.width + middle] < 150, "the band does not reach into the bleed")
        #expect(page.pixels[inSlug * page.width + middle] > 240, "the slug is not white")
        // Crop marks: something dark in the slug beside the top-left trim corner.
        let cornerRow = Int((media[3] - trim[3] - 5 * millimetre) * scale) ..< Int((media[3] - trim[3] - 3.2 * millimetre) * scale)
        let markColumn = Int(trim[0] * scale)
        let dark = cornerRow.contains { row in (markColumn - 1...markColumn + 1).contains { page.pixels[row * page.width + $0] < 200 } }
        #expect(dark, "no crop mark at the top-left trim line")
    }
}
