/// Writes a `POFile` as gettext does: C-style escapes in double quotes, and strings longer
/// than a line (or holding line breaks) split into several quoted pieces after a
/// `msgid ""`, which every PO reader joins back. Output is deterministic.
public enum POWriter {
    /// Lines are kept within this many characters where a space allows, as msgcat does.
    static let width = 79

    public static func write(_ file: POFile) -> String {
        var out = ""
        for comment in file.comments { out += comment.isEmpty ? "#\n" : "# \(comment)\n" }
        let header = file.header.map { "\($0.name): \($0.value)\n" }.joined()
        out += field("msgid", "") + field("msgstr", header)
        for entry in file.entries {
            out += "\n"
            for comment in entry.translatorComments { out += comment.isEmpty ? "#\n" : "# \(comment)\n" }
            for comment in entry.extractedComments { out += "#. \(comment)\n" }
            if !entry.references.isEmpty { out += "#: \(entry.references.joined(separator: " "))\n" }
            if !entry.flags.isEmpty { out += "#, \(entry.flags.joined(separator: ", "))\n" }
            if let context = entry.context { out += field("msgctxt", context) }
            out += field("msgid", entry.id) + field("msgstr", entry.string)
        }
        return out
    }

    /// `keyword "text"`, or `keyword ""` and one quoted piece per line.
    static func field(_ keyword: String, _ value: String) -> String {
        // Each character escaped on its own, so a piece never ends inside an escape.
        let tokens = value.map(escape)
        let oneLine = tokens.joined()
        let breaksInside = value.dropLast().contains("\n")
        if !breaksInside, keyword.count + oneLine.count + 3 <= width { return "\(keyword) \"\(oneLine)\"\n" }
        var out = "\(keyword) \"\"\n"
        for piece in pieces(tokens) { out += "\"\(piece)\"\n" }
        return out
    }

    /// Splits after each line break, then between words so that a quoted piece fits the
    /// width; a word longer than that (Chinese or Japanese, which need no spaces) is cut
    /// between characters.
    private static func pieces(_ tokens: [String]) -> [String] {
        let limit = width - 2
        var result: [String] = []
        var line: [String] = []
        var length = 0
        var lastSpace: Int?
        func flush(upTo end: Int) {
            result.append(line[..<end].joined())
            line = Array(line[end...])
            length = line.reduce(0) { $0 + $1.count }
            lastSpace = line.lastIndex(of: " ").map { $0 + 1 }
        }
        for token in tokens {
            line.append(token)
            length += token.count
            if token == " " { lastSpace = line.count }
            if token == "\\n" {
                flush(upTo: line.count)
            } else if length > limit {
                if let space = lastSpace, space < line.count { flush(upTo: space) } else if line.count > 1 { flush(upTo: line.count - 1) }
            }
        }
        if !line.isEmpty { result.append(line.joined()) }
        return result
    }

    static func escape(_ character: Character) -> String {
        var out = ""
        for scalar in character.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let octal = String(scalar.value, radix: 8)
                    out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
