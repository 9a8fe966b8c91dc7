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
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.problem = problem
        self.fix = fix
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

/// Several load errors found in one pass, so a translator sees every gap at once.
public struct LoadErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [LoadError]
    public init(_ errors: [LoadError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
