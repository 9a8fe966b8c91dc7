import Foundation
import Testing

/// The pictures as they print: the stool-size circle at 25 mm, the stool-colour swatches in
/// the card's colours (and none in greys, with a warning), each figure tagged with its alt
/// text. Measured in the page images pdftoppm makes, as a printer would draw them.
@Suite(.serialized) struct PictureTests {
    /// An uncompressed page image (pdftoppm's PPM output).
    struct PageImage {
        let width: Int, height: Int
        let pixels: [UInt8]

        init(pdf: URL, page: Int, dpi: Int, grey: Bool = false) throws {
            let prefix = pdf.deletingPathExtension().path + "-p\(page)-\(dpi)"
            let result = try Command.run(URL(fileURLWithPath: "/usr/bin/pdftoppm"),
                                         ["-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix],
                                         in: pdf.deletingLastPathComponent())
            guard result.status == 0 else { throw TestSetupError(message: result.stderr) }
            let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
            // "P6\n<w> <h>\n255\n" then RGB bytes.
            var fields: [String] = [], index = 0, current = ""
            while fields.count < 4 {
                let byte = data[index]; index += 1
                if byte == 0x20 || byte == 0x0A { if !current.isEmpty { fields.append(current); current = "" } } else { current.append(Character(UnicodeScalar(byte))) }
            }
            width = Int(fields[1])!; height = Int(fields[2])!
            pixels = Array(data[index...])
        }

        func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
            let i = (y * width + x) * 3
            return (Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]))
        }

        func close(_ x: Int, _ y: Int, to colour: (Int, Int, Int), within tolerance: Int) -> Bool {
            let (r, g, b) = rgb(x, y)
            return abs(r - colour.0) <= tolerance && abs(g - colour.1) <= tolerance && abs(b - colour.2) <= tolerance
        }

        /// The bounding box of the pixels within `tolerance` of `colour`.
        func bounds(of colour: (Int, Int, Int), within tolerance: Int) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
            var box: (Int, Int, Int, Int)?
            for y in 0..<height {
                for x in 0..<width where close(x, y, to: colour, within: tolerance) {
                    box = box.map { (min($0.0, x), min($0.1, y), max($0.2, x), max($0.3, y)) } ?? (x, y, x, y)
                }
            }
            return box.map { (minX: $0.0, minY: $0.1, maxX: $0.2, maxY: $0.3) }
        }

        /// Whether a square of `side` pixels all within `tolerance` of `colour` exists: a
        /// printed patch, not a few antialiased edge pixels.
        func hasPatch(of colour: (Int, Int, Int), within tolerance: Int, side: Int) -> Bool {
            var run = [Int](repeating: 0, count: width)   // matching pixels straight above, per column
            for y in 0..<height {
                var across = 0
                for x in 0..<width {
                    run[x] = close(x, y, to: colour, within: tolerance) ? run[x] + 1 : 0
                    across = run[x] >= side ? across + 1 : 0
                    if across >= side { return true }
                }
            }
            return false
        }
    }

    static func hex(_ text: String) -> (Int, Int, Int) {
        let value = Int(text.dropFirst(), radix: 16)!
        return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
    }

    /// The card's colours, as sources.yaml records them.
    static func swatchColours() throws -> [Int: (Int, Int, Int)] {
        let text = try String(contentsOf: Command.root.appendingPathComponent("Guide/sources.yaml"), encoding: .utf8)
        let entry = try #require(text.range(of: "  stool-card-japan:"))
        var colours: [Int: (Int, Int, Int)] = [:]
        for line in text[entry.upperBound...].split(separator: "\n").prefix(20) {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
            if parts.count == 2, let number = Int(parts[0]), parts[1].contains("#") {
                colours[number] = hex(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"")))
            }
        }
        return colours
    }

    func render(_ arguments: [String], _ name: String = #function) throws -> (pdf: URL, result: Command.Result) {
        let folder = try Command.temporaryFolder(name)
        let pdf = folder.appendingPathComponent("out.pdf")
        let result = try Command.handouts(["render", "first-week", "--country", "GB", "-o", pdf.path] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return (pdf, result)
    }

    func page(containing text: String, in pdf: URL) throws -> Int {
        for page in 1...3 {
            let result = try Command.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"],
                                         in: pdf.deletingLastPathComponent())
            if result.stdout.contains(text) { return page }
        }
        throw TestSetupError(message: "no page holds \"\(text)\"")
    }

    /// The circle is drawn 25 mm across its outer edge (fill and outline), on A4 and Letter.
    @Test(arguments: ["a4", "letter"])
    func theStoolSizeCircleIsTwentyFiveMillimetres(paper: String) throws {
        let (pdf, _) = try render(["--paper", paper], "circle-\(paper)")
        let dpi = 300
        let image = try PageImage(pdf: pdf, page: page(containing: "2.5 cm", in: pdf), dpi: dpi)
        let fill = try #require(image.bounds(of: PictureTests.hex("#f2d36b"), within: 12), "no circle fill on the page")
        // Outward from the fill to the outline's outer edge: the last pixel darker than paper.
        func edge(from start: Int, step: Int, along row: Int, horizontal: Bool) -> Int {
            var position = start
            while true {
                let next = position + step
                let (r, g, b) = horizontal ? image.rgb(next, row) : image.rgb(row, next)
                if r + g + b > 3 * 235 { return position }
                position = next
            }
        }
        let centreX = (fill.minX + fill.maxX) / 2, centreY = (fill.minY + fill.maxY) / 2
        let across = edge(from: fill.maxX, step: 1, along: centreY, horizontal: true) - edge(from: fill.minX, step: -1, along: centreY, horizontal: true) + 1
        let down = edge(from: fill.maxY, step: 1, along: centreX, horizontal: false) - edge(from: fill.minY, step: -1, along: centreX, horizontal: false) + 1
        for (what, pixels) in [("across", across), ("down", down)] {
            let millimetres = Double(pixels) / Double(dpi) * 25.4
            #expect(abs(millimetres - 25) <= 0.3, "\(paper): the circle is \(millimetres) mm \(what)")
        }
    }

    /// Every swatch prints as a patch of its card colour, within 8 per channel; in greys none
    /// does, the words stay, and render warns that colour matters there.
    @Test func swatchesPrintTheCardsColoursAndAreLeftOutInGreys() throws {
        let colours = try PictureTests.swatchColours()
        #expect(colours.count == 7)
        let (pdf, _) = try render([], "swatches")
        let number = try page(containing: "Check the colour of every poo", in: pdf)
        let image = try PageImage(pdf: pdf, page: number, dpi: 100)
        for (index, colour) in colours.sorted(by: { $0.key < $1.key }) {
            #expect(image.hasPatch(of: colour, within: 8, side: 12), "swatch \(index) (\(colour)) is not on page \(number)")
        }

        let (grey, result) = try render(["--grayscale"], "swatches-grey")
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") && $0.contains("swatches") }
        #expect(warnings.count == 1 && warnings[0].contains("colour matters"), "\(result.stderr)")
        let greyPage = try page(containing: "Check the colour of every poo", in: grey)
        let text = try Command.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), [grey.path, "-"], in: grey.deletingLastPathComponent()).stdout
        #expect(text.contains("Pale, white or clay-coloured poo"), "the words stay in greys")
        let greyImage = try PageImage(pdf: grey, page: greyPage, dpi: 100)
        for (index, colour) in colours where index <= 5 {   // 6 and 7 are dark olive: close to a grey
            #expect(!greyImage.hasPatch(of: colour, within: 8, side: 12), "swatch \(index) printed in greys")
        }
    }

    /// Each figure is a Figure structure element carrying its alt text. (Debian 12's poppler
    /// prints no /Alt in `pdfinfo -struct-text`, so the structure tree is read with qpdf.)
    @Test func figuresAreTaggedWithTheirAltText() throws {
        let (pdf, _) = try render([], "figures")
        let json = try Command.run(URL(fileURLWithPath: "/usr/bin/qpdf"), ["--json", "--json-key=qpdf", pdf.path],
                                   in: pdf.deletingLastPathComponent()).stdout
        for alt in ["A circle 2.5 cm across", "Drawing of a baby feeding at the breast", "Drawing of a hand on a breast"] {
            let pattern = #"\"/Alt\": \"u:"# + NSRegularExpression.escapedPattern(for: alt)
            let found = json.range(of: pattern, options: .regularExpression)
            #expect(found != nil, "no /Alt \"\(alt)…\"")
            if let found {
                // The same dictionary names the element's type: a Figure.
                let start = json[..<found.lowerBound].range(of: "{", options: .backwards)?.lowerBound ?? found.lowerBound
                let end = json[found.upperBound...].range(of: "}")?.upperBound ?? found.upperBound
                #expect(json[start..<end].contains(#""/S": "/Figure""#), "\(alt): not a Figure")
            }
        }
        let structure = try Command.run(URL(fileURLWithPath: "/usr/bin/pdfinfo"), ["-struct", pdf.path], in: pdf.deletingLastPathComponent()).stdout
        #expect(structure.components(separatedBy: "Figure").count - 1 >= 3, "fewer than 3 Figure elements")
    }
}
