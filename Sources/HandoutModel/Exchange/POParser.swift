import Foundation

/// Reads a PO file as translation tools write it: comments of every kind, `msgctxt`,
/// `msgid`, `msgstr`, strings continued over several lines, C escapes, CRLF line ends, a
/// byte-order mark. Obsolete entries (`#~`) are skipped; plural entries are refused
/// (guides have none). Errors are `LoadError`s at the PO file's line.
public enum POParser {
    public static func parse(_ text: String, file: String) throws -> POFile {
        var result = POFile()
        var entry = Pending()
        var sawHeader = false
        var lineNumber = 0
        func fail(_ problem: String, _ fix: String) -> LoadError {
            LoadError(file: file, line: lineNumber, problem: problem, fix: fix)
        }
        func finishEntry() throws {
            defer { entry = Pending() }
            guard entry.hasStrings else {
                if !entry.obsolete && !sawHeader && result.entries.isEmpty { result.comments += entry.comments }
                return
            }
            guard let id = entry.id, let string = entry.string else {
                lineNumber = entry.line
                throw fail("entry without \(entry.id == nil ? "msgid" : "msgstr")", "every entry needs msgid \"…\" and msgstr \"…\"")
            }
            if id.isEmpty && entry.context == nil {
                guard !sawHeader, result.entries.isEmpty else {
                    lineNumber = entry.line
                    throw fail("a second header entry (msgid \"\")", "remove it")
                }
                sawHeader = true
                result.comments += entry.comments
                result.header = parseHeader(string)
                return
            }
            var made = POFile.Entry(context: entry.context, id: id, string: string)
            made.translatorComments = entry.comments
            made.extractedComments = entry.extracted
            made.references = entry.references
            made.flags = entry.flags
            made.line = entry.line
            result.entries.append(made)
        }

        // Windows tools write CRLF, which Swift reads as one character: split on LF alone.
        var body = Substring(text.replacingOccurrences(of: "\r\n", with: "\n"))
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        // Which string a continuation line ("…") adds to.
        var target: WritableKeyPath<Pending, String?>?
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = rawLine.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                try finishEntry()
                target = nil
                continue
            }
            if trimmed.hasPrefix("#") {
                // A comment after the strings starts the next entry.
                if entry.hasStrings { try finishEntry() }
                target = nil
                let rest = trimmed.dropFirst()
                if rest.hasPrefix("~") { entry.obsolete = true; continue }
                if rest.hasPrefix(".") { entry.extracted.append(trimmedComment(rest.dropFirst())) }
                else if rest.hasPrefix(":") { entry.references += rest.dropFirst().split(separator: " ").map(String.init) }
                else if rest.hasPrefix(",") {
                    entry.flags += rest.dropFirst().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
                else if rest.hasPrefix("|") { continue }
                else { entry.comments.append(trimmedComment(rest)) }
                if entry.line == 0 { entry.line = lineNumber }
                continue
            }
            if entry.obsolete { continue }
            if trimmed.hasPrefix("\"") {
                guard let target else { throw fail("a quoted string outside msgctxt, msgid or msgstr", "start the entry with msgid \"…\"") }
                entry[keyPath: target]! += try unquote(trimmed, fail: fail)
                continue
            }
            guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                throw fail("\"\(trimmed.prefix(40))\" is not a PO keyword", "lines start with #, msgctxt, msgid, msgstr or a quoted string")
            }
            let keyword = trimmed[..<space]
            let value = try unquote(trimmed[space...].drop { $0 == " " || $0 == "\t" }, fail: fail)
            let key: WritableKeyPath<Pending, String?>
            switch keyword {
            case "msgctxt": key = \.context
            case "msgid": key = \.id
            case "msgstr": key = \.string
            case "msgid_plural", _ where keyword.hasPrefix("msgstr["):
                throw fail("plural forms (\(keyword)) are not used by Handouts", "translate each text as one msgstr")
            default:
                throw fail("unknown keyword \(keyword.prefix(20))", "lines start with #, msgctxt, msgid, msgstr or a quoted string")
            }
            // A keyword that comes round again starts the next entry (no blank line between).
            if entry[keyPath: key] != nil || (key != \.string && entry.string != nil) { try finishEntry() }
            if entry.line == 0 { entry.line = lineNumber }
            entry[keyPath: key] = value
            target = key
        }
        try finishEntry()
        return result
    }

    private struct Pending {
        var comments: [String] = []
        var extracted: [String] = []
        var references: [String] = []
        var flags: [String] = []
        var context: String?
        var id: String?
        var string: String?
        var line = 0
        var obsolete = false
        var hasStrings: Bool { context != nil || id != nil || string != nil }
    }

    private static func trimmedComment(_ text: Substring) -> String {
        String(text.hasPrefix(" ") ? text.dropFirst() : text)
    }

    /// `"…"` with C escapes, to its text; anything after the closing quote is an error.
    static func unquote(_ text: Substring, fail: (String, String) -> LoadError) throws -> String {
        var scalars = text.unicodeScalars[...]
        guard scalars.popFirst() == "\"" else { throw fail("expected a quoted string", "write the text in double quotes") }
        var out = String.UnicodeScalarView()
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"":
                guard scalars.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                    throw fail("text after the closing quote", "write a quote inside the text as \\\"")
                }
                return String(out)
            case "\\":
                guard let next = scalars.popFirst() else { break }
                switch next {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\"", "\\", "'", "?": out.append(next)
                case "a": out.append("\u{07}")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "v": out.append("\u{0B}")
                case "0"..."7":
                    var value = next.value - 48
                    for _ in 0..<2 {
                        guard let digit = scalars.first, ("0"..."7").contains(digit) else { break }
                        value = value * 8 + digit.value - 48
                        scalars.removeFirst()
                    }
                    out.append(Unicode.Scalar(value)!)
                case "x":
                    var value: UInt32 = 0, count = 0
                    while let digit = scalars.first, digit.isASCII, let hex = Int(String(digit), radix: 16) {
                        value = value * 16 + UInt32(hex)
                        scalars.removeFirst()
                        count += 1
                    }
                    guard count > 0, let decoded = Unicode.Scalar(value) else { throw fail("bad escape \\x", "write the character itself") }
                    out.append(decoded)
                default:
                    throw fail("unknown escape \\\(next)", "write a backslash as \\\\")
                }
            default:
                out.append(scalar)
            }
        }
        throw fail("the quoted string has no closing quote", "end it with \" on the same line")
    }

    /// "Name: value\n" lines of the header entry.
    static func parseHeader(_ text: String) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line: Substring in text.split(separator: "\n" as Character) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon], value = line[colon...].dropFirst()
            fields.append((name.trimmingCharacters(in: .whitespaces), value.trimmingCharacters(in: .whitespaces)))
        }
        return fields
    }
}
