/// A problem in one of the files a person edits (guide, layout, theme, site profile).
///
/// Rendered as one line that names the file, the place, what is wrong and how to fix it,
/// because the reader is often a ward lead or translator, not a programmer:
/// `Guide/en.yaml:12:5: blocks.colostrum.what.txt: unknown key — did you mean "text"?`
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    /// Dotted path of keys from the top of the file, e.g. `blocks.first-week.latch.items[2]`.
    public let keyPath: String
    public let problem: String
    /// What to do about it: a suggestion, the valid choices, or an example.
    public let fix: String

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "",
                problem: String, fix: String = "") {
        self.file = Self.oneLine(file)
        self.line = line
        self.column = column
        self.keyPath = Self.oneLine(keyPath)
        self.problem = Self.oneLine(problem)
        self.fix = Self.oneLine(fix)
    }

    /// The longest part (key path, problem or fix) a message shows, in characters: room for
    /// a list of 30 block ids, while a key pasted by mistake from a whole file is cut short.
    static let maximumPartLength = 2_000

    /// Parts of a message quote the file's own text (keys, values, YAML's own context), which
    /// can hold line breaks ("a\nb" in quotes, a folded plain scalar), other control characters
    /// from escapes ("\e[31m") or be very long. Escapes them the way a Swift string literal
    /// would and shortens the part, so the error stays one readable line.
    public static func oneLine(_ text: String) -> String {
        let needsEscaping = text.unicodeScalars.contains(where: isUnprintable)
        if !needsEscaping && text.unicodeScalars.count <= maximumPartLength { return text }
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= maximumPartLength {
                result.append("…")
                break
            }
            switch scalar {
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            case _ where isUnprintable(scalar):
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: result.append(scalar)
            }
            count += 1
        }
        return String(result)
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = place + ": "
        if !keyPath.isEmpty { text += keyPath + ": " }
        text += problem
        if !fix.isEmpty { text += " — " + fix }
        return text
    }
}
