import Foundation
import HandoutProcess
import Testing

/// Hand-edited files with mistakes, and hostile ones: each costs one clear line with the
/// file, line, key and fix, the documented exit code, and no file written (an earlier good
/// PDF is kept).
@Suite(.serialized) struct HostileInputTests {
    /// A project copy with a good PDF already rendered, the file to break, and a re-render.
    struct Scene {
        let project: URL
        let out: URL
        let pdf: URL
        let good: Data

        init(_ name: String = #function) throws {
            project = try Command.projectCopy(name)
            out = project.appendingPathComponent("out")
            let first = try Command.handouts(["render", "colostrum-facts", "--root", project.path, "--out-dir", out.path])
            guard first.status == 0 else { throw TestSetupError(message: first.stderr) }
            pdf = out.appendingPathComponent("colostrum-facts-en-a4.pdf")
            good = try Data(contentsOf: pdf)
        }

        func edit(_ relative: String, _ change: (String) -> String) throws -> Int? {
            let url = project.appendingPathComponent(relative)
            let text = change(try String(contentsOf: url, encoding: .utf8))
            try text.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }

        func write(_ relative: String, bytes: Data) throws {
            try bytes.write(to: project.appendingPathComponent(relative))
        }

        func render(_ extra: [String] = [], handout: String = "colostrum-facts") throws -> Command.Result {
            try Command.handouts(["render", handout, "--root", project.path, "--out-dir", out.path] + extra)
        }

        /// The earlier PDF is untouched and nothing else appeared.
        func expectNothingWritten() throws {
            #expect(try Data(contentsOf: pdf) == good, "the earlier good PDF was replaced")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["colostrum-facts-en-a4.pdf"])
        }

        func line(of needle: String, in relative: String) throws -> Int {
            let text = try String(contentsOf: project.appendingPathComponent(relative), encoding: .utf8)
            return try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }) + 1
        }
    }

    func expectOneLine(_ result: Command.Result, status: Int32 = 65, contains parts: [String]) {
        #expect(result.status == status, "exit \(result.status): \(result.stderr)")
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "\(result.stderr)")
        for part in parts { #expect(result.stderr.contains(part), "missing \"\(part)\" in: \(result.stderr)") }
    }

    @Test func aListWhereTextBelongs() throws {
        let scene = try Scene()
        _ = try scene.edit("Guide/en.yaml") { $0.replacingOccurrences(of: "    heading: What is colostrum?", with: "    heading: [What, is, colostrum]") }
        let line = try scene.line(of: "heading: [What", in: "Guide/en.yaml")
        expectOneLine(try scene.render(), contains: ["Guide/en.yaml:\(line):14: blocks.colostrum.what-it-is.heading: expected text, found a list"])
        try scene.expectNothingWritten()
    }

    @Test func emptyRequiredText() throws {
        let scene = try Scene()
        _ = try scene.edit("Guide/en.yaml") { $0.replacingOccurrences(of: "  sources: Sources\n", with: "  sources: \"\"\n") }
        let line = try scene.line(of: "  sources: \"\"", in: "Guide/en.yaml")
        expectOneLine(try scene.render(), contains: ["Guide/en.yaml:\(line):12: strings.sources: text is empty — write the text, or remove the key"])
        try scene.expectNothingWritten()
    }

    @Test func aDuplicateBlockId() throws {
        let scene = try Scene()
        _ = try scene.edit("Guide/en.yaml") {
            $0.replacingOccurrences(of: "  colostrum.milk-changes:\n", with: "  colostrum.what-it-is:\n    kind: paragraph\n    text: x\n    clinical: false\n\n  colostrum.milk-changes:\n")
        }
        expectOneLine(try scene.render(), contains: ["Guide/en.yaml:", "key \"colostrum.what-it-is\" appears twice in the same mapping — keep one of them"])
        try scene.expectNothingWritten()
    }

    @Test func aLayoutNamingABlockTheGuideLacks() throws {
        let scene = try Scene()
        _ = try scene.edit("Layouts/colostrum-facts.yaml") { $0.replacingOccurrences(of: "  - - colostrum.composition\n", with: "  - - colostrum.compositon\n") }
        let line = try scene.line(of: "colostrum.compositon", in: "Layouts/colostrum-facts.yaml")
        expectOneLine(try scene.render(), contains: ["Layouts/colostrum-facts.yaml:\(line):", "has no block \"colostrum.compositon\" — did you mean \"colostrum.composition\"?"])
        try scene.expectNothingWritten()
    }

    @Test func aMisspeltSiteKeyGetsASuggestion() throws {
        let scene = try Scene()
        let site = scene.project.appendingPathComponent("site.yaml")
        try "unit: Riverside\nphnoes:\n  ward: \"1\"\n".write(to: site, atomically: true, encoding: .utf8)
        expectOneLine(try scene.render(["--site", site.path]), contains: ["\(site.path):2:1: phnoes: unknown key \"phnoes\" — did you mean \"phones\"?"])
        try scene.expectNothingWritten()
    }

    @Test func cardTextThatDoesNotFit() throws {
        let scene = try Scene()
        let extra = String(repeating: "      - text: Express often, and ask the staff on the ward to show you how, as many times as you need.\n        sources: [uclh-colostrum]\n", count: 8)
        _ = try scene.edit("Guide/en.yaml") { $0.replacingOccurrences(of: "  card.nicu:\n    kind: bullets\n    heading: Colostrum for a baby in the neonatal unit\n    items:\n",
                                                                     with: "  card.nicu:\n    kind: bullets\n    heading: Colostrum for a baby in the neonatal unit\n    items:\n" + extra) }
        let result = try scene.render(handout: "alternatives-card")
        expectOneLine(result, contains: ["alternatives-card (en) does not fit on 4 pages: block card.nicu", "past the bottom of page 1 even with body text at 9.0 pt",
                                         "shorten the text of that block"])
        try scene.expectNothingWritten()
    }

    @Test func aFiveMegabyteParagraph() throws {
        let scene = try Scene()
        _ = try scene.edit("Guide/en.yaml") { $0 + "# " + String(repeating: "x", count: 5 * 1024 * 1024) + "\n" }
        expectOneLine(try scene.render(), contains: ["Guide/en.yaml: file is", "larger than the 2 MB limit"])
        try scene.expectNothingWritten()
    }

    @Test func tenThousandBullets() throws {
        let scene = try Scene()
        let items = String(repeating: "      - text: Feed often.\n", count: 10_000)
        _ = try scene.edit("Guide/en.yaml") { $0.replacingOccurrences(of: "  colostrum.key-messages:\n    kind: callout\n    heading: Key messages\n    items:\n",
                                                                     with: "  colostrum.key-messages:\n    kind: callout\n    heading: Key messages\n    items:\n" + items) }
        let line = try scene.line(of: "heading: Key messages", in: "Guide/en.yaml") + 2
        // 10,000 added to the guide's own few.
        expectOneLine(try scene.render(), contains: ["Guide/en.yaml:\(line):7: blocks.colostrum.key-messages.items: list has 100",
                                                     " items, more than the limit of 60 — split it into shorter lists"])
        try scene.expectNothingWritten()
    }

    @Test func anAliasBomb() throws {
        let scene = try Scene()
        var bomb = "unit: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...8 {
            let previous = String(UnicodeScalar(UInt8(96 + level))), name = String(UnicodeScalar(UInt8(97 + level)))
            bomb += "k\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let site = scene.project.appendingPathComponent("site.yaml")
        try bomb.write(to: site, atomically: true, encoding: .utf8)
        expectOneLine(try scene.render(["--site", site.path]), contains: ["\(site.path):1:7: YAML anchors and aliases (&name, *name) are not allowed"])
        try scene.expectNothingWritten()
    }

    @Test func invalidUTF8() throws {
        let scene = try Scene()
        let line = try scene.line(of: "  sources: Sources", in: "Guide/en.yaml")
        var bytes = try Data(contentsOf: scene.project.appendingPathComponent("Guide/en.yaml"))
        let marker = Data("  sources: Sources".utf8)
        let range = try #require(bytes.range(of: marker))
        bytes.replaceSubrange(range, with: Data("  sources: Sour".utf8) + Data([0xC3, 0x28]) + Data("es".utf8))
        try scene.write("Guide/en.yaml", bytes: bytes)
        expectOneLine(try scene.render(), contains: ["Guide/en.yaml:\(line):16: the file is not valid UTF-8 text — save it as UTF-8 in your editor"])
        try scene.expectNothingWritten()
    }

    @Test func aNulByteAndOtherControlCharacters() throws {
        for (character, code) in [("\u{0}", "U+0000"), ("\u{1B}", "U+001B")] {
            let scene = try Scene("control\(code)")
            _ = try scene.edit("Guide/en.yaml") { $0.replacingOccurrences(of: "  page: \"Page", with: "  page: \"Pa\(character)ge") }
            let line = try scene.line(of: "  page: \"Pa", in: "Guide/en.yaml")
            expectOneLine(try scene.render(), contains: ["Guide/en.yaml:\(line):12: control character \(code) is not allowed"])
            try scene.expectNothingWritten()
        }
    }

    @Test func bidiOverridesInTheUnitNameOrAPhoneNumber() throws {
        for (field, value) in [("unit", "Riverside\u{202E}tinU"), ("phones:\n  ward", "020\u{2066}7946")] {
            let scene = try Scene("bidi\(field.count)")
            let site = scene.project.appendingPathComponent("site.yaml")
            try "\(field.hasPrefix("unit") ? "" : "unit: Riverside\n")\(field): \"\(value)\"\n".write(to: site, atomically: true, encoding: .utf8)
            let result = try scene.render(["--site", site.path])
            expectOneLine(result, contains: ["\(site.path):", "invisible direction control U+", "is not allowed"])
            try scene.expectNothingWritten()
        }
    }

    /// A full disk: a tmpfs of 8 KB, smaller than the 27 KB checklist (needs root to mount;
    /// skipped where mounting is refused).
    @Test func aFullDiskIsOneLineAndLeavesNothing() throws {
        let folder = try Command.temporaryFolder()
        let mount = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", folder.path])
        guard mount.status == 0 else { return }
        defer { _ = try? Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["umount", folder.path]) }
        let result = try Command.handouts(["render", "first-week", "--out-dir", folder.path])
        expectOneLine(result, status: 74, contains: ["cannot write \(folder.path)/first-week-en-a4.pdf: the disk is full — free some space and run again"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "a partial file was left on the full disk")
    }

    /// Killed with SIGKILL in the middle of a big batch: every PDF under a final name is
    /// whole (qpdf --check), and the next run clears the temporary files.
    @Test func killedHalfwayLeavesNoPartialPDF() throws {
        let out = try Command.temporaryFolder()
        let process = try ChildProcess(executable: Command.handouts.path,
                                       arguments: ["render", "--all", "--lang", "all", "--out-dir", out.path],
                                       directory: Command.root.path, output: .null, error: .null)
        // Wait until some files exist, then kill it while it is writing others.
        for _ in 0..<200 {
            let count = (try? FileManager.default.contentsOfDirectory(atPath: out.path).count) ?? 0
            if count >= 10 { break }
            usleep(10_000)
        }
        process.send(SIGKILL)
        process.wait()
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let pdfs = names.filter { $0.hasSuffix(".pdf") }
        #expect(!pdfs.isEmpty)
        #expect(pdfs.count < 80, "the batch finished before it could be killed")
        for name in pdfs {
            #expect(!name.hasPrefix("."))
            let check = try Command.tool("qpdf", ["--check", out.appendingPathComponent(name).path])
            #expect(check.status == 0, "\(name) is not a whole PDF")
        }
        // The next run removes what the killed one left behind and writes everything.
        let again = try Command.handouts(["render", "colostrum-facts", "--out-dir", out.path])
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).allSatisfy { !$0.hasSuffix(".partial") })
    }
}
