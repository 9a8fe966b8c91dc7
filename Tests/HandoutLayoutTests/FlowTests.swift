import Foundation
import Testing
import HandoutLayout
@testable import HandoutModel

/// Geometry of the layout stage with a fixed-advance measurer: no fonts, no C.
@Suite struct FlowTests {
    let layouter = DocumentLayouter(measurer: FixedAdvanceMeasurer())

    @Test func blocksStayInTheBodyAndNeverOverlap() throws {
        let document = try Fixture.document(
            blocks: Fixture.paragraph("a", words: 40) + Fixture.bullets("b", count: 4) + Fixture.bullets("c", count: 3)
                + Fixture.paragraph("d", words: 30),
            pages: """
              - - a
                - columns:
                    - [b]
                    - [c]
                - {block: d, component: alert}
            """)
        let laidOut = try layouter.layout(document)
        #expect(laidOut.pages.count == 1)
        let page = laidOut.pages[0]
        let order = page.placedBlocks.sorted { ($0.rect.minY, $0.rect.minX) < ($1.rect.minY, $1.rect.minX) }.map(\.id)
        #expect(order == ["a", "b", "c", "d"])
        for (index, block) in page.placedBlocks.enumerated() {
            #expect(page.bodyArea.contains(block.rect), "\(block.id) leaves the body")
            for other in page.placedBlocks[(index + 1)...] {
                #expect(!block.rect.overlaps(other.rect), "\(block.id) overlaps \(other.id)")
            }
        }
        for frame in page.textFrames {
            #expect(page.contentArea.contains(Frame.text(frame.text, origin: frame.origin, color: .black).bounds))
        }
        #expect(page.tagsAreBalanced)
    }

    @Test func columnsSitSideBySide() throws {
        let document = try Fixture.document(
            blocks: Fixture.bullets("left", count: 2) + Fixture.bullets("right", count: 2),
            pages: "  - - columns:\n        - [left]\n        - [right]\n")
        let page = try layouter.layout(document).pages[0]
        let left = try #require(page.placedBlocks.first { $0.id == "left" }?.rect)
        let right = try #require(page.placedBlocks.first { $0.id == "right" }?.rect)
        #expect(left.maxX < right.minX)
        #expect(left.minY == right.minY)
    }

    @Test func longListsBreakBetweenItemsAndKeepTagsBalancedPerPage() throws {
        let document = try Fixture.document(blocks: Fixture.bullets("long", count: 40, words: 20), pages: "  - - long\n",
                                            maxPages: 3)
        let laidOut = try layouter.layout(document)
        #expect(laidOut.pages.count >= 2)
        for page in laidOut.pages {
            #expect(page.tagsAreBalanced)
            #expect(page.placedBlocks.allSatisfy { page.bodyArea.contains($0.rect) })
        }
    }

    @Test func aHeadingNeverEndsAPage() throws {
        // Push a heading down line by line: wherever it lands, it is never the last thing
        // on page 1 while its items are on page 2.
        var movedAtLeastOnce = false
        for lines in stride(from: 1, through: 20, by: 1) {
            // 17 words of "word " fill one 85-character line of the fixed-advance measurer;
            // two fillers because one text may hold at most 3,000 characters.
            func filler(_ id: String, _ lines: Int) -> String {
                "  \(id):\n    kind: paragraph\n    clinical: false\n    text: "
                    + Array(repeating: "word", count: 17 * lines).joined(separator: " ") + "\n"
            }
            let blocks = filler("filler1", 30) + filler("filler2", lines) + Fixture.bullets("next", heading: "Next heading", count: 3)
            let pages = "  - - filler1\n    - filler2\n    - next\n"
            guard let laidOut = try? layouter.layout(Fixture.document(blocks: blocks, pages: pages, maxPages: 2)) else { continue }
            let page1 = laidOut.pages[0].textFrames.map(\.text.text.plainText).filter { !$0.hasPrefix("Page ") && $0 != "Draft." && $0 != "Test handout" }
            #expect(page1.last != "Next heading", "heading stranded at the foot of page 1 with \(lines) lines of filler")
            if laidOut.pages.count == 2, laidOut.pages[1].textFrames.contains(where: { $0.text.text.plainText == "Next heading" }) {
                movedAtLeastOnce = true
            }
        }
        #expect(movedAtLeastOnce, "the filler never pushed the heading to page 2: adjust the test")
    }

    @Test func overflowNamesTheBlockAndHowMuch() throws {
        let document = try Fixture.document(blocks: Fixture.paragraph("short", words: 10) + Fixture.bullets("huge", count: 55, words: 30),
                                            pages: "  - - short\n    - huge\n", maxPages: 1)
        do {
            _ = try layouter.layout(document)
            Issue.record("expected an overflow")
        } catch let LayoutError.overflow(handout, _, blockID, page, excess, allowedPages, _) {
            #expect(handout == "test")
            #expect(blockID == "huge")
            // A flowing handout may take twice its designed pages before it is too long.
            #expect(page == 2)
            #expect(excess > 0)
            #expect(allowedPages == 2)
        }
    }

    @Test func textALittleTooLongTakesAnotherPageAtTheDesignedSpacing() throws {
        let document = try Fixture.document(blocks: Fixture.paragraph("short", words: 10) + Fixture.bullets("long", count: 30, words: 30),
                                            pages: "  - - short\n    - long\n", maxPages: 1)
        let laidOut = try layouter.layout(document)
        #expect(laidOut.pages.count == 2)
        #expect(laidOut.gapScale == 1 && laidOut.lineScale == 1, "no squeeze once a page is added")
    }

    @Test func fixedPagesShrinkWithinTheFloor() throws {
        // Find an amount of text that does not fit at full size but does when shrunk.
        var shrunk: (LaidOutDocument, Document)?
        for count in 6...30 {
            let document = try Fixture.document(blocks: Fixture.bullets("front", count: count, words: 14), pages: "  - - front\n",
                                                paper: .a6, scale: "card", overflow: "shrink")
            guard let laidOut = try? layouter.layout(document) else { break }
            if laidOut.scale < 1 { shrunk = (laidOut, document); break }
        }
        let (laidOut, document) = try #require(shrunk)
        #expect(laidOut.pages.count == 1)
        let floor = document.scale.bodyFloor
        #expect(laidOut.scale >= floor / document.scale[.body] - 0.0001)
        let recorder = RecordingPainter()
        try laidOut.paint(on: recorder)
        // Body text (the list items) is at or above the floor.
        let itemSizes = recorder.texts.filter { $0.text.hasPrefix("Item") || $0.text.hasPrefix("word") }.map(\.size)
        #expect(!itemSizes.isEmpty)
        #expect(itemSizes.allSatisfy { $0 >= floor - 0.001 })
    }

    @Test func fixedPagesThatCannotShrinkEnoughFail() throws {
        let document = try Fixture.document(blocks: Fixture.bullets("front", count: 30, words: 14), pages: "  - - front\n",
                                            paper: .a6, scale: "card", overflow: "shrink")
        #expect(throws: LayoutError.self) { _ = try layouter.layout(document) }
    }
}
