import CPangoCairo

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

    /// Faces registered so far (for tests and reports).
    public var count: Int { fonts.count }
}
