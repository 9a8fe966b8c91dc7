import Foundation
import Testing
import HandoutLayout
@testable import HandoutModel

/// Right-to-left pages are the left-to-right layout mirrored: markers and tick boxes move
/// to the right of their text, the first column of a table to the right edge.
@Suite struct MirrorTests {
    let layouter = DocumentLayouter(measurer: FixedAdvanceMeasurer())

    func page(_ direction: TextDirection) throws -> LaidOutPage {
        let blocks = Fixture.bullets("list", count: 3) + """
              checks:
                kind: checklist
                sources: [s1]
                items:
                  - text: tick one
                  - text: tick two
              tracker:
                kind: tracker
                sources: [s1]
                tracker:
                  day_heading: Day
                  columns:
                    - {id: feeds, label: Feeds, boxes: 8}
                  rows:
                    - {label: Day 1, targets: {feeds: "8"}}

            """
        let document = try Fixture.document(blocks: blocks, pages: "  - - list\n    - checks\n    - tracker\n", direction: direction)
        return try layouter.layout(document).pages[0]
    }

    @Test func everyFrameIsMirroredAboutThePageCentre() throws {
        let ltr = try page(.ltr), rtl = try page(.rtl)
        #expect(ltr.frames.count == rtl.frames.count)
        let width = ltr.size.width
        for (left, right) in zip(ltr.frames, rtl.frames) {
            let a = left.bounds, b = right.bounds
            #expect(abs(a.minY - b.minY) < 0.01)
            #expect(abs((width - a.maxX) - b.minX) < 0.01 || {
                // Text is aligned to the other side inside its mirrored box; compare boxes.
                if case let .text(t1, o1, _) = left, case let .text(t2, o2, _) = right {
                    return abs((width - o1.x - t1.boxWidth) - o2.x) < 0.01 && t1.boxWidth == t2.boxWidth
                }
                return false
            }())
        }
    }

    @Test func bulletsAndTickBoxesSitRightOfTheirText() throws {
        let rtl = try page(.rtl)
        let texts = rtl.textFrames.map { Frame.text($0.text, origin: $0.origin, color: .black).bounds }
        let discs = rtl.frames.compactMap { frame -> Rect? in if case .disc = frame { return frame.bounds }; return nil }
        let boxes = rtl.frames.compactMap { frame -> Rect? in
            if case let .rect(rect, fill, _, _) = frame, fill == .white { return rect }
            return nil
        }
        #expect(discs.count == 3)
        #expect(boxes.count == 2 + 8)
        for marker in discs + boxes.prefix(2) {
            // The text on the marker's line lies wholly to its left.
            let line = texts.filter { $0.minY <= marker.midY && marker.midY <= $0.maxY && $0.width > 20 }
            #expect(!line.isEmpty)
            #expect(line.allSatisfy { $0.maxX <= marker.minX + 0.01 })
        }
    }
}

extension Rect { var midY: Double { y + height / 2 } }
