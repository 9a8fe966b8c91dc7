import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Large print, grayscale and the n-up card, read back from the recording painter.
@Suite struct VariantTests {
    static let site = try! SiteLoader.load(Shared.root.appendingPathComponent("docs/site.example.yaml"),
                                          displayName: "docs/site.example.yaml")

    /// Large print: no text under 16 pt anywhere, footer and sources included.
    @Test(arguments: ["en", "ar", "ja"])
    func largePrintHasNoTextUnderSixteenPoints(language: String) async throws {
        try await Shared.withRenderer { renderer in
            // Milk labels come in the stock's size and have no large print (refused, below).
            for handout in try Shared.largePrintHandouts(renderer) {
                let laidOut = try renderer.layout(renderer.document(handout: handout, language: language, paper: .a4,
                                                                    site: VariantTests.site, options: RenderOptions(largePrint: true)))
                let recorder = RecordingPainter()
                try laidOut.paint(on: recorder)
                #expect(recorder.texts.count > 20)
                for text in recorder.texts where text.size < 16 {
                    Issue.record("\(language) \(handout): \"\(text.text)\" at \(text.size) pt in large print")
                }
                #expect(laidOut.pages.count > 1, "large print takes more pages")
            }
        }
    }

    /// Grayscale: every fill, stroke and text colour is a grey (the logo is checked on
    /// pixels end to end).
    @Test func grayscaleUsesOnlyGreys() async throws {
        try await Shared.withRenderer { renderer in
            for handout in renderer.project.handouts {
                let laidOut = try renderer.layout(renderer.document(handout: handout, language: "en", paper: nil, site: VariantTests.site,
                                                                    options: RenderOptions(grayscale: true)))
                let recorder = RecordingPainter()
                try laidOut.paint(on: recorder)
                for color in recorder.colors {
                    let rgb = try #require(RGB(hex: color))
                    #expect(rgb.isGrey, "\(handout): colour \(color) in grayscale")
                }
            }
        }
    }

    /// The grayscale theme's text reads at 7:1 or better; the colour theme's at 4.5:1.
    @Test func themeContrast() async throws {
        try await Shared.withRenderer { renderer in
            let grey = try renderer.theme.grayscaleColors, colour = try renderer.theme.colors
            for key in [ColorRole.text, .muted, .accent, .urgent] {
                #expect(grey[key].contrast(with: .white) >= 7, "grayscale \(key)")
                #expect(colour[key].contrast(with: .white) >= 4.5, "\(key)")
            }
            #expect(grey[.onAccent].contrast(with: grey[.accent]) >= 7)
            #expect(grey[.text].contrast(with: grey[.boxFill]) >= 7)
            #expect(grey[.text].contrast(with: grey[.alertFill]) >= 7)
        }
    }

    /// The urgent items keep their ✱ marker and bold text in grayscale: meaning never rests
    /// on colour alone.
    @Test func urgentItemsAreMarkedWithoutColour() async throws {
        try await Shared.withRenderer { renderer in
            let laidOut = try renderer.layout(renderer.document(handout: "first-week", language: "en", paper: .a4,
                                                                options: RenderOptions(grayscale: true)))
            let recorder = RecordingPainter()
            try laidOut.paint(on: recorder)
            let markers = recorder.texts.filter { $0.text == "✱" }
            #expect(markers.count >= 3)
            #expect(recorder.texts.contains { $0.text.contains("in the first 24 hours") && $0.bold })
        }
    }

    /// Four cards to an A4 sheet: cells inside the sheet, crop marks outside every card,
    /// and each back exactly behind its front for long-edge duplex.
    @Test func fourUpBacksSitBehindTheirFronts() async throws {
        try await Shared.withRenderer { renderer in
            let imposition = Imposition(sheet: Paper.a4.size, cards: 4)
            let sheet = try renderer.imposedCard(handout: "alternatives-card", language: "en", paper: .a6, site: VariantTests.site,
                                                 imposition: imposition)
            #expect(sheet.pages.count == 2)
            func cards(_ page: LaidOutPage) -> [(Int, Rect)] {
                page.placedBlocks.filter { $0.id.hasPrefix("card ") }.map { (Int($0.id.dropFirst(5))!, $0.rect) }
            }
            let fronts = cards(sheet.pages[0]), backs = cards(sheet.pages[1])
            #expect(fronts.count == 4 && backs.count == 4)
            let width = sheet.pages[0].size.width
            for (number, front) in fronts {
                let back = try #require(backs.first { $0.0 == number }?.1)
                // Long-edge flip mirrors left and right: the back's mirror image is the front.
                #expect(abs(back.mirrored(pageWidth: width).minX - front.minX) < 0.01 && abs(back.minY - front.minY) < 0.01,
                        "card \(number): front \(front), back \(back)")
                #expect(Rect(x: 0, y: 0, width: width, height: sheet.pages[0].size.height).contains(front))
            }
            // Crop marks lie outside every card.
            let marks = sheet.pages[0].frames.compactMap { frame -> Rect? in
                if case .line(_, _, let color, let lineWidth) = frame, color == .black, lineWidth < 0.3 { return frame.bounds }
                return nil
            }
            #expect(marks.count >= 12)
            for mark in marks { #expect(fronts.allSatisfy { !$0.1.overlaps(mark) }, "crop mark on a card at \(mark)") }
            // The card was laid out again at the cell's size, not scaled: body stays at the floor or above.
            let recorder = RecordingPainter()
            try sheet.paint(on: recorder)
            #expect(recorder.texts.filter { !$0.bold }.map(\.size).min()! >= 8.5 * 7 / 9.5 - 0.01)
        }
    }
}
