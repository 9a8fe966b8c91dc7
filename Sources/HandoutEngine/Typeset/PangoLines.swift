import CPangoCairo
import HandoutLayout
import HandoutModel

/// Reads a broken Pango layout into plain values: per line its box, and per run its font,
/// glyphs, positions and character clusters, computed exactly as Pango's Cairo renderer
/// computes them when it draws (pangocairo-render.c, pango-renderer.c), so that drawing the
/// values gives the same PDF as letting Pango draw.
enum PangoLines {
    static let emptyGlyph: UInt32 = 0x0FFF_FFFF
    static let unknownFlag: UInt32 = 0x1000_0000

    static func read(_ layout: OpaquePointer, text: String, style: TextStyle, metrics: (ascent: Double, descent: Double),
                     faces: FontRegistry, boxWidth: Double) -> (lines: [TypesetLine], height: Double) {
        let utf8 = Array(text.utf8)
        let layoutText = pango_layout_get_text(layout)!
        let count = Int(pango_layout_get_line_count(layout))
        // Skylines in strips of a quarter em: fine enough to find the gaps between words.
        let measuresInk = style.inkClearance > 0
        var read: [(text: String, x: Double, width: Double, rightToLeft: Bool, runs: [GlyphRun], ink: InkProfile?)] = []
        read.reserveCapacity(count)
        let iterator = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        for _ in 0..<count {
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, &ink, &logical)
            let line = pango_layout_iter_get_line_readonly(iterator)!
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            let end = min(utf8.count, start + length)
            let lineText = String(decoding: utf8[min(start, end)..<end], as: UTF8.self)
            let x = Double(logical.x) / Double(PANGO_SCALE)
            var profile = measuresInk ? InkProfile(width: boxWidth, stripWidth: style.size / 4) : nil
            read.append((withoutEndNewlines(lineText), x, Double(logical.width) / Double(PANGO_SCALE),
                         line.pointee.resolved_dir == PANGO_DIRECTION_RTL.rawValue,
                         runs(of: line, text: layoutText, faces: faces, lineX: x, ink: &profile), profile))
            pango_layout_iter_next_line(iterator)
        }
        let spacing = LineSpacing.baselines(count: count, profiles: read.map(\.ink), style: style, metrics: metrics)
        let lines = read.enumerated().map { index, line in
            TypesetLine(text: line.text, x: line.x, baseline: spacing.baselines[index], width: line.width,
                        ascent: metrics.ascent, descent: metrics.descent, rightToLeft: line.rightToLeft, runs: line.runs, ink: line.ink)
        }
        return (lines, spacing.height)
    }

    /// A line's text without the line breaks Pango leaves at its ends (those of
    /// CharacterSet.newlines: LF, VT, FF, CR, NEL, LS, PS). Foundation's trimmingCharacters
    /// cost 2% of a batch here, for the one or two characters it ever removes.
    static func withoutEndNewlines(_ text: String) -> String {
        func isNewline(_ scalar: Unicode.Scalar) -> Bool {
            (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isNewline(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isNewline(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return start == scalars.startIndex && end == scalars.endIndex ? text : String(scalars[start..<end])
    }

    /// The runs of one line, left to right, as `pango_renderer_draw_layout_line` walks them.
    /// With `ink`, each drawn glyph's ink box is added to the line's skyline (`lineX` places
    /// the line in its box).
    private static func runs(of line: UnsafeMutablePointer<PangoLayoutLine>, text: UnsafePointer<CChar>,
                             faces: FontRegistry, lineX: Double, ink: inout InkProfile?) -> [GlyphRun] {
        var runs: [GlyphRun] = []
        var xOff: Int32 = 0
        var node = line.pointee.runs
        while let current = node {
            node = current.pointee.next
            guard let item = current.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self),
                  let glyphs = item.pointee.glyphs, let pangoItem = item.pointee.item,
                  let font = pangoItem.pointee.analysis.font else { continue }
            let width = pango_glyph_string_get_width(glyphs)
            xOff += item.pointee.start_x_offset
            let face = faces.id(of: font)
            var drawn: [GlyphRun.Glyph] = []
            var position: Int32 = 0
            for index in 0..<Int(glyphs.pointee.num_glyphs) {
                let info = glyphs.pointee.glyphs[index]
                let glyph = info.glyph
                if glyph != emptyGlyph && glyph & unknownFlag == 0 {
                    if ink != nil {
                        var box = PangoRectangle()
                        pango_font_get_glyph_extents(font, glyph, &box, nil)
                        let scale = Double(PANGO_SCALE)
                        let left = lineX + Double(xOff + position + info.geometry.x_offset + box.x) / scale
                        let top = Double(info.geometry.y_offset - item.pointee.y_offset + box.y) / scale
                        ink!.add(minX: left, maxX: left + Double(box.width) / scale, top: -top, bottom: top + Double(box.height) / scale)
                    }
                    drawn.append(GlyphRun.Glyph(index: glyph, x: position + info.geometry.x_offset, y: info.geometry.y_offset,
                                                advance: info.geometry.width,
                                                textOffset: pangoItem.pointee.offset + glyphs.pointee.log_clusters[index]))
                }
                position += info.geometry.width
            }
            let offset = Int(pangoItem.pointee.offset), length = Int(pangoItem.pointee.length)
            let bytes = UnsafeRawPointer(text + offset).assumingMemoryBound(to: UInt8.self)
            runs.append(GlyphRun(face: face, faceName: faces.name(of: face), x: xOff,
                                 glyphs: drawn, utf8: Array(UnsafeBufferPointer(start: bytes, count: length)),
                                 clusters: clusters(item, text: text), backward: pangoItem.pointee.analysis.level & 1 != 0,
                                 y: -item.pointee.y_offset))
            xOff += width + item.pointee.end_x_offset
        }
        return runs
    }

    /// Character clusters of a run, counting only the glyphs that are drawn (as
    /// `pango_cairo_renderer_draw_glyph_item` does), so a PDF reader maps glyphs to text.
    private static func clusters(_ item: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>) -> [GlyphRun.Cluster] {
        var clusters: [GlyphRun.Cluster] = []
        var iter = PangoGlyphItemIter()
        let glyphs = item.pointee.glyphs!
        guard pango_glyph_item_iter_init_start(&iter, item, text) != 0 else { return [] }
        let backward = item.pointee.item.pointee.analysis.level & 1 != 0
        repeat {
            let bytes = iter.end_index - iter.start_index
            var count = backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph
            for index in min(iter.start_glyph, iter.end_glyph + 1)..<max(iter.start_glyph + 1, iter.end_glyph) {
                let glyph = glyphs.pointee.glyphs[Int(index)].glyph
                if glyph == emptyGlyph || glyph & unknownFlag != 0 { count -= 1 }
            }
            clusters.append(GlyphRun.Cluster(bytes: bytes, glyphs: count))
        } while pango_glyph_item_iter_next_cluster(&iter) != 0
        return clusters
    }

    /// Characters that came out as unknown glyphs ("tofu"), in text order.
    static func unknownCharacters(in layout: OpaquePointer) -> [Unicode.Scalar] {
        var found: [Unicode.Scalar] = []
        let count = Int(pango_layout_get_line_count(layout))
        for index in 0..<count {
            guard let line = pango_layout_get_line_readonly(layout, Int32(index)) else { continue }
            var run = line.pointee.runs
            while let node = run {
                if let item = node.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self), let glyphs = item.pointee.glyphs {
                    for g in 0..<Int(glyphs.pointee.num_glyphs) {
                        let glyph = glyphs.pointee.glyphs[g].glyph
                        if glyph & unknownFlag != 0, glyph != 0xFFFF_FFFF,
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
