import CPangoCairo
import Foundation
import HandoutLayout
import HandoutModel

/// The `TextMeasurer` the program uses: Pango shapes (HarfBuzz), breaks lines (UAX #14 plus
/// language rules) and reports characters no shipped font has. What it returns is plain
/// values (glyphs and positions); the Pango layout is released as soon as they are read.
/// Not thread-safe: it belongs to one render worker.
public final class PangoTypesetter: TextMeasurer {
    public let fonts: FontLibrary
    public let family: String
    /// The fonts shaped text refers to, by id: the painter draws with the very same faces.
    public let faces = FontRegistry()
    /// One Pango context per language and direction: the language picks CJK glyph forms and
    /// break rules, the base direction orders bidirectional text.
    private var contexts: [String: OpaquePointer] = [:]
    private var metricsCache: [String: (ascent: Double, descent: Double)] = [:]

    public init(fonts: FontLibrary, family: String) {
        self.fonts = fonts
        self.family = family
    }

    deinit {
        for context in contexts.values { handouts_object_unref(UnsafeMutableRawPointer(context)) }
    }

    /// Shaped paragraphs by text, style and width. A batch of handouts, or the same handout
    /// with another unit's name, sets most of its text again exactly as before: shaping it
    /// once is most of the saving.
    private var cache: [CacheKey: TypesetText] = [:]
    private struct CacheKey: Hashable {
        let text: RichText
        let style: TextStyle
        let width: Double
    }
    /// Bounds the cache's memory. One language's ten PDFs shape about 800 distinct texts
    /// (Urdu), so a batch's worker keeps several languages; a long-running worker rendering
    /// for ever-changing units fills it within about 1,000 renders and then stays near
    /// 120 MiB (a bound of 60,000 grew to 233 MiB). When full it starts again empty:
    /// simpler than an LRU, and the next documents refill it.
    static let cacheLimit = 12_000

    public func typeset(_ text: RichText, style: TextStyle, width: Double) throws -> TypesetText {
        // Line spacing does not change line breaks: one shaping serves every spacing.
        var shapeStyle = style
        shapeStyle.lineHeight = 0
        let key = CacheKey(text: text, style: shapeStyle, width: width)
        if let cached = cache[key] {
            if cached.style.lineHeight == style.lineHeight { return cached }
            return respaced(cached, lineHeight: style.lineHeight)
        }
        let lineKey = ShapeKey(text: text, style: shapeStyle)
        let result: TypesetText
        if let line = oneLine[lineKey], fits(line, in: width) {
            let moved = TypesetText(text: text, style: line.style, boxWidth: width, lines: line.lines, height: line.height)
            result = line.style.lineHeight == style.lineHeight ? moved : respaced(moved, lineHeight: style.lineHeight)
        } else {
            result = try shape(text, style: style, width: width)
        }
        if cache.count >= PangoTypesetter.cacheLimit {
            cache.removeAll(keepingCapacity: true)
            oneLine.removeAll(keepingCapacity: true)
        }
        cache[key] = result
        if isWidthFree(result) { oneLine[lineKey] = result }
        return result
    }

    /// Texts set on one line at the left of their box, by text and style: the same text
    /// in a box of another width at least as wide as the line is that very line (Pango
    /// breaks nothing, and a left-aligned line starts at 0 in any box). Headings, labels and
    /// table cells recur so on every paper and in every column: a fifth of the shaping
    /// calls, but short texts, so Thai's ten PDFs take 0.41-0.43 s instead of 0.44-0.46 s,
    /// byte for byte the same. Lines placed by ink (Nastaliq) are not reused: their
    /// skyline spans the box.
    private var oneLine: [ShapeKey: TypesetText] = [:]
    private struct ShapeKey: Hashable {
        let text: RichText
        let style: TextStyle
    }

    /// Pango's own test, in its units: the line fits when it is no wider than the layout.
    private func fits(_ text: TypesetText, in width: Double) -> Bool {
        let box = Int((width * Double(PANGO_SCALE)).rounded(.down)), line = Int((text.naturalWidth * Double(PANGO_SCALE)).rounded())
        return line <= box
    }

    private func isWidthFree(_ text: TypesetText) -> Bool {
        guard text.lines.count == 1, let line = text.lines.first else { return false }
        return line.x == 0 && line.ink == nil && alignment(text.style) == PANGO_ALIGN_LEFT
    }

    /// The same lines at another line spacing: only the baselines move.
    private func respaced(_ text: TypesetText, lineHeight: Double) -> TypesetText {
        var style = text.style
        style.lineHeight = lineHeight
        let metrics = self.metrics(style: style, context: context(language: style.language, direction: style.direction))
        let spacing = LineSpacing.baselines(count: text.lines.count, profiles: text.lines.map(\.ink), style: style, metrics: metrics)
        let lines = zip(text.lines, spacing.baselines).map { $0.withBaseline($1) }
        return TypesetText(text: text.text, style: style, boxWidth: text.boxWidth, lines: lines, height: spacing.height)
    }

    private func shape(_ text: RichText, style: TextStyle, width: Double) throws -> TypesetText {
        let context = self.context(language: style.language, direction: style.direction)
        guard let layout = pango_layout_new(context) else { throw TypesetError(text: text.plainText, problem: "Pango could not make a layout") }
        defer { handouts_object_unref(UnsafeMutableRawPointer(layout)) }

        let description = fontDescription(style)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_auto_dir(layout, 0)
        pango_layout_set_width(layout, Int32(clamping: Int((width * Double(PANGO_SCALE)).rounded(.down))))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(layout, alignment(style))

        let plain = text.plainText
        pango_layout_set_text(layout, plain, -1)
        // The layout takes its own reference to the list; ours is released here.
        let attributes = attributes(for: text, plain: plain, style: style)
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)

        if pango_layout_get_unknown_glyphs_count(layout) > 0 {
            let missing = PangoLines.unknownCharacters(in: layout)
            let list = missing.prefix(5).map { "\($0.codePoint) \($0)" }.joined(separator: ", ")
            throw TypesetError(text: plain, problem: "no shipped font has \(missing.count == 1 ? "this character" : "these characters"): \(list) (language \(style.language))")
        }
        let read = PangoLines.read(layout, text: plain, style: style, metrics: metrics(style: style, context: context), faces: faces,
                                   boxWidth: width)
        return TypesetText(text: text, style: style, boxWidth: width, lines: read.lines, height: read.height)
    }

    // MARK: Pango set-up

    private func context(language: String, direction: TextDirection) -> OpaquePointer {
        let key = language + "|" + direction.rawValue
        if let context = contexts[key] { return context }
        let context = pango_font_map_create_context(fonts.pangoFontMap)!
        // Unhinted outlines and unrounded positions: the same layout at any resolution.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string(language))
        pango_context_set_base_dir(context, direction == .rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR)
        contexts[key] = context
        return context
    }

    private func fontDescription(_ style: TextStyle) -> OpaquePointer {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, style.families.isEmpty ? family : style.families)
        pango_font_description_set_size(description, Int32((style.size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        return description
    }

    /// Pango's LEFT and RIGHT are literal once auto-dir is off, so `start` maps by direction.
    private func alignment(_ style: TextStyle) -> PangoAlignment {
        let rtl = style.direction == .rtl
        switch style.alignment {
        case .start: return rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT
        case .end: return rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT
        case .center: return PANGO_ALIGN_CENTER
        }
    }

    /// Bold runs as weight attributes over their UTF-8 byte ranges.
    /// `plain` is `text.plainText`, which the caller already has.
    private func attributes(for text: RichText, plain: String, style: TextStyle) -> OpaquePointer {
        let list = pango_attr_list_new()!
        var offset = 0
        for run in text.runs {
            let length = run.text.utf8.count
            if run.bold && !style.bold, let attribute = pango_attr_weight_new(PANGO_WEIGHT_BOLD) {
                attribute.pointee.start_index = guint(offset)
                attribute.pointee.end_index = guint(offset + length)
                pango_attr_list_insert(list, attribute)
            }
            offset += length
        }
        if breaksOnlyAtSpaces(style.language) { keepWordsWhole(plain, in: list) }
        // Latin text reads the same without fi/fl ligatures, and every glyph then maps to
        // one character: Cairo embeds each font once (no second, composite subset), which
        // keeps the PDF small and its text cleanly extractable. Scripts whose ligatures
        // carry the spelling keep them, except in their Latin words.
        let plainLatin = needsLigatures(style.language) ? LatinStretches.ranges(in: plain) : [0..<Int(UInt32.max)]
        for range in plainLatin {
            guard let features = pango_attr_font_features_new("liga 0, clig 0") else { continue }
            features.pointee.start_index = guint(range.lowerBound)
            features.pointee.end_index = guint(range.upperBound)
            pango_attr_list_insert(list, features)
        }
        return list
    }

    /// Scripts whose ligatures carry the spelling (Arabic, the Brahmic scripts, Thai…).
    private func needsLigatures(_ language: String) -> Bool {
        let primary = language.split(separator: "-").first.map(String.init) ?? language
        return ["ar", "fa", "ur", "ps", "hi", "bn", "pa", "ne", "mr", "gu", "ta", "te", "kn", "ml", "si", "th", "my", "km", "lo", "am"]
            .contains(primary)
    }

    /// Korean is set with breaks between words (at spaces), not between any two syllables
    /// as Unicode's default rules allow.
    private func breaksOnlyAtSpaces(_ language: String) -> Bool {
        language == "ko" || language.hasPrefix("ko-")
    }

    private func keepWordsWhole(_ text: String, in list: OpaquePointer) {
        var offset = 0, wordStart: Int?
        func close(_ end: Int) {
            if let start = wordStart, end > start, let attribute = pango_attr_allow_breaks_new(0) {
                attribute.pointee.start_index = guint(start)
                attribute.pointee.end_index = guint(end)
                pango_attr_list_insert(list, attribute)
            }
            wordStart = nil
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { close(offset) } else if wordStart == nil { wordStart = offset }
            offset += String(scalar).utf8.count
        }
        close(offset)
    }

    /// Ascent and descent of the primary font for the language: every line of a paragraph
    /// uses them, so baselines are evenly spaced whatever fallback fonts a line needs.
    private func metrics(style: TextStyle, context: OpaquePointer) -> (ascent: Double, descent: Double) {
        let key = "\(style.language)|\(style.families)|\(style.size)|\(style.bold)"
        if let cached = metricsCache[key] { return cached }
        let description = fontDescription(style)
        defer { pango_font_description_free(description) }
        let metrics = pango_context_get_metrics(context, description, pango_language_from_string(style.language))
        defer { pango_font_metrics_unref(metrics) }
        let value = (Double(pango_font_metrics_get_ascent(metrics)) / Double(PANGO_SCALE),
                     Double(pango_font_metrics_get_descent(metrics)) / Double(PANGO_SCALE))
        metricsCache[key] = value
        return value
    }
}
