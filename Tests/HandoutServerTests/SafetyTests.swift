import Foundation
@testable import HandoutServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Hostile and broken requests: each a 4xx with a one-line message, never a 500, a stack or
/// a path built from input; and the server goes on answering.
@Suite struct SafetyTests {
    @Test func pathTraversalIsOnlyAnUnknownID() async throws {
        try await TestServer.with(TestServer.settings(units: TestServer.unitsFolder())) { client in
            let language = try await client.execute(uri: "/handouts/first-week.pdf?lang=../../etc/passwd", method: .get)
            #expect(language.status == .badRequest)
            #expect(language.text.contains("unknown language \\\"../../etc/passwd\\\""))

            let unit = try await client.execute(uri: "/handouts/first-week.pdf?unit=..%2F..", method: .get)
            #expect(unit.status == .badRequest)
            #expect(unit.text.contains("unknown unit \\\"../..\\\""), "\(unit.text)")

            let deeper = try await client.execute(uri: "/?handout=first-week&unit=..%2F..%2Fetc%2Fpasswd", method: .get)
            #expect(deeper.status == .badRequest)
            #expect(deeper.text.contains("unknown unit &quot;../../etc/passwd&quot;"))

            let handout = try await client.execute(uri: "/handouts/..%2F..%2Fetc%2Fpasswd.pdf", method: .get)
            #expect(handout.status == .notFound)
            #expect(!handout.text.contains("root:"))

            let country = try await client.execute(uri: "/handouts/first-week.pdf?country=../GB", method: .get)
            #expect(country.status == .badRequest)
            #expect(country.text.contains("unknown country"))

            for answer in [language, unit, deeper, handout, country] { #expect(!answer.text.contains("Fatal")) }
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    @Test func aTenKilobyteQueryIsRefused() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            let long = String(repeating: "a", count: 10 * 1024)
            let json = try await client.execute(uri: "/handouts/first-week.pdf?lang=\(long)", method: .get)
            #expect(json.status == .uriTooLong)
            #expect(json.text.contains("at most 2048 are accepted"))
            let page = try await client.execute(uri: "/?handout=first-week&x=\(long)", method: .get)
            #expect(page.status == .uriTooLong)
            // A value under the address limit but longer than any id.
            let value = try await client.execute(uri: "/handouts/first-week.pdf?lang=\(String(repeating: "b", count: 500))", method: .get)
            #expect(value.status == .badRequest)
            #expect(value.text.contains("lang= is longer than 100 characters"))
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    @Test func markupInARequestIsEscaped() async throws {
        try await TestServer.with(TestServer.settings()) { client in
            let page = try await client.execute(uri: "/?handout=first-week&lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get)
            #expect(page.status == .badRequest)
            #expect(!page.text.contains("<script"))
            #expect(page.text.contains("&lt;script&gt;"))
        }
    }

    @Test func badIDsGetTheCommandLinesMessages() async throws {
        let cases: [(uri: String, arguments: [String], status: HTTPResponse.Status)] = [
            ("/handouts/frist-week.pdf", ["frist-week"], .notFound),
            ("/handouts/first-week.pdf?lang=xx", ["first-week", "--lang", "xx"], .badRequest),
            ("/handouts/first-week.pdf?paper=b5", ["first-week", "--paper", "b5"], .badRequest),
            ("/handouts/first-week.pdf?country=ZZ", ["first-week", "--country", "ZZ"], .badRequest),
        ]
        try await TestServer.with(TestServer.settings()) { client in
            for item in cases {
                let response = try await client.execute(uri: item.uri, method: .get)
                #expect(response.status == item.status, "\(item.uri)")
                let json = try #require(try JSONSerialization.jsonObject(with: response.data) as? [String: Any])
                let message = try #require(json["error"] as? String)
                let cli = try Run.program(TestServer.handouts, ["render"] + item.arguments + ["-o", "/dev/null"])
                #expect(cli.stderr == "error: \(message)\n", "\(item.uri)")
                #expect(!message.contains("\n"))
            }
            // Caught by the engine rather than the command line's planner: the engine's message.
            let paper = try await client.execute(uri: "/handouts/alternatives-card.pdf?paper=letter", method: .get)
            #expect(paper.status == .badRequest)
            #expect(paper.text.contains("alternatives-card is not made for letter paper — use a6 or 4x6"))
        }
    }

    @Test func printingNeedsTheTokenAndAnAllowedPrinter() async throws {
        try await TestServer.with(TestServer.settings(printers: ["Ward3"])) { client in
            let page = try await client.execute(uri: "/?handout=colostrum-facts", method: .get).text
            let token = try #require(SafetyTests.token(in: page))
            func post(_ form: String) async throws -> TestResponse {
                try await client.execute(uri: "/print", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: form))
            }
            let noToken = try await post("handout=colostrum-facts&lang=en&printer=Ward3&copies=1")
            #expect(noToken.status == .forbidden)
            #expect(noToken.text.contains("did not come from this page"))

            let wrongToken = try await post("handout=colostrum-facts&lang=en&printer=Ward3&copies=1&token=\(String(token.reversed()))")
            #expect(wrongToken.status == .forbidden)

            let otherPrinter = try await post("handout=colostrum-facts&lang=en&printer=Finance&copies=1&token=\(token)")
            #expect(otherPrinter.status == .forbidden)
            #expect(otherPrinter.text.contains("printer &quot;Finance&quot; is not one this page prints on — use Ward3"))

            let tooMany = try await post("handout=colostrum-facts&lang=en&printer=Ward3&copies=1000&token=\(token)")
            #expect(tooMany.status == .badRequest)

            let huge = try await post("handout=colostrum-facts&x=" + String(repeating: "x", count: 20_000))
            #expect(huge.status == .contentTooLarge)

            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
        try await TestServer.with(TestServer.settings()) { client in
            let page = try await client.execute(uri: "/?handout=colostrum-facts", method: .get).text
            #expect(!page.contains("action=\"/print\""))
            #expect(page.contains("Printing from this page is not set up here"))
            let refused = try await client.execute(uri: "/print", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "handout=colostrum-facts"))
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("printing is not set up on this server"))
        }
    }

    @Test func aBrokenUnitProfileIsItsOwnOneLineError() async throws {
        let units = try TestServer.unitsFolder()
        try "unit: Broken Ward\nphnoes:\n  ward: 1\n".write(to: units.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try await TestServer.with(TestServer.settings(units: units)) { client in
            let response = try await client.execute(uri: "/handouts/colostrum-facts.pdf?unit=broken", method: .get)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("did you mean \\\"phones\\\"?"), "\(response.text)")
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
        }
    }

    static func token(in page: String) -> String? {
        guard let start = page.range(of: "name=\"token\" value=\"") else { return nil }
        return String(page[start.upperBound...].prefix(while: { $0 != "\"" }))
    }
}
