import Foundation
import Testing

/// Bad input costs one clear line, a documented exit code, and no half-written file.
@Suite(.serialized) struct BadInputTests {
    @Test func unknownHandoutListsTheValidOnes() throws {
        let result = try Command.handouts(["render", "first-weak"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: unknown handout \"first-weak\" — did you mean \"first-week\"?\n")
    }

    @Test func unknownLanguageListsTheAvailableOnes() throws {
        let result = try Command.handouts(["render", "first-week", "--lang", "xx"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown language \"xx\""))
        #expect(result.stderr.contains("available: en"))
    }

    @Test func unknownPaperIsAUsageError() throws {
        let result = try Command.handouts(["render", "first-week", "--paper", "a3"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown paper \"a3\""))
    }

    @Test func aPaperTheHandoutIsNotMadeFor() throws {
        let result = try Command.handouts(["render", "alternatives-card", "--paper", "letter"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("not made for letter paper — use --paper a6 or 4x6"))
    }

    @Test func aTypoInTheGuideNamesFileLineAndFixAndKeepsTheOldPDF() throws {
        let project = try Command.projectCopy()
        let out = project.appendingPathComponent("out")
        #expect(try Command.handouts(["render", "colostrum-facts", "--root", project.path, "--out-dir", out.path]).status == 0)
        let pdf = out.appendingPathComponent("colostrum-facts-en-a4.pdf")
        let good = try Data(contentsOf: pdf)

        let guide = project.appendingPathComponent("Guide/en.yaml")
        var text = try String(contentsOf: guide, encoding: .utf8)
        text = text.replacingOccurrences(of: "    heading: What is colostrum?", with: "    headng: What is colostrum?")
        try text.write(to: guide, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("headng:") }! + 1

        let result = try Command.handouts(["render", "colostrum-facts", "--root", project.path, "--out-dir", out.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: colostrum-facts-en-a4: Guide/en.yaml:\(line):5: blocks.colostrum.what-it-is.headng: unknown key \"headng\" — did you mean \"heading\"?"))
        #expect(try Data(contentsOf: pdf) == good, "the earlier good PDF is kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["colostrum-facts-en-a4.pdf"])
    }

    @Test func anUnwritableFolderIsAnIOError() throws {
        let folder = try Command.temporaryFolder()
        let blocked = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocked)
        let result = try Command.handouts(["render", "colostrum-facts", "--out-dir", blocked.path])
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot create the folder"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func renderAllGoesOnPastABrokenLayout() throws {
        let project = try Command.projectCopy()
        let layout = project.appendingPathComponent("Layouts/first-week.yaml")
        try "handout: first-week\nscale: sheet\n".write(to: layout, atomically: true, encoding: .utf8)
        let out = project.appendingPathComponent("out")
        let result = try Command.handouts(["render", "--all", "--root", project.path, "--out-dir", out.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("7 written, 1 failed"))
        #expect(result.stderr.contains("Layouts/first-week.yaml:1:1: missing key \"papers\""))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["alternatives-card-en-4x6.pdf", "alternatives-card-en-a6.pdf", "colostrum-facts-en-a4.pdf",
                            "colostrum-facts-en-a5.pdf", "colostrum-facts-en-letter.pdf", "milk-labels-en-a4.pdf",
                            "milk-labels-en-letter.pdf"])
    }

    @Test func helpDocumentsExitCodes() throws {
        let result = try Command.handouts(["--help"])
        #expect(result.status == 0)
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("64 bad command line"))
        #expect(words.contains("74 a file could not be read or written"))
        #expect(result.stdout.contains("render"))
    }
}
