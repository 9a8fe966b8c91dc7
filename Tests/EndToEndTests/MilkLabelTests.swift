import Foundation
import Testing

/// The sheet of NICU milk labels as the print room gets it (issue 14, point 5): for every
/// shipped language, one page on each stock, and each label's drawing read back from the
/// PDF's content stream where the maker die-cuts the label, within half a millimetre.
@Suite(.serialized) struct MilkLabelTests {
    struct Stock {
        let paper: String
        let pageSize: String
        let across: Int, down: Int
        /// In points, from the sheet's top-left corner: label size, first label, pitch.
        let width: Double, height: Double, left: Double, top: Double, pitchAcross: Double, pitchDown: Double
        var count: Int { across * down }

        func origin(_ index: Int) -> (x: Double, y: Double) {
            (left + Double(index % across) * pitchAcross, top + Double(index / across) * pitchDown)
        }
    }

    static let mm = 72 / 25.4
    /// Avery L7163 and Avery 5163, from the makers' templates.
    static let stocks = [
        Stock(paper: "a4", pageSize: "595.276 x 841.89", across: 2, down: 7, width: 99.1 * mm, height: 38.1 * mm,
              left: 4.65 * mm, top: 15.15 * mm, pitchAcross: 101.6 * mm, pitchDown: 38.1 * mm),
        Stock(paper: "letter", pageSize: "612 x 792", across: 2, down: 5, width: 4 * 72, height: 2 * 72,
              left: 0.15625 * 72, top: 0.5 * 72, pitchAcross: 4.1875 * 72, pitchDown: 2 * 72),
    ]

    /// Every guide (`--lang all`) and the variants, which name some fields their own way.
    static let languageArguments = ["all", "en-US", "es-ES", "pt-PT"]

    @Test func everyLanguageIsOnePagePerStockWithEveryLabelOnItsShape() throws {
        let guides = try FileManager.default.contentsOfDirectory(atPath: Command.root.appendingPathComponent("Guide").path)
            .filter { $0.hasSuffix(".yaml") && $0 != "sources.yaml" }
        for stock in MilkLabelTests.stocks {
            let out = try Command.temporaryFolder("labels-\(stock.paper)")
            for language in MilkLabelTests.languageArguments {
                let result = try Command.handouts(["render", "milk-labels", "--lang", language, "--paper", stock.paper,
                                                   "--site", SiteTests.site, "--out-dir", out.path])
                #expect(result.status == 0, "\(language) \(stock.paper): \(result.stderr)")
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }.sorted()
            #expect(files.count == guides.count, "\(stock.paper): \(files.count) sheets for \(guides.count) guides")
            for name in files {
                let file = out.appendingPathComponent(name)
                let info = try pdfInfo(file)
                #expect(info["Pages"] == "1", "\(name): \(info["Pages"] ?? "?") pages")
                #expect(info["Page size"]?.hasPrefix(stock.pageSize) == true, "\(name): \(info["Page size"] ?? "?")")
                try expectLabelsInPlace(file, stock: stock, name: name)
                let text = try Command.tool("pdftotext", [file.path, "-"]).stdout
                #expect(text.components(separatedBy: SiteTests.unit).count - 1 == stock.count, "\(name): the unit's name is not on every label")
            }
        }
    }

    /// Each label has its two tick boxes (fresh, frozen): there are two inside each label's
    /// die-cut shape and none elsewhere, and every label's sit at the same place in it as
    /// the first label's, so every label is drawn at its shape's position to 0.5 mm.
    private func expectLabelsInPlace(_ file: URL, stock: Stock, name: String) throws {
        let (boxes, lines) = try drawing(file, pageHeight: stock.paper == "a4" ? 841.89 : 792)
        #expect(boxes.count == 2 * stock.count, "\(name): \(boxes.count) tick boxes for \(stock.count) labels")
        var offsets: [[(x: Double, y: Double)]] = []
        for index in 0..<stock.count {
            let origin = stock.origin(index)
            let inside = boxes.filter { box in
                box.x >= origin.x - 0.01 && box.y >= origin.y - 0.01
                    && box.x + box.width <= origin.x + stock.width + 0.01 && box.y + box.height <= origin.y + stock.height + 0.01
            }
            #expect(inside.count == 2, "\(name): label \(index + 1) holds \(inside.count) tick boxes")
            offsets.append(inside.map { ($0.x - origin.x, $0.y - origin.y) }.sorted { $0.x < $1.x })
        }
        // The lines to write on, absolutely: each label's run to its end edge (right, or
        // left in a right-to-left language) less its 3 mm side margin, and the lowest sits
        // just above its 2.5 mm bottom margin (Layouts/milk-labels.yaml), by no more than
        // what its words hang below their baseline.
        let rightToLeft = ["ar", "fa", "ps", "ur"].contains { name.hasPrefix("milk-labels-\($0)-") }
        for index in 0..<stock.count {
            let origin = stock.origin(index)
            let inside = lines.filter { $0.x1 >= origin.x - 0.01 && $0.x2 <= origin.x + stock.width + 0.01 && $0.y > origin.y && $0.y < origin.y + stock.height }
            #expect(inside.count == 4, "\(name): label \(index + 1) has \(inside.count) lines to write on")
            let edge = rightToLeft ? inside.map(\.x1).min() ?? 0 : inside.map(\.x2).max() ?? 0
            let expected = rightToLeft ? origin.x + 3 * MilkLabelTests.mm : origin.x + stock.width - 3 * MilkLabelTests.mm
            #expect(abs(edge - expected) <= 0.5 * MilkLabelTests.mm, "\(name): label \(index + 1)'s lines end \((edge - expected) / MilkLabelTests.mm) mm off")
            let bottom = origin.y + stock.height - 2.5 * MilkLabelTests.mm, lowest = inside.map(\.y).max() ?? 0
            #expect(lowest <= bottom + 0.01 && lowest >= bottom - 1.5 * MilkLabelTests.mm,
                    "\(name): label \(index + 1)'s last line is \((bottom - lowest) / MilkLabelTests.mm) mm above its bottom margin")
        }
        guard let first = offsets.first, first.count == 2 else { return }
        for (index, label) in offsets.enumerated().dropFirst() where label.count == 2 {
            for (a, b) in zip(first, label) {
                let off = max(abs(a.x - b.x), abs(a.y - b.y))
                #expect(off <= 0.5 * MilkLabelTests.mm, "\(name): label \(index + 1) is drawn \(off / MilkLabelTests.mm) mm from its shape")
            }
        }
    }

    /// The 3.5 mm squares the page's content stream fills and strokes (`re B`), in points
    /// from the page's top-left corner, through the transforms (`q`, `Q`, `cm`) in force.
    private func drawing(_ file: URL, pageHeight: Double) throws
        -> (boxes: [(x: Double, y: Double, width: Double, height: Double)], lines: [(x1: Double, x2: Double, y: Double)]) {
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString.prefix(8)).pdf")
        defer { try? FileManager.default.removeItem(at: plain) }
        let qpdf = try Command.tool("qpdf", ["--qdf", "--object-streams=disable", file.path, plain.path])
        #expect(qpdf.status == 0, "qpdf: \(qpdf.stderr)")
        let data = String(decoding: try Data(contentsOf: plain), as: UTF8.self)
        guard let marker = data.range(of: "%% Contents for page 1"), let start = data.range(of: "stream\n", range: marker.upperBound..<data.endIndex),
              let end = data.range(of: "endstream", range: start.upperBound..<data.endIndex) else {
            Issue.record("\(file.lastPathComponent): no page content stream")
            return ([], [])
        }
        typealias Matrix = (a: Double, b: Double, c: Double, d: Double, e: Double, f: Double)
        func times(_ m: Matrix, _ n: Matrix) -> Matrix {
            (m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c, m.c * n.b + m.d * n.d,
             m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f)
        }
        var ctm: Matrix = (1, 0, 0, 1, 0, 0), saved: [Matrix] = []
        var operands: [Double] = [], pending: [Double]? = nil
        var boxes: [(x: Double, y: Double, width: Double, height: Double)] = []
        var lines: [(x1: Double, x2: Double, y: Double)] = [], path: [(Double, Double)] = []
        func page(_ x: Double, _ y: Double) -> (Double, Double) {
            (ctm.a * x + ctm.c * y + ctm.e, pageHeight - (ctm.b * x + ctm.d * y + ctm.f))
        }
        var inText = false
        for line in data[start.upperBound..<end.lowerBound].split(separator: "\n") {
            // Text objects hold strings, not drawing: skipped whole.
            if line == "BT" { inText = true; continue }
            if line == "ET" { inText = false; continue }
            if inText { continue }
            for token in line.split(separator: " ") {
                if let number = Double(token) { operands.append(number); continue }
                switch token {
                case "q": saved.append(ctm)
                case "Q": ctm = saved.popLast() ?? ctm
                case "cm" where operands.count >= 6:
                    let o = operands.suffix(6).map { $0 }
                    ctm = times((o[0], o[1], o[2], o[3], o[4], o[5]), ctm)
                case "m" where operands.count >= 2, "l" where operands.count >= 2:
                    if token == "m" { path = [] }
                    path.append(page(operands[operands.count - 2], operands[operands.count - 1]))
                    operands.removeAll()
                    continue
                case "S":
                    // A level stroke from one point to another: a line to write on.
                    if path.count == 2, abs(path[0].1 - path[1].1) < 0.01 {
                        lines.append((min(path[0].0, path[1].0), max(path[0].0, path[1].0), path[0].1))
                    }
                case "re" where operands.count >= 4:
                    pending = Array(operands.suffix(4))
                    operands.removeAll()
                    continue
                case "B", "b", "B*", "b*":
                    if let rect = pending {
                        // Both corners to the page's space, then from its top edge.
                        let corners = [page(rect[0], rect[1]), page(rect[0] + rect[2], rect[1] + rect[3])]
                        let box = (x: min(corners[0].0, corners[1].0), y: min(corners[0].1, corners[1].1),
                                   width: abs(corners[1].0 - corners[0].0), height: abs(corners[1].1 - corners[0].1))
                        if abs(box.width - 3.5 * MilkLabelTests.mm) < 0.1 && abs(box.height - 3.5 * MilkLabelTests.mm) < 0.1 { boxes.append(box) }
                    }
                default: break
                }
                // Any other operator ends the path a rectangle or a line began.
                pending = nil
                path = []
                operands.removeAll()
            }
        }
        return (boxes, lines)
    }

    /// Print rooms run `render --all --large-print`: the labels, which come in the stock's
    /// size, are left out with one note and the rest is written; asked for alone, one error.
    @Test func largePrintLeavesTheLabelsOutOfABatchAndRefusesThemAlone() throws {
        let out = try Command.temporaryFolder()
        let batch = try Command.handouts(["render", "--all", "--large-print", "--out-dir", out.path])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.components(separatedBy: "milk-labels skipped").count - 1 == 1, "\(batch.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!written.isEmpty && !written.contains { $0.hasPrefix("milk-labels") }, "\(written)")
        let alone = try Command.handouts(["render", "milk-labels", "--large-print", "--out-dir", out.path])
        #expect(alone.status == 64)
        #expect(alone.stderr == "error: milk-labels has no large-print version: its labels are the size of the label stock — leave out --large-print\n")
        let bleed = try Command.handouts(["render", "milk-labels", "--bleed", "3", "--out-dir", out.path])
        #expect(bleed.status == 64)
        #expect(bleed.stderr.split(separator: "\n").count == 1 && bleed.stderr.contains("takes no --bleed"), "\(bleed.stderr)")
    }
}
