import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Layout with the real fonts (Pango): for every handout and paper, no text leaves its box
/// or the page margins, and no two blocks or texts overlap.
@Suite struct RealFontGeometryTests {
    @Test(arguments: ["en", "ar", "es", "hi", "ja", "ko", "pl", "pt", "vi", "zh-Hans"])
    func everyHandoutOnEveryPaperStaysInsideAndApart(language: String) async throws {
        try await Shared.withRenderer { renderer in
            let items = try Shared.allEnglishDocuments(renderer)
            #expect(items.count == 10)
            for (handout, paper) in items {
                let laidOut = try renderer.layout(renderer.document(handout: handout, language: language, paper: paper))
                let label = "\(language) \(handout) \(paper.rawValue)"
                // English fits the pages the layout was designed for; a longer translation
                // may take more, up to twice as many.
                let designed = try renderer.project.layout(handout).maxPages(on: paper)
                let allowed = language == "en" ? designed : designed * 2
                #expect(laidOut.pages.count <= allowed, "\(label): \(laidOut.pages.count) pages")
                for (index, page) in laidOut.pages.enumerated() {
                    check(page, label: "\(label) page \(index + 1)")
                }
            }
        }
    }

    private func check(_ page: LaidOutPage, label: String) {
        var inks: [Rect] = []
        for frame in page.frames {
            guard case let .text(text, origin, _) = frame else { continue }
            for line in text.lines {
                #expect(line.x >= -0.5 && line.x + line.width <= text.boxWidth + 0.5,
                        "\(label): \"\(line.text)\" is wider than its box (\(line.width) > \(text.boxWidth))")
            }
            let ink = frame.bounds
            #expect(page.contentArea.contains(ink, tolerance: 0.5), "\(label): \"\(text.text.plainText.prefix(40))\" leaves the margins at \(ink)")
            inks.append(ink)
        }
        for (index, ink) in inks.enumerated() {
            for other in inks[(index + 1)...] {
                #expect(!ink.overlaps(other, tolerance: 0.5), "\(label): texts overlap at \(ink) and \(other)")
            }
        }
        for (index, block) in page.placedBlocks.enumerated() {
            #expect(page.bodyArea.contains(block.rect, tolerance: 0.5), "\(label): block \(block.id) leaves the body")
            for other in page.placedBlocks[(index + 1)...] {
                #expect(!block.rect.overlaps(other.rect), "\(label): \(block.id) overlaps \(other.id)")
            }
        }
    }

    @Test(arguments: ["en", "ar", "es", "hi", "ja", "ko", "pl", "pt", "vi", "zh-Hans"])
    func sheetsKeepBodyTextAtTwelvePointsAndTheCardAtNine(language: String) async throws {
        try await Shared.withRenderer { renderer in
            for (handout, paper) in try Shared.allEnglishDocuments(renderer) {
                let laidOut = try renderer.layout(renderer.document(handout: handout, language: language, paper: paper))
                let recorder = RecordingPainter()
                try laidOut.paint(on: recorder)
                // A milk label's field names may shrink to the label scale's floor to fit the
                // stock; its lines to write on stay 7 mm high whatever the type (LabelSheetTests).
                let minimum = ["alternatives-card": 9.0, "milk-labels": 6.5][handout] ?? 12.0
                // Body text is every text except the footer and sources lines (small by design);
                // on a label sheet, the English for staff under each field and the notes in the
                // sheet's margins, for the print room.
                let small = laidOut.document.scale[.small] * laidOut.scale
                let body = recorder.texts.filter { text in
                    abs(text.size - small) > 0.01 && !(laidOut.document.label != nil && text.size <= laidOut.document.scale[.small] + 0.01)
                }
                #expect(!body.isEmpty)
                for text in body where text.size < minimum - 0.01 {
                    Issue.record("\(language) \(handout) \(paper.rawValue): \"\(text.text)\" at \(text.size) pt")
                }
            }
        }
    }
}
