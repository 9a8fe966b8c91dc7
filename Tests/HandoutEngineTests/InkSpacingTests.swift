import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Lines never touch: for every language, in every handout on its first paper and in large
/// print, no glyph's ink box overlaps one on the next line of its paragraph, nor one of
/// another text on the page. Nastaliq sits at a pitch its tallest cascades would overrun, so
/// its lines are spaced by their ink: this is what proves that spacing.
@Suite struct InkSpacingTests {
    @Test(arguments: PageBreakTests.languages)
    func inkOfConsecutiveLinesNeverOverlaps(language: String) async throws {
        try await Shared.withRenderer { renderer in
            var pairs = 0
            for handout in renderer.project.handouts {
                // Milk labels have no large print: they come in the stock's size.
                let large = try renderer.project.layout(handout).largePrintProblem == nil
                for options in [RenderOptions.standard] + (large ? [RenderOptions(largePrint: true)] : []) {
                    let paper: Paper? = options.largePrint ? .a4 : nil
                    let laidOut = try renderer.layout(renderer.document(handout: handout, language: language, paper: paper,
                                                                        options: options))
                    for (pageIndex, page) in laidOut.pages.enumerated() {
                        let label = "\(language) \(handout)\(options.largePrint ? " large" : "") page \(pageIndex + 1)"
                        var inks: [(text: String, boxes: [Rect], bounds: Rect)] = []
                        for case .text(let text, let origin, _) in page.frames {
                            let boxes = text.lines.map { renderer.typesetter.faces.inkBoxes(of: $0) }
                            for index in boxes.indices.dropFirst() {
                                pairs += 1
                                if let (upper, lower) = firstOverlap(boxes[index - 1], boxes[index]) {
                                    Issue.record("\(label): lines \(index) and \(index + 1) of \"\(text.text.plainText.prefix(50))\" touch: \(upper) and \(lower)")
                                }
                            }
                            let placed = boxes.flatMap { $0 }.map { $0.offsetBy(dx: origin.x, dy: origin.y) }
                            if let bounds = union(placed) { inks.append((text.text.plainText, placed, bounds)) }
                        }
                        // Nor does a text's ink touch that of the text above or below it: a
                        // tall first line never reaches the paragraph before. (Texts side by
                        // side, a ✱ beside its item, are spaced by their indent, not checked here.)
                        for (index, ink) in inks.enumerated() {
                            for other in inks[(index + 1)...] where ink.bounds.overlaps(other.bounds, tolerance: 0.01)
                                && isStacked(ink.bounds, other.bounds) {
                                if let (a, b) = firstOverlap(ink.boxes, other.boxes) {
                                    Issue.record("\(label): \"\(ink.text.prefix(40))\" touches \"\(other.text.prefix(40))\" at \(a) and \(b)")
                                }
                            }
                        }
                    }
                }
            }
            #expect(pairs > 50, "\(language): only \(pairs) pairs of lines looked at")
        }
    }

    /// One above the other: they share most of the narrower one's width.
    private func isStacked(_ a: Rect, _ b: Rect) -> Bool {
        let shared = min(a.maxX, b.maxX) - max(a.minX, b.minX)
        return shared > 0.5 * min(a.width, b.width)
    }

    private func union(_ rects: [Rect]) -> Rect? {
        guard let first = rects.first else { return nil }
        var minX = first.minX, minY = first.minY, maxX = first.maxX, maxY = first.maxY
        for rect in rects.dropFirst() {
            minX = min(minX, rect.minX); minY = min(minY, rect.minY); maxX = max(maxX, rect.maxX); maxY = max(maxY, rect.maxY)
        }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    private func firstOverlap(_ upper: [Rect], _ lower: [Rect]) -> (Rect, Rect)? {
        for a in upper {
            for b in lower where a.overlaps(b, tolerance: 0.01) { return (a, b) }
        }
        return nil
    }
}
