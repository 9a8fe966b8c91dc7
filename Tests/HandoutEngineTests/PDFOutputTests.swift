import Foundation
import Testing
@testable import HandoutEngine
import HandoutLayout
import HandoutModel
import HandoutProcess

/// The painted output: golden dumps of the drawing operations, and reproducible PDF bytes.
@Suite struct PDFOutputTests {
    static let goldens = Shared.root.appendingPathComponent("Tests/HandoutEngineTests/Goldens")

    /// Compares the recording painter's log with the committed golden file; run with
    /// UPDATE_GOLDENS=1 to rewrite them after an intended change, then review the diff.
    /// English as a UK and a US ward print it, Arabic (right to left) and Japanese (CJK).
    @Test(arguments: [("colostrum-facts", "en", "GB", Paper.a4), ("first-week", "en-US", "US", Paper.letter),
                      ("alternatives-card", "en", "GB", Paper.a6), ("first-week", "ar", "GB", Paper.a4),
                      ("colostrum-facts", "ja", "JP", Paper.a4)])
    func drawingOperationsMatchTheGolden(handout: String, language: String, country: String, paper: Paper) async throws {
        let log = try await Shared.withRenderer { renderer -> String in
            let laidOut = try renderer.layout(renderer.document(handout: handout, language: language, country: country, paper: paper,
                                                                date: 1_796_083_200))
            let recorder = RecordingPainter()
            try laidOut.paint(on: recorder)
            return recorder.log
        }
        let file = PDFOutputTests.goldens.appendingPathComponent("\(handout)-\(language)-\(country)-\(paper.rawValue).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try log.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if log != expected {
            let ours = log.split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(ours, theirs)).firstIndex { $0 != $1 } ?? min(ours.count, theirs.count)
            Issue.record("""
                \(file.lastPathComponent) differs at line \(first + 1):
                  expected: \(first < theirs.count ? String(theirs[first]) : "(end)")
                  actual:   \(first < ours.count ? String(ours[first]) : "(end)")
                (UPDATE_GOLDENS=1 swift test rewrites the goldens)
                """)
        }
    }

    @Test func twoRendersGiveIdenticalBytes() async throws {
        try await Shared.withRenderer { renderer in
            let first = try renderer.renderPDF(handout: "first-week", language: "en", paper: .a4).pdf
            let second = try renderer.renderPDF(handout: "first-week", language: "en", paper: .a4).pdf
            #expect(first == second)
            #expect(first.starts(with: Array("%PDF-1.5".utf8)))
        }
    }

    /// Cairo 1.16 writes the date without the optional "D:" prefix.
    @Test func theCreationDateComesFromTheGuideOrTheGivenEpoch() async throws {
        try await Shared.withRenderer { renderer in
            let fromGuide = try renderer.renderPDF(handout: "colostrum-facts", language: "en", paper: .a4).pdf
            let reviewed = try renderer.project.guide("en").review.date
            let stamp = String(format: "%04d%02d%02d000000Z", reviewed.year, reviewed.month, reviewed.day)
            #expect(try creationDate(of: fromGuide) == stamp)
            let fixed = try renderer.renderPDF(handout: "colostrum-facts", language: "en", paper: .a4, date: 1_700_000_000).pdf
            #expect(try creationDate(of: fixed) == "20231114221320Z")
        }
    }

    /// The raw creation date as a PDF reader sees it (pdfinfo): the Info dictionary sits
    /// in a compressed object stream, so the bytes cannot simply be searched.
    private func creationDate(of pdf: Data) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("creation-date-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let info = try CapturedRun.run("/usr/bin/pdfinfo", ["-rawdates", file.path])
        let line = info.stdout.split(separator: "\n").first { $0.hasPrefix("CreationDate:") }
        return line.map { $0.dropFirst("CreationDate:".count).trimmingCharacters(in: .whitespaces) }
    }

    /// The date arithmetic behind the PDF's creation date, at the edges a calendar gets wrong.
    @Test func datesAreUTCCalendarDates() {
        #expect(CalendarDate.isoTimestamp(0) == "1970-01-01T00:00:00Z")
        #expect(CalendarDate.isoTimestamp(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(CalendarDate.isoTimestamp(4_102_444_799) == "2099-12-31T23:59:59Z")
    }

    /// Link targets reach Cairo as quoted attributes: a quote or backslash in a URL must not
    /// end the attribute early.
    @Test func linkAttributesEscapeQuotes() {
        #expect(CairoPainter.escape(#"https://x.org/a'b\c"#) == #"https://x.org/a\'b\\c"#)
    }
}
