import CPangoCairo

/// Where Pango's line-break rules allow a line to end in a text, for tests that check the
/// typesetter never broke elsewhere. For Thai and Burmese these are word boundaries found by
/// Pango's dictionaries (libthai; ICU-like rules for Myanmar); the typesetter wraps
/// `PANGO_WRAP_WORD_CHAR`, which breaks inside a word only when a word is wider than its
/// line, and that is what a test of this would catch.
public enum LineBreakRules {
    /// Unicode scalar offsets (0 = before the first character) at which a line may start.
    public static func allowedBreaks(in text: String, language: String) -> Set<Int> {
        let scalars = text.unicodeScalars.count
        var attributes = [PangoLogAttr](repeating: PangoLogAttr(), count: scalars + 1)
        text.withCString { bytes in
            pango_get_log_attrs(bytes, Int32(text.utf8.count), -1, pango_language_from_string(language),
                                &attributes, Int32(attributes.count))
        }
        return Set(attributes.indices.filter { attributes[$0].is_line_break != 0 })
    }
}
