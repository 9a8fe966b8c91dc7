import Foundation
import HandoutPDF
import HandoutProcess
import Testing

/// The finisher's PDF reader and writer on a small file laid out as Cairo 1.16 lays out its
/// own (classic cross-reference table, a stream with an indirect length, a comment inside a
/// dictionary), checked with qpdf, which knows nothing of our code.
@Suite struct PDFFileTests {
    /// A one-page PDF that shows "Hello" in Helvetica, with a structure tree of two elements.
    static func cairoLikePDF() -> [UInt8] {
        let content = "BT /F1 24 Tf 72 720 Td (Hello) Tj ET"
        let objects = [
            "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
            "<< /Type /Page % 1\n   /Parent 2 0 R\n   /MediaBox [ 0 0 595.2756 841.8898 ]\n   /Contents 4 0 R\n   /Resources << /Font << /F1 6 0 R >> >>\n>>",
            "<< /Length 5 0 R >>\nstream\n\(content)\nendstream",
            "   \(content.utf8.count + 1)",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /StructTreeRoot /K [ 8 0 R ] >>",
            "<< /Type /StructElem /S /Document /P 7 0 R /K [ 9 0 R ] >>",
            "<< /Type /StructElem /S /P /P 8 0 R /Pg 3 0 R /K 0 >>",
            "<< /Title (Hello \\(test\\)) /Producer (cairo 1.16.0 (https://cairographics.org)) >>",
            "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 7 0 R /MarkInfo << /Marked true >> >>",
        ]
        var out = Array("%PDF-1.5\n%\u{B5}\u{ED}\u{AE}\u{FB}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 2) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 12\n0000000000 65535 f \n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size 12\n   /Root 11 0 R\n   /Info 10 0 R\n>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    func qpdf(_ arguments: [String], on bytes: [UInt8]) throws -> CapturedRun {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pdffile-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try CapturedRun.run("/usr/bin/qpdf", arguments + [file.path])
    }

    @Test func aChangedFileIsValidAndCarriesTheChange() throws {
        var file = try PDFFile(Self.cairoLikePDF())
        let root = try #require(file.trailer["Root"]?.reference)
        var catalog = try #require(try file.object(root).dictionary)
        catalog["Lang"] = .text("ur")
        try file.replace(root, with: .dictionary(catalog))
        var paragraph = try #require(try file.object(PDFReference(9)).dictionary)
        paragraph["Alt"] = .text("سلام (hello)")
        try file.replace(PDFReference(9), with: .dictionary(paragraph))
        let written = try file.written()

        let check = try qpdf(["--check"], on: written)
        #expect(check.status == 0, "qpdf --check: \(check.stdout) \(check.stderr)")
        let xref = try qpdf(["--show-xref"], on: written).stdout
        #expect(xref.contains("11/0: compressed; stream = "), "the catalog is in an object stream: \(xref)")
        let json = try qpdf(["--json", "--json-key=qpdf"], on: written).stdout
        #expect(json.contains("\"/Lang\": \"u:ur\""))
        #expect(json.contains("\"/Alt\": \"u:سلام (hello)\""))
        #expect(json.contains("\"/Title\": \"u:Hello (test)\""), "an untouched string keeps its escapes")
        // The page's content stream is copied byte for byte.
        #expect(String(decoding: written, as: UTF8.self).contains("BT /F1 24 Tf 72 720 Td (Hello) Tj ET"))
        let text = try CapturedRun.run("/usr/bin/pdftotext", ["-", "-"], input: Data(written)).stdout
        #expect(text.contains("Hello"))
    }

    @Test func theSameChangesGiveTheSameBytes() throws {
        func finished() throws -> [UInt8] {
            var file = try PDFFile(Self.cairoLikePDF())
            try file.replace(PDFReference(3), with: .dictionary(PDFDictionary([("Type", .name("Page"))])))
            return try file.written()
        }
        #expect(try finished() == finished())
    }

    /// A damaged file (every length cut short, and stray bytes over the table) is an
    /// error with a place, never a crash or a file half understood.
    @Test func aDamagedFileIsAnErrorNotACrash() throws {
        let good = Self.cairoLikePDF()
        for length in stride(from: 0, to: good.count - 1, by: 7) {
            let cut = Array(good[0..<length])
            #expect(throws: PDFError.self, "cut at \(length)") { try PDFFile(cut).written() }
        }
        var overwritten = good
        let table = Array("xref\n0 12".utf8)
        let at = try #require(good.indices.first { good[$0...].starts(with: table) })
        for offset in (at + 40)..<(at + 60) { overwritten[offset] = UInt8(ascii: "9") }
        let error = try #require(throws: PDFError.self) { try PDFFile(overwritten).written() }
        #expect("\(error)".contains("byte") || "\(error)".contains("object"), "\(error)")
    }

    @Test(arguments: [(12.0, "12"), (8.5039, "8.504"), (-3.5, "-3.5"), (0.0004, "0"), (841.8898, "841.89")])
    func realsAreShortAndExact(value: Double, written: String) {
        #expect(PDFValue.real(value) == .number(written))
    }

    @Test func textOutsideASCIIIsUTF16WithAByteOrderMark() {
        #expect(PDFValue.text("en") == .string(Array("(en)".utf8)))
        #expect(PDFValue.text("a(b)\\") == .string(Array("(a\\(b\\)\\\\)".utf8)))
        #expect(PDFValue.text("é") == .string(Array("<FEFF00E9>".utf8)))
    }
}
