/// Writes a text as a YAML scalar that reads back as exactly that text. A replaced value
/// keeps its old style where the style can hold it (a plain word stays plain, a `>-` block
/// stays folded), so an import changes what it must and the file still looks hand-written;
/// anything else becomes a one-line double-quoted scalar, which can hold any text.
enum YAMLScalarWriter {
    /// Double-quoted on one line, with YAML's escapes for what would otherwise fold, end
    /// the scalar or be refused (quotes, backslashes, line breaks, non-printable characters).
    static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if isPrintable(scalar) { out.unicodeScalars.append(scalar) } else { out += escape(scalar) }
            }
        }
        return out + "\""
    }

    /// The text as a plain scalar, if it is unmistakably one: nothing YAML reads as syntax
    /// (indicators first, `: `, ` #`, flow brackets and commas), no line break, no edge
    /// spaces. Conservative on purpose; what fails here is written double-quoted.
    static func plain(_ value: String) -> String? {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return nil }
        if first.properties.isWhitespace || last.properties.isWhitespace || last == ":" { return nil }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return nil }
        for (index, scalar) in scalars.enumerated() {
            if !isPrintable(scalar) || isBreak(scalar) || scalar == "\t" || ",[]{}".unicodeScalars.contains(scalar) { return nil }
            if scalar == ":", index + 1 < scalars.count, scalars[index + 1] == " " { return nil }
            if scalar == "#", index > 0, scalars[index - 1] == " " { return nil }
        }
        return value
    }

    /// Single-quoted on one line (a quote doubled), if the text has no line break.
    static func singleQuoted(_ value: String) -> String? {
        guard value.unicodeScalars.allSatisfy({ isPrintable($0) && !isBreak($0) }) else { return nil }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A `>-` folded block: lines of at most `width` characters at `indent` spaces, broken
    /// only at a single space between two visible characters (YAML folds each such break
    /// back into one space), if the text is one paragraph without edge spaces or tabs.
    static func folded(_ value: String, indent: Int, width: Int) -> String? {
        let characters = Array(value)
        guard let first = characters.first, let last = characters.last,
              !first.isWhitespace, !last.isWhitespace,
              value.unicodeScalars.allSatisfy({ isPrintable($0) && !isBreak($0) && $0 != "\t" }) else { return nil }
        // Pieces between break points: a space with a visible character on each side.
        var pieces: [String] = []
        var piece = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count,
               !characters[index - 1].isWhitespace, !characters[index + 1].isWhitespace {
                pieces.append(piece)
                piece = ""
            } else {
                piece.append(character)
            }
        }
        pieces.append(piece)
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            if line.isEmpty {
                line = piece
            } else if indent + line.count + 1 + piece.count > width {
                lines.append(line)
                line = piece
            } else {
                line += " " + piece
            }
        }
        lines.append(line)
        let margin = String(repeating: " ", count: indent)
        return ">-\n" + lines.map { margin + $0 }.joined(separator: "\n")
    }

    /// YAML's printable set (tab, line feed, carriage return, and everything visible).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            return scalar.value != 0xFEFF
        default: return false
        }
    }

    /// What YAML (1.1, as libyaml reads it) takes for a line break.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        if scalar.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if scalar.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
