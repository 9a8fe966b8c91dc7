import CPangoCairo
import Foundation
import HandoutLayout
import HandoutModel

/// A paragraph shaped and broken by Pango. Keeps its `PangoLayout` so the painter draws the
/// very glyphs that were measured: text is shaped once.
public final class PangoText: TypesetText, @unchecked Sendable {
    let layout: OpaquePointer
    public let text: RichText
    public let style: TextStyle
    public let boxWidth: Double
    public private(set) var lines: [TypesetLine] = []
    public private(set) var height: Double = 0

    init(layout: OpaquePointer, text: RichText, style: TextStyle, boxWidth: Double) {
        self.layout = layout
        self.text = text
        self.style = style
        self.boxWidth = boxWidth
    }

    deinit { handouts_object_unref(UnsafeMutableRawPointer(layout)) }

    /// The same shaped and broken text at another line spacing: line breaks do not depend
    /// on it, so the Pango layout is shared and only the baselines move.
    func withLineHeight(_ lineHeight: Double, metrics: (ascent: Double, descent: Double)) -> PangoText {
        var newStyle = style
        newStyle.lineHeight = lineHeight
        handouts_object_ref(UnsafeMutableRawPointer(layout))
        let copy = PangoText(layout: layout, text: text, style: newStyle, boxWidth: boxWidth)
        copy.measureLines(metrics: metrics)
        return copy
    }

    private var pangoLayout: OpaquePointer { layout }

    /// Lines at a fixed pitch (size × line height), each baseline placed as CSS does: the
    /// font's ascent plus half the leading.
    func measureLines(metrics: (ascent: Double, descent: Double)) {
        let pitch = style.size * style.lineHeight
        let halfLeading = (pitch - metrics.ascent - metrics.descent) / 2
        let utf8 = Array(text.plainText.utf8)
        let count = Int(pango_layout_get_line_count(pangoLayout))
        var result: [TypesetLine] = []
        result.reserveCapacity(count)
        let iterator = pango_layout_get_iter(pangoLayout)
        defer { pango_layout_iter_free(iterator) }
        for index in 0..<count {
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, &ink, &logical)
            let line = pango_layout_iter_get_line_readonly(iterator)!
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            let end = min(utf8.count, start + length)
            let lineText = String(decoding: utf8[min(start, end)..<end], as: UTF8.self)
            result.append(TypesetLine(
                text: lineText.trimmingCharacters(in: CharacterSet.newlines),
                x: Double(logical.x) / Double(PANGO_SCALE),
                baseline: halfLeading + metrics.ascent + Double(index) * pitch,
                width: Double(logical.width) / Double(PANGO_SCALE),
                ascent: metrics.ascent, descent: metrics.descent,
                rightToLeft: line.pointee.resolved_dir == PANGO_DIRECTION_RTL.rawValue))
            pango_layout_iter_next_line(iterator)
        }
        lines = result
        height = Double(count) * pitch
    }

    /// Where the character at `utf8Offset` starts, in points from the left of the box (its
    /// left edge for left-to-right characters, its right edge for right-to-left ones).
    public func caretX(utf8Offset: Int) -> Double {
        var rect = PangoRectangle()
        pango_layout_index_to_pos(pangoLayout, Int32(utf8Offset), &rect)
        return Double(rect.x) / Double(PANGO_SCALE)
    }

    /// The Pango line to draw for line `index` (used by the painter through `PangoLineDrawing`).
    func pangoLine(_ index: Int) -> UnsafeMutablePointer<PangoLayoutLine>? {
        pango_layout_get_line_readonly(pangoLayout, Int32(index))
    }

    /// Characters that came out as unknown glyphs ("tofu"), in text order.
    func unknownCharacters() -> [Unicode.Scalar] {
        var found: [Unicode.Scalar] = []
        let count = Int(pango_layout_get_line_count(pangoLayout))
        for index in 0..<count {
            guard let line = pango_layout_get_line_readonly(pangoLayout, Int32(index)) else { continue }
            var run = line.pointee.runs
            while let node = run {
                if let item = node.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self), let glyphs = item.pointee.glyphs {
                    for g in 0..<Int(glyphs.pointee.num_glyphs) {
                        let glyph = glyphs.pointee.glyphs[g].glyph
                        if glyph & 0x1000_0000 != 0, glyph != 0xFFFF_FFFF,
                           let scalar = Unicode.Scalar(glyph & 0x0FFF_FFFF), !found.contains(scalar) {
                            found.append(scalar)
                        }
                    }
                }
                run = node.pointee.next
            }
        }
        return found
    }
}

extension PangoText {
    /// Draws line `index` with its left end at the Cairo context's current point. The one
    /// place typeset glyphs meet a Cairo context; the painter positions and colours them.
    func showLine(_ index: Int, on cairoContext: OpaquePointer) {
        guard let line = pangoLine(index) else { return }
        pango_cairo_show_layout_line(cairoContext, line)
    }
}
