import CPangoCairo
import HandoutLayout

/// The fonts that shaped text refers to, each by a small id, held (referenced) for as long
/// as the registry lives so the painter can draw with the very face and size that was
/// measured: Cairo then embeds one subset per face, as it did when Pango drew.
/// It belongs to one render worker; the ids mean nothing in another process.
public final class FontRegistry {
    private var ids: [UnsafeMutableRawPointer: Int] = [:]
    private var fonts: [UnsafeMutableRawPointer] = []
    private var names: [String] = []

    init() {}

    deinit {
        for font in fonts { handouts_object_unref(font) }
    }

    /// The id of `font`, registering (and referencing) it the first time.
    func id(of font: UnsafeMutablePointer<PangoFont>) -> Int {
        let key = UnsafeMutableRawPointer(font)
        if let id = ids[key] { return id }
        handouts_object_ref(key)
        let id = fonts.count
        ids[key] = id
        fonts.append(key)
        let description = pango_font_describe(font)
        let text = pango_font_description_to_string(description)
        names.append(text.map { String(cString: $0) } ?? "font \(id)")
        g_free(text)
        pango_font_description_free(description)
        return id
    }

    func name(of id: Int) -> String { names[id] }

    /// The Cairo scaled font to draw face `id` with, or nil for an id this registry never gave.
    func scaledFont(_ id: Int) -> OpaquePointer? {
        guard fonts.indices.contains(id) else { return nil }
        return pango_cairo_font_get_scaled_font(OpaquePointer(fonts[id]))
    }

    /// The ink box of each glyph a line draws, in points from the top-left corner of its
    /// text's box: what lines must keep apart (checked by tests; layout uses the coarser
    /// skyline in `TypesetLine.ink`).
    public func inkBoxes(of line: TypesetLine) -> [Rect] {
        var boxes: [Rect] = []
        for run in line.runs where fonts.indices.contains(run.face) {
            let font = fonts[run.face].assumingMemoryBound(to: PangoFont.self)
            for glyph in run.glyphs {
                var ink = PangoRectangle()
                pango_font_get_glyph_extents(font, glyph.index, &ink, nil)
                guard ink.width > 0, ink.height > 0 else { continue }
                let scale = Double(PANGO_SCALE)
                boxes.append(Rect(x: line.x + Double(run.x + glyph.x + ink.x) / scale,
                                  y: line.baseline + Double(run.y + glyph.y + ink.y) / scale,
                                  width: Double(ink.width) / scale, height: Double(ink.height) / scale))
            }
        }
        return boxes
    }

    /// The glyph face `id` draws for U+25CC DOTTED CIRCLE, or nil when it has none. HarfBuzz
    /// inserts that glyph where a vowel sign or mark has no base to sit on: a sign of text
    /// the font's shaping rules do not accept (checked by tests over every language).
    public func dottedCircleGlyph(inFace id: Int) -> UInt32? {
        guard fonts.indices.contains(id),
              let font = pango_font_get_hb_font(fonts[id].assumingMemoryBound(to: PangoFont.self)) else { return nil }
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, 0x25CC, &glyph) != 0 ? glyph : nil
    }

    /// The glyph face `id` draws for U+0020 SPACE, or nil when it has none (the painter draws
    /// no-break spaces with it: NoBreakSpaces).
    func spaceGlyph(inFace id: Int) -> UInt32? {
        if let known = spaceGlyphs[id] { return known }
        guard fonts.indices.contains(id),
              let font = pango_font_get_hb_font(fonts[id].assumingMemoryBound(to: PangoFont.self)) else { return nil }
        var glyph: hb_codepoint_t = 0
        let found: UInt32? = hb_font_get_nominal_glyph(font, 0x20, &glyph) != 0 ? glyph : nil
        spaceGlyphs[id] = found
        return found
    }
    private var spaceGlyphs: [Int: UInt32?] = [:]

    /// Whether `glyph` of face `id` has no ink (a space of some width).
    func isBlank(_ glyph: UInt32, inFace id: Int) -> Bool {
        guard fonts.indices.contains(id) else { return false }
        var ink = PangoRectangle()
        pango_font_get_glyph_extents(fonts[id].assumingMemoryBound(to: PangoFont.self), glyph, &ink, nil)
        return ink.width == 0 || ink.height == 0
    }

    /// Faces registered so far (for tests and reports).
    public var count: Int { fonts.count }
}
