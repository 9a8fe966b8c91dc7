/// Text that a person wrote in a guide, region or site file, as the validating loader made
/// it: bold markers parsed into runs, every `{placeholder}` resolved to a known kind, no
/// invisible direction controls, a bounded length. Its initialiser is internal, so code
/// outside this module can get one only from a loader (`Prose.parse`), and no field of a
/// guide can skip the checks.
public struct Prose: Sendable, Hashable, CustomStringConvertible {
    public struct Run: Sendable, Hashable {
        public enum Content: Sendable, Hashable {
            case text(String)
            case placeholder(Placeholder)
        }
        public let content: Content
        public let bold: Bool
    }

    public let runs: [Run]
    /// The text exactly as written in the file (for comparisons, fingerprints, exchange).
    public let source: String
    /// Where it was written: file, line, column and key path.
    public let location: SourceLocation

    init(runs: [Run], source: String, location: SourceLocation) {
        self.runs = runs; self.source = source; self.location = location
    }

    public var description: String { source }

    /// The placeholders it uses, in order.
    public var placeholders: [Placeholder] {
        runs.compactMap { if case .placeholder(let p) = $0.content { return p } else { return nil } }
    }

    /// Equal when the text is: where it was written does not change what it says.
    public static func == (a: Prose, b: Prose) -> Bool { a.source == b.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

extension Prose {
    /// What a field accepts beyond plain words.
    public struct Rules: Sendable {
        /// Placeholder kinds allowed here; any other is an error naming the allowed ones.
        public var placeholders: Set<Placeholder.Kind>
        /// Whether `**bold**` markers are parsed (site profile fields take none).
        public var markup: Bool = true
        /// Whether line breaks are allowed (one-line fields: unit name, hours).
        public var multiline: Bool = true
        public var maximumLength: Int = Prose.maximumLength

        public static let plain = Rules(placeholders: [])
        public static let body = Rules(placeholders: [.temperature])
        public static let oneLine = Rules(placeholders: [], markup: false, multiline: false)
    }

    /// No block on any handout holds more than this; a longer text is a paste gone wrong,
    /// and stopping here keeps shaping time and memory bounded.
    public static let maximumLength = 3_000

    /// Parses and checks `text`, which was read from `node`. Every problem is an error at
    /// that node's file, line and column.
    public static func parse(_ text: String, at node: YAMLNode, rules: Rules) throws -> Prose {
        try parse(text, location: node.location, rules: rules)
    }

    static func parse(_ text: String, location: SourceLocation, rules: Rules) throws -> Prose {
        func fail(_ problem: String, _ fix: String) -> LoadError {
            LoadError(file: location.file, line: location.line, column: location.column, keyPath: location.keyPath,
                      problem: problem, fix: fix)
        }
        var runs: [Run] = []
        var pending = String.UnicodeScalarView()
        var bold = false
        var count = 0
        var scalars = text.unicodeScalars[...]
        func flush() {
            if !pending.isEmpty { runs.append(Run(content: .text(String(pending)), bold: bold)); pending = String.UnicodeScalarView() }
        }
        while let scalar = scalars.popFirst() {
            count += 1
            if isBidiControl(scalar) {
                throw fail("invisible direction control \(scalar.codePoint) is not allowed",
                           "delete it; numbers and names are kept left-to-right automatically")
            }
            if !rules.multiline, isLineBreak(scalar) {
                throw fail("line break (\(scalar.codePoint)) in a one-line text", "write it on one line")
            }
            if rules.markup, scalar == "*", scalars.first == "*" {
                scalars.removeFirst()
                count += 1
                flush()
                bold.toggle()
                continue
            }
            if !rules.markup, scalar == "*", scalars.first == "*" {
                throw fail("** is not allowed here", "write the text without bold markers")
            }
            if scalar == "{" {
                guard let close = scalars.firstIndex(of: "}") else {
                    throw fail("a { has no matching }", "write a placeholder such as {temp:38}, or remove the brace")
                }
                let name = String(String.UnicodeScalarView(scalars[..<close]))
                scalars = scalars[scalars.index(after: close)...]
                count += name.unicodeScalars.count + 1
                guard let placeholder = Placeholder(parsing: name) else {
                    throw fail("unknown placeholder {\(name)}", Placeholder.hint(for: name, allowed: rules.placeholders))
                }
                guard rules.placeholders.contains(placeholder.kind) else {
                    throw fail("placeholder {\(name)} is not allowed here", Placeholder.hint(for: name, allowed: rules.placeholders))
                }
                flush()
                runs.append(Run(content: .placeholder(placeholder), bold: bold))
                continue
            }
            if scalar == "}" {
                throw fail("a } has no matching {", "remove the brace")
            }
            pending.append(scalar)
        }
        flush()
        if count > rules.maximumLength {
            throw fail("text is too long (\(count) characters, at most \(rules.maximumLength))",
                       "split it into shorter items; a handout holds short sentences")
        }
        if bold {
            throw fail("unbalanced ** (bold markers come in pairs)", "write **bold words** with two asterisks on each side")
        }
        return Prose(runs: runs, source: text, location: location)
    }

    /// Explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a
    /// phone number or name display reversed or hide text; the engine isolates numbers itself.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
