import Foundation
import Testing

/// `handouts print` against a real CUPS scheduler with a virtual PDF printer. CI runs it
/// (HANDOUTS_REQUIRE_CUPS=1 turns a missing CUPS into a failure); elsewhere it is skipped
/// when this machine cannot start a private scheduler.
@Suite(.serialized) struct PrintTests {
    static let required = ProcessInfo.processInfo.environment["HANDOUTS_REQUIRE_CUPS"] == "1"
    static let canRun = PrivateCUPS.unavailableReason == nil

    @Test(.enabled(if: canRun || required, "needs root and cups + printer-driver-cups-pdf"))
    func aPrintJobArrivesAndIsTheHandout() throws {
        if let reason = PrivateCUPS.unavailableReason {
            Issue.record("CUPS is required here but cannot run: \(reason)")
            return
        }
        let cups = try PrivateCUPS()
        defer { cups.stop() }
        let started = Date()
        let result = try Command.handouts(["print", "first-week", "--lang", "es", "--printer", PrivateCUPS.queue, "--copies", "1"],
                                          environment: cups.environment)
        #expect(result.status == 0, "\(result.stderr)")
        // The nurse is told what went where: copies, pages and the job to ask the print room about.
        #expect(result.stdout.contains("sent first-week-es-a4 to \(PrivateCUPS.queue): 1 copy of 3 pages (job \(PrivateCUPS.queue)-"),
                "\(result.stdout)")
        try cups.waitForJobs()
        // cups-pdf names its file after the job title; take the newest one from this job.
        let folder = PrivateCUPS.outputFolder
        let printed = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
            .filter { $0.lastPathComponent.hasPrefix("first-week-es-a4") && $0.pathExtension == "pdf" }
            .filter { ((try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast) >= started.addingTimeInterval(-1) }
        let file = try #require(printed.first, "no PDF from the virtual printer in \(folder.path)")
        defer { try? FileManager.default.removeItem(at: file) }

        // The printed file is the handout: same pages, same size, and the same picture.
        // (cups-pdf re-renders through Ghostscript, so the bytes and the text layer differ.)
        let expected = try Command.temporaryFolder().appendingPathComponent("expected.pdf")
        #expect(try Command.handouts(["render", "first-week", "--lang", "es", "-o", expected.path]).status == 0)
        let a = try pdfInfo(file), b = try pdfInfo(expected)
        #expect(a["Pages"] == b["Pages"])
        #expect(a["Page size"]?.hasPrefix("595") == true)
        // The print path scales the page a little into the printable area, so compare the
        // inked area of each page, cropped and reduced to a coarse grid.
        let printedPages = try (1...2).map { try Greymap(pdf: file, page: $0).inkGrid() }
        let original = try (1...2).map { try Greymap(pdf: expected, page: $0).inkGrid() }
        for page in 0..<2 {
            let same = Greymap.meanDifference(printedPages[page], original[page])
            let other = Greymap.meanDifference(printedPages[page], original[1 - page])
            #expect(same < 12, "page \(page + 1) of the printed file does not look like the handout (difference \(same))")
            #expect(other > same + 8, "the comparison cannot tell pages apart (\(same) against \(other))")
        }
    }

    /// A printer name that CUPS does not know: the line says so and lists the ones it has.
    @Test(.enabled(if: canRun || required, "needs root and cups + printer-driver-cups-pdf"))
    func anUnknownPrinterListsThePrintersThatExist() throws {
        if let reason = PrivateCUPS.unavailableReason {
            Issue.record("CUPS is required here but cannot run: \(reason)")
            return
        }
        let cups = try PrivateCUPS()
        defer { cups.stop() }
        let result = try Command.handouts(["print", "first-week", "--country", "GB", "--printer", "Ward7Upstairs"],
                                          environment: cups.environment)
        #expect(result.status == 69)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors == ["error: could not print: there is no printer \"Ward7Upstairs\" (the CUPS scheduler is running) — printers here: \(PrivateCUPS.queue)"],
                "\(result.stderr)")
    }

    @Test func withoutCUPSPrintSaysSoInOneLine() throws {
        // A PATH without lp: as on a machine without cups-client.
        let result = try Command.handouts(["print", "first-week"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 69)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("no lp command"))
    }

    @Test func aSchedulerThatIsNotRunningIsNamed() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/lp") else { return }
        let result = try Command.handouts(["print", "first-week", "--country", "GB", "--printer", "Nowhere"],
                                          environment: ["CUPS_SERVER": "/tmp/handouts-no-such-cups.sock"])
        #expect(result.status == 69)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.hasPrefix("error: could not print:") == true, "\(result.stderr)")
    }
}

/// A page as 8-bit greys at 30 dpi (pdftoppm -gray), to compare two PDFs by what they show.
struct Greymap {
    let width: Int, height: Int
    let pixels: [UInt8]

    init(pdf: URL, page: Int) throws {
        let base = try Command.temporaryFolder("grey").appendingPathComponent("page")
        let result = try Command.tool("pdftoppm", ["-r", "30", "-gray", "-f", String(page), "-l", String(page), "-singlefile", pdf.path, base.path])
        guard result.status == 0 else { throw TestSetupError(message: "pdftoppm failed: \(result.stderr)") }
        let data = try Data(contentsOf: URL(fileURLWithPath: base.path + ".pgm"))
        // P5 header: "P5\n<width> <height>\n<max>\n" then the bytes.
        var fields: [Int] = [], index = 2, current = ""
        while fields.count < 3 && index < data.count {
            let byte = data[index]; index += 1
            if (48...57).contains(byte) { current.append(Character(UnicodeScalar(byte))) } else if !current.isEmpty {
                fields.append(Int(current)!); current = ""
            }
        }
        guard fields.count == 3 else { throw TestSetupError(message: "not a PGM file") }
        width = fields[0]; height = fields[1]
        pixels = Array(data[index..<min(data.count, index + width * height)])
    }

    /// The inked area (pixels darker than 200), cropped and averaged down to a 40 × 56 grid:
    /// the same page printed a little smaller or shifted gives nearly the same grid.
    func inkGrid(columns: Int = 40, rows: Int = 56) -> [Double] {
        var minX = width, maxX = -1, minY = height, maxY = -1
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] < 200 {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= minX, maxY >= minY else { return [Double](repeating: 255, count: columns * rows) }
        var grid: [Double] = []
        for row in 0..<rows {
            let y0 = minY + (maxY + 1 - minY) * row / rows, y1 = max(y0 + 1, minY + (maxY + 1 - minY) * (row + 1) / rows)
            for column in 0..<columns {
                let x0 = minX + (maxX + 1 - minX) * column / columns, x1 = max(x0 + 1, minX + (maxX + 1 - minX) * (column + 1) / columns)
                var total = 0
                for y in y0..<y1 { for x in x0..<x1 { total += Int(pixels[y * width + x]) } }
                grid.append(Double(total) / Double((y1 - y0) * (x1 - x0)))
            }
        }
        return grid
    }

    static func meanDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(max(1, min(a.count, b.count)))
    }
}
