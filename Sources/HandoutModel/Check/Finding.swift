/// One result of `handouts check`: an error (the handout must not be printed as it is) or
/// a warning (it may be printed, with care), tied to a language and a place.
public struct Finding: Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public enum Kind: String, Sendable, CaseIterable {
        case load = "file", keys, sources, numbers, glyphs, fit, review
    }
    public let severity: Severity
    public let kind: Kind
    public let language: String
    public let location: String
    public let message: String

    public init(_ severity: Severity, _ kind: Kind, language: String, location: String, message: String) {
        self.severity = severity; self.kind = kind; self.language = language
        self.location = location; self.message = message
    }

    public var description: String {
        "\(severity.rawValue): \(language): \(location.isEmpty ? "" : location + ": ")\(message)"
    }
}
