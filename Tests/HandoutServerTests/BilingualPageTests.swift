import Foundation
import HandoutModel
@testable import HandoutServer
import HummingbirdTesting
import Testing

/// "With English beside it, for staff" on the nurse's page: the command line's bilingual
/// edition (`--with en`), the same bytes, and the same refusals in the page's words.
@Suite struct BilingualPageTests {
    @Test func theTickBoxGivesTheCommandLinesBilingualChecklist() async throws {
        let folder = try TestServer.temporaryFolder()
        let cli = try Run.program(TestServer.handouts, ["render", "first-week", "--lang", "ar", "--with", "en", "--out-dir", folder.path],
                                  environment: ["SOURCE_DATE_EPOCH": String(TestServer.date)])
        #expect(cli.status == 0, "\(cli.stderr)")
        let expected = try Data(contentsOf: folder.appendingPathComponent("first-week-ar+en-a4.pdf"))

        try await TestServer.with(TestServer.settings()) { client in
            let page = try await client.execute(uri: "/?handout=first-week&lang=ar&with=en", method: .get)
            #expect(page.status == .ok, "\(page.text.prefix(300))")
            let html = page.text
            #expect(html.contains("name=\"with\" value=\"en\" checked"), "the tick box does not stay ticked")
            #expect(html.contains("with English for staff"))
            #expect(html.contains("download=\"first-week-ar+en-a4.pdf\""))
            #expect(html.contains("href=\"/handouts/first-week.pdf?lang=ar&amp;unit=none&amp;with=en\""))
            #expect(html.contains("src=\"/previews/first-week.png?lang=ar&amp;unit=none&amp;with=en&amp;page=1\""))

            let pdf = try await client.execute(uri: "/handouts/first-week.pdf?lang=ar&with=en", method: .get)
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentDisposition] == "attachment; filename=\"first-week-ar+en-a4.pdf\"")
            #expect(pdf.data == expected, "the page's bilingual PDF differs from the command line's")
        }
    }

    @Test func withoutTheTickBoxThePageIsOneLanguage() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            let html = try await client.execute(uri: "/?handout=first-week&lang=ar", method: .get).text
            #expect(html.contains("name=\"with\" value=\"en\">"), "the tick box is missing or ticked")
            #expect(!html.contains("with=en"))
        }
    }

    @Test func handoutsWithoutABilingualEditionAreRefusedInThePagesWords() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            for (uri, words) in [("/handouts/alternatives-card.pdf?lang=ar&with=en", "the pocket card has no room for a second language"),
                                 ("/handouts/milk-labels.pdf?lang=ar&with=en", "each label already carries its English line"),
                                 ("/handouts/first-week.pdf?lang=en&with=en", "already in the staff's language"),
                                 ("/handouts/first-week.pdf?lang=ar&with=xx", "xx")] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri): \(response.status)")
                #expect(response.text.contains(words), "\(uri): \(response.text)")
                #expect(!response.text.contains("--with"), "\(uri) speaks of a command-line flag: \(response.text)")
            }
            // The large-print card is a sheet, and takes the second language.
            let large = try await client.execute(uri: "/handouts/alternatives-card.pdf?lang=ar&with=en&variant=large", method: .get)
            #expect(large.status == .ok, "\(large.text.prefix(300))")
        }
    }
}
