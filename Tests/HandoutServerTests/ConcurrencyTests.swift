import Foundation
import HandoutModel
@testable import HandoutServer
import HummingbirdTesting
import Testing

/// Twenty requests at once, each for another language: each answer is whole and the same
/// bytes as `handouts render` makes with the same options and date (and where the command
/// line cannot make one, say a translation too long for its pages, the same refusal).
@Suite struct ServerConcurrencyTests {
    @Test func twentyLanguagesAtOnceAreTheCommandLinesPDFs() async throws {
        let project = try Project(root: TestServer.root)
        let languages = Array(project.languages.prefix(20))
        #expect(languages.count == 20, "the project ships \(project.languages.count) languages")
        let folder = try TestServer.temporaryFolder()
        let cli = try Run.program(TestServer.handouts, ["render", "first-week", "--lang", "all", "--out-dir", folder.path],
                                  environment: ["SOURCE_DATE_EPOCH": String(TestServer.date)])
        // 0, or 1 when some languages failed (their errors are on stderr).
        #expect(cli.status == 0 || cli.status == 1, "\(cli.stderr)")

        try await TestServer.with(TestServer.settings()) { client in
            let answers = try await withThrowingTaskGroup(of: (String, TestResponse).self) { group in
                for language in languages {
                    group.addTask { (language, try await client.execute(uri: "/handouts/first-week.pdf?lang=\(language)", method: .get)) }
                }
                var all: [(String, TestResponse)] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            #expect(answers.count == languages.count)
            for (language, response) in answers {
                let stem = "first-week-\(language)-a4"
                guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(stem + ".pdf").path) else {
                    let json = try #require(try JSONSerialization.jsonObject(with: response.data) as? [String: Any])
                    let message = try #require(json["error"] as? String)
                    #expect(cli.stderr.contains("error: \(stem): \(message)\n"), "\(language): \(message)")
                    #expect(response.status == .unprocessableContent)
                    continue
                }
                #expect(response.status == .ok, "\(language): \(response.text.prefix(200))")
                let name = try #require(response.headers[.contentDisposition]?.split(separator: "\"").dropFirst().first.map(String.init))
                let expected = try Data(contentsOf: folder.appendingPathComponent(name))
                #expect(response.data == expected, "\(name) differs from the command line's (\(response.data.count) against \(expected.count) bytes)")
            }
        }
    }
}
