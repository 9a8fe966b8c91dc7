import HandoutModel

/// A stand-in typesetter for layout tests: every character is `advance` × size wide, lines
/// break greedily at spaces. Deterministic, no fonts, no C.
public struct FixedAdvanceMeasurer: TextMeasurer {
    public let advance: Double

    public init(advance: Double = 0.5) { self.advance = advance }

    public func typeset(_ text: RichText, style: TextStyle, width: Double) throws -> TypesetText {
        let charWidth = style.size * advance
        let maxChars = max(1, Int(width / charWidth))
        var lines: [String] = []
        // Invisible format characters (bidi isolates, joiners) take no room.
        let visible = String(String.UnicodeScalarView(text.plainText.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        for paragraph in visible.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                // Words longer than a line are cut, as a typesetter breaks inside words.
                while word.count > maxChars {
                    if !current.isEmpty { lines.append(current); current = "" }
                    lines.append(String(word.prefix(maxChars)))
                    word = String(word.dropFirst(maxChars))
                }
                if current.isEmpty { current = word } else if current.count + 1 + word.count <= maxChars { current += " " + word } else {
                    lines.append(current); current = word
                }
            }
            lines.append(current)
        }
        let pitch = style.size * style.lineHeight
        let ascent = style.size * 0.8, descent = style.size * 0.2
        let typeset = lines.enumerated().map { index, line -> TypesetLine in
            let lineWidth = Double(line.count) * charWidth
            let x: Double
            switch (style.alignment, style.direction) {
            case (.center, _): x = (width - lineWidth) / 2
            case (.start, .ltr), (.end, .rtl): x = 0
            case (.start, .rtl), (.end, .ltr): x = width - lineWidth
            }
            return TypesetLine(text: line, x: x, baseline: (pitch - style.size) / 2 + ascent + Double(index) * pitch,
                               width: lineWidth, ascent: ascent, descent: descent, rightToLeft: style.direction == .rtl)
        }
        return TypesetText(text: text, style: style, boxWidth: width, lines: typeset, height: Double(lines.count) * pitch)
    }
}
