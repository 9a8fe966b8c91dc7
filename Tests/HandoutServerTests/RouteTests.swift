import Foundation
import HandoutModel
@testable import HandoutServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route through Hummingbird's router test client: what it answers, with which
/// headers; no browser, no sockets.
@Suite struct RouteTests {
    @Test func thePageOffersEveryHandoutAndLanguage() async throws {
        let project = try Project(root: TestServer.root)
        try await TestServer.with(TestServer.settings()) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            for handout in project.handouts {
                #expect(html.contains("value=\"\(handout)\""), "no radio button for \(handout)")
                #expect(html.contains("/thumbnails/\(handout).png"))
            }
            #expect(html.contains("العربية — Arabic"))
            for tag in project.languages {
                let guide = try project.guide(tag)
                #expect(html.contains(HTML.escape(guide.displayName)), "no \(guide.displayName) in the menu")
                if guide.review.status == .draft && guide.isTranslation {
                    #expect(html.contains("\(HTML.escape(guide.displayName)) (draft translation)"))
                }
            }
            // The strict policy allows neither: the page works without them.
            #expect(!html.contains("<script"))
            #expect(!html.contains("style="))
            // With no country chosen, no country's emergency number is the default.
            #expect(html.contains("<option value=\"\" selected>None chosen: a line to write the emergency number in</option>"))
        }
    }

    @Test func aChosenHandoutIsShownWithItsPagesAndLinks() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            let response = try await client.execute(uri: "/?handout=first-week&lang=ar", method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("id=\"draft\""), "the Arabic draft is not marked")
            #expect(html.contains("href=\"/handouts/first-week.pdf?lang=ar&amp;unit=none\""))
            #expect(html.contains("download=\"first-week-ar-a4.pdf\""))
            #expect(html.contains("src=\"/previews/first-week.png?lang=ar&amp;unit=none&amp;page=1\""))
            #expect(html.contains("a line to write the emergency number in"))
            #expect(html.contains("<option value=\"ar\" selected"))
        }
    }

    @Test func thePDFLinkHasTypeNameETagAndCaching() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            let response = try await client.execute(uri: "/handouts/colostrum-facts.pdf?lang=es&paper=letter", method: .get)
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"colostrum-facts-es-letter.pdf\"")
            #expect(response.headers[.cacheControl] == "no-cache")
            #expect(response.data.starts(with: Data("%PDF-".utf8)))
            let etag = try #require(response.headers[.eTag])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))

            let again = try await client.execute(uri: "/handouts/colostrum-facts.pdf?lang=es&paper=letter", method: .get,
                                                 headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == etag)

            let other = try await client.execute(uri: "/handouts/colostrum-facts.pdf?lang=es&paper=letter", method: .get,
                                                 headers: [.ifNoneMatch: "\"something-else\""])
            #expect(other.status == .ok)
            #expect(other.data == response.data)
        }
    }

    @Test func variantsGetTheirOwnFileNames() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            let large = try await client.execute(uri: "/handouts/colostrum-facts.pdf?variant=large", method: .get)
            #expect(large.headers[.contentDisposition] == "attachment; filename=\"colostrum-facts-en-a4-large.pdf\"")
            let grey = try await client.execute(uri: "/handouts/colostrum-facts.pdf?variant=large-grey&country=US", method: .get)
            #expect(grey.headers[.contentDisposition] == "attachment; filename=\"colostrum-facts-en-US-letter-large-grey.pdf\"")
        }
    }

    @Test func previewsAndThumbnailsArePNG() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            for uri in ["/previews/first-week.png?lang=ja&page=2", "/thumbnails/alternatives-card.png"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri): \(response.text)")
                #expect(response.headers[.contentType] == "image/png")
                #expect(response.data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                #expect(response.headers[.eTag] != nil)
            }
            let beyond = try await client.execute(uri: "/previews/colostrum-facts.png?page=9", method: .get)
            #expect(beyond.status == .notFound)
            #expect(beyond.text.contains("page= takes 1 to"))
        }
    }

    @Test func theListAndTheHealthCheckAreJSON() async throws {
        let project = try Project(root: TestServer.root)
        try await TestServer.with(TestServer.settings(units: TestServer.unitsFolder())) { client in
            let list = try await client.execute(uri: "/handouts", method: .get)
            #expect(list.status == .ok)
            #expect(list.headers[.contentType] == "application/json; charset=utf-8")
            let json = try #require(try JSONSerialization.jsonObject(with: list.data) as? [String: Any])
            let handouts = try #require(json["handouts"] as? [[String: Any]])
            #expect(handouts.compactMap { $0["id"] as? String } == project.handouts)
            let languages = try #require(json["languages"] as? [[String: Any]])
            #expect(languages.compactMap { $0["tag"] as? String } == project.languages)
            #expect(languages.contains { $0["displayName"] as? String == "العربية — Arabic" && $0["direction"] as? String == "rtl" })
            let units = try #require(json["units"] as? [[String: Any]])
            #expect(units.compactMap { $0["id"] as? String } == ["hillside", "riverside"])

            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let status = try #require(try JSONSerialization.jsonObject(with: health.data) as? [String: Any])
            #expect(status["status"] as? String == "ok")
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            for uri in ["/", "/style.css", "/healthz", "/handouts", "/handouts/nothing.pdf", "/no/such/page", "/?handout=nothing"] {
                let response = try await client.execute(uri: uri, method: .get)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'"), "\(uri)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(!policy.contains("unsafe-inline"), "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
            }
            let css = try await client.execute(uri: "/style.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "max-age=3600")
        }
    }

    @Test func aUnitsProfileIsOnItsHandouts() async throws {
        let units = try TestServer.unitsFolder()
        try await TestServer.with(TestServer.settings(units: units)) { client in
            let response = try await client.execute(uri: "/handouts/colostrum-facts.pdf?unit=riverside", method: .get)
            #expect(response.status == .ok)
            // GB from the profile: the country's paper and wording; the file says the country.
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"colostrum-facts-en-GB-a4.pdf\"")
            let file = try TestServer.temporaryFolder().appendingPathComponent("riverside.pdf")
            try response.data.write(to: file)
            #expect(try Run.tool("pdftotext", [file.path, "-"]).stdout.contains("Riverside Maternity Unit"))

            let page = try await client.execute(uri: "/?handout=colostrum-facts&unit=riverside", method: .get)
            #expect(page.text.contains("The unit&#39;s country: United Kingdom (GB)"))
        }
    }
}
