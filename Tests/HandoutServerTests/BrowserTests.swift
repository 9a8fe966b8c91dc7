import Foundation
import HandoutEngine
import HandoutModel
@testable import HandoutServer
import HummingbirdTesting
import Testing

/// The page in a real browser (headless Chromium over WebDriver), as a nurse uses it:
/// choose Arabic and the first-week checklist, see the pages, download the PDF, print it on
/// the private CUPS's virtual printer. CI requires it (HANDOUTS_REQUIRE_BROWSER=1); elsewhere
/// it is skipped without Chromium or root (the private CUPS needs root).
@Suite(.serialized) struct BrowserTests {
    static let required = ProcessInfo.processInfo.environment["HANDOUTS_REQUIRE_BROWSER"] == "1"
    static var unavailableReason: String? { WebDriver.unavailableReason ?? PrivateCUPS.unavailableReason }

    @Test(.enabled(if: unavailableReason == nil || required, "needs chromium, chromium-driver, root and CUPS (cups, printer-driver-cups-pdf)"))
    func aNurseChoosesArabicSeesItDownloadsItAndPrintsIt() async throws {
        if let reason = BrowserTests.unavailableReason {
            Issue.record("the browser test is required here but cannot run: \(reason)")
            return
        }
        let cups = try PrivateCUPS()
        defer { cups.stop() }
        setenv("CUPS_SERVER", cups.socket.path, 1)
        defer { unsetenv("CUPS_SERVER") }
        let started = Date()
        let settings = try TestServer.settings(printers: [PrivateCUPS.queue])
        // What the engine makes of the same request, for the page count and the bytes.
        let request = RenderRequest(handout: "first-week", language: "ar", date: TestServer.date)
        let reference = try await BrowserTests.reference(request, settings: settings)

        try await TestServer.with(settings, .live) { client in
            let port = try #require(client.port)
            let browser = try WebDriver()
            defer { browser.stop() }
            try browser.open("http://127.0.0.1:\(port)/")
            BrowserTests.step("the page")
            try browser.click("input[name=handout][value=first-week]")
            try browser.click("#lang option[value=ar]")
            try browser.click("#show")
            BrowserTests.step("the handout chosen")
            try browser.wait(until: "return document.querySelector('#preview-title') !== null")
            #expect(try browser.find("#draft").isEmpty == false)

            // Every page's preview image has loaded.
            try browser.wait(until: """
                const pages = Array.from(document.querySelectorAll('img.page'));
                return pages.length === \(reference.pages) && pages.every(p => p.complete && p.naturalWidth > 0);
                """)
            let widths = try browser.execute("return Array.from(document.querySelectorAll('img.page')).map(p => p.naturalWidth)") as? [Int]
            #expect(widths?.count == reference.pages && widths?.allSatisfy { $0 > 0 } == true, "\(String(describing: widths))")

            // The download link's file: the engine's PDF, tagged, in Arabic.
            let link = try #require(try browser.attribute("href", of: "#download"))
            let path = link.hasPrefix("http") ? String(link.drop(while: { $0 != "/" }).dropFirst(2).drop(while: { $0 != "/" })) : link
            let download = try TinyHTTP(port: port).get(path)
            BrowserTests.step("the PDF downloaded")
            #expect(download.status == 200)
            #expect(download.headers["content-disposition"] == "attachment; filename=\"first-week-ar-a4.pdf\"")
            #expect(download.body == reference.pdf)
            let file = try TestServer.temporaryFolder().appendingPathComponent("first-week-ar-a4.pdf")
            try download.body.write(to: file)
            let info = try Run.tool("pdfinfo", [file.path]).stdout
            #expect(info.contains("Pages:") && info.contains(" \(reference.pages)\n"), "\(info)")
            #expect(info.split(separator: "\n").contains { $0.hasPrefix("Tagged:") && $0.hasSuffix(" yes") }, "\(info)")
            let text = try Run.tool("pdftotext", [file.path, "-"]).stdout
            let arabicLetters = text.unicodeScalars.filter { (0x0621...0x064A).contains($0.value) }.count
            #expect(arabicLetters > 500, "only \(arabicLetters) Arabic letters in the PDF's text")

            // Print two copies on the ward printer: the page answers with the CUPS job.
            try browser.type("2", into: "#copies")
            try browser.click("#print")
            BrowserTests.step("the print form sent")
            try browser.wait(until: "return document.querySelector('#print-result') !== null || document.querySelector('#error') !== null")
            let answer: String
            if let done = try? browser.text(of: "#print-result", seconds: 0) { answer = done } else { answer = try browser.text(of: "#error") }
            BrowserTests.step("the page answered: \(answer)")
            #expect(answer.contains("Sent 2 copies of first-week-ar-a4 to \(PrivateCUPS.queue): CUPS job \(PrivateCUPS.queue)-"), "\(answer)")
        }
        try cups.waitForJobs()
        BrowserTests.step("the job printed")
        let printed = try FileManager.default.contentsOfDirectory(at: PrivateCUPS.outputFolder, includingPropertiesForKeys: [.contentModificationDateKey])
            .filter { $0.lastPathComponent.hasPrefix("first-week-ar-a4") && $0.pathExtension == "pdf" }
            .filter { ((try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast) >= started.addingTimeInterval(-1) }
        let job = try #require(printed.first, "no PDF from the virtual printer in \(PrivateCUPS.outputFolder.path)")
        defer { for file in printed { try? FileManager.default.removeItem(at: file) } }
        // cups-pdf re-renders through Ghostscript: a PDF with the handout's pages (each
        // copy, or the pages once with the copy count left to the printer).
        let pages = try Run.tool("pdfinfo", [job.path]).stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        #expect(pages == reference.pages || pages == 2 * reference.pages, "the printed job has \(pages) pages")
    }

    /// Where the test is, on standard error: a hang in CI then says where it stopped.
    static func step(_ name: String) {
        FileHandle.standardError.write(Data("BrowserTests: \(name)\n".utf8))
    }

    /// The engine's own render of `request`, in a helper process as the server's are.
    static func reference(_ request: RenderRequest, settings: ServerSettings) async throws -> RenderResult {
        let pool = WorkerPool(executable: settings.helper, arguments: settings.helperArguments, count: 1)
        do {
            let result = try await pool.render(request)
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }
}

/// What PrivateCUPS (the print test's, shared by a link to its file) runs programs with.
enum Command {
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try Run.program(executable, arguments, environment: environment)
    }
}
