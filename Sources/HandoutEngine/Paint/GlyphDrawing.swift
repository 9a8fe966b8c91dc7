import CPangoCairo
import HandoutLayout

/// Draws one typeset line's glyph runs through Cairo, the way Pango's Cairo renderer draws a
/// layout line (pangocairo-render.c): per run, save the state, set the run's scaled font,
/// place each glyph at the line start plus the run's and the glyph's offsets (in 1/1024 pt,
/// converted in the same order, so positions are bit for bit the same), show the glyphs
/// with their text clusters (a PDF then maps glyphs back to text), restore.
enum GlyphDrawing {
    /// Draws `line` with its left end at (`x`, `y`) on the baseline. `withText`: pass the
    /// characters and clusters (PDF); an image surface takes glyphs only. Returns a problem
    /// to report, or nil.
    static func draw(_ line: TypesetLine, x: Double, y: Double, on cr: OpaquePointer, faces: FontRegistry,
                     withText: Bool) -> String? {
        let scale = Double(PANGO_SCALE)
        // Pango starts from Cairo's current point, which Cairo keeps in 24.8 fixed point.
        let x = fixedPoint(x), y = fixedPoint(y)
        for run in line.runs {
            guard let font = faces.scaledFont(run.face), cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS else {
                return "no font for \(run.faceName)"
            }
            let baseX = x + Double(run.x) / scale
            let baseY = y + Double(run.y) / scale
            var glyphs = run.glyphs.map { glyph in
                cairo_glyph_t(index: UInt(glyph.index), x: baseX + Double(glyph.x) / scale,
                              y: glyph.y == 0 ? baseY : baseY + Double(glyph.y) / scale)
            }
            cairo_save(cr)
            cairo_set_scaled_font(cr, font)
            if withText {
                var clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: $0.bytes, num_glyphs: $0.glyphs) }
                var utf8 = run.utf8
                NoBreakSpaces.drawAsSpaces(text: &utf8, clusters: &clusters, glyphs: &glyphs, backward: run.backward,
                                           space: { faces.spaceGlyph(inFace: run.face) }, isBlank: { faces.isBlank($0, inFace: run.face) })
                utf8.withUnsafeBufferPointer { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { text in
                        cairo_show_text_glyphs(cr, text.baseAddress, Int32(text.count), &glyphs, Int32(glyphs.count),
                                               &clusters, Int32(clusters.count),
                                               run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0))
                    }
                }
            } else {
                cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
            }
            cairo_restore(cr)
        }
        return nil
    }

    /// A coordinate as Cairo stores a current point: rounded to 1/256.
    static func fixedPoint(_ value: Double) -> Double {
        (value * 256).rounded(.toNearestOrEven) / 256
    }
}
