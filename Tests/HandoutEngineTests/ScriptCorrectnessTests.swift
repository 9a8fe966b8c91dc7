import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Every script shaped as its readers expect, proven on the shaped output of every handout
/// in every shipped language: no character without a glyph (the typesetter refuses those,
/// so a render that succeeds proves it), no dotted circle (HarfBuzz's sign of a mark with no
/// base: broken text or a font without the script's rules), Thai and Burmese lines ending
/// only where Pango's word-break rules allow, and Urdu, Persian and Pashto right to left.
@Suite struct ScriptCorrectnessTests {
    /// Each handout on its default paper and on the smallest sheet (more, shorter lines).
    static func layouts(_ renderer: Renderer, language: String) throws -> [(label: String, document: LaidOutDocument)] {
        try renderer.project.handouts.flatMap { handout -> [(String, LaidOutDocument)] in
            let papers = try renderer.project.layout(handout).papers
            let chosen: [Paper?] = papers.contains(.a5) ? [nil, .a5] : [nil]
            return try chosen.map { paper in
                ("\(language) \(handout) \(paper?.rawValue ?? "default paper")",
                 try renderer.layout(renderer.document(handout: handout, language: language, paper: paper)))
            }
        }
    }

    static func texts(_ document: LaidOutDocument) -> [TypesetText] {
        document.pages.flatMap { page in
            page.frames.compactMap { frame -> TypesetText? in
                if case .text(let text, _, _) = frame { return text }
                return nil
            }
        }
    }

    @Test(arguments: PageBreakTests.languages)
    func noDottedCircles(language: String) async throws {
        try await Shared.withRenderer { renderer in
            var glyphs = 0
            for (label, document) in try Self.layouts(renderer, language: language) {
                for text in Self.texts(document) where !text.text.plainText.unicodeScalars.contains("\u{25CC}") {
                    for line in text.lines {
                        for run in line.runs {
                            glyphs += run.glyphs.count
                            guard let circle = renderer.typesetter.faces.dottedCircleGlyph(inFace: run.face) else { continue }
                            if run.glyphs.contains(where: { $0.index == circle }) {
                                Issue.record("\(label): a dotted circle in \"\(line.text)\" (\(run.faceName)): a mark with no base")
                            }
                        }
                    }
                }
            }
            #expect(glyphs > 1000, "\(language): only \(glyphs) glyphs looked at")
        }
    }

    /// Thai and Burmese write no spaces between words: a line may end only at a word
    /// boundary from Pango's dictionary, never inside a word (the fallback break of an
    /// over-long word).
    @Test(arguments: ["th", "my"])
    func linesBreakOnlyBetweenWords(language: String) async throws {
        try await Shared.withRenderer { renderer in
            var breaks = 0
            for (label, document) in try Self.layouts(renderer, language: language) {
                for text in Self.texts(document) where text.lines.count > 1 {
                    let paragraph = text.text.plainText
                    let allowed = LineBreakRules.allowedBreaks(in: paragraph, language: language)
                    var offset = 0
                    for (index, line) in text.lines.enumerated() {
                        if index > 0 {
                            breaks += 1
                            #expect(allowed.contains(offset),
                                    "\(label): line \(index + 1) of \"\(paragraph.prefix(40))\" starts inside a word: \"\(line.text.prefix(12))\"")
                        }
                        offset += line.text.unicodeScalars.count
                    }
                    #expect(offset == paragraph.unicodeScalars.count, "\(label): the lines do not add up to the paragraph")
                }
            }
            #expect(breaks > 30, "\(language): only \(breaks) line breaks looked at")
        }
    }

    /// The rules themselves: a Thai sentence with no spaces has word boundaries inside it
    /// (so the test above has something to hold the typesetter to), and none inside a word.
    @Test func thaiHasWordBoundariesWithoutSpaces() {
        let text = "ให้นมลูกบ่อยๆ"   // "breastfeed often": ให้ / นม / ลูก / บ่อยๆ
        let allowed = LineBreakRules.allowedBreaks(in: text, language: "th")
        #expect(allowed.contains(3), "after ให้")
        #expect(!allowed.contains(1), "inside ให้")
        #expect(!allowed.contains(4), "inside นม")
    }

    /// Urdu, Persian and Pashto are set right to left like Arabic: every paragraph in
    /// Arabic script has right-to-left lines.
    @Test(arguments: ["ur", "fa", "ps"])
    func arabicScriptLanguagesAreRightToLeft(language: String) async throws {
        try await Shared.withRenderer { renderer in
            var paragraphs = 0
            for (label, document) in try Self.layouts(renderer, language: language) {
                for text in Self.texts(document)
                where text.text.plainText.unicodeScalars.contains(where: ScriptTests.arabicLetters.contains) {
                    paragraphs += 1
                    #expect(text.style.direction == .rtl, "\(label): \"\(text.text.plainText.prefix(30))\"")
                    for line in text.lines {
                        #expect(line.rightToLeft, "\(label): left-to-right line \"\(line.text)\"")
                    }
                }
            }
            #expect(paragraphs > 40)
        }
    }
}
