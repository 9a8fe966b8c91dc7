/// Text with bold spans and links: all the inline styling a handout needs.
public struct RichText: Sendable, Hashable, CustomStringConvertible {
    public struct Run: Sendable, Hashable {
        public let text: String
        public let bold: Bool
        /// A `tel:` or `https:` target; the run is drawn as a link.
        public let link: String?
        public init(_ text: String, bold: Bool = false, link: String? = nil) {
            self.text = text; self.bold = bold; self.link = link
        }
    }

    public let runs: [Run]
    public init(runs: [Run]) { self.runs = runs.filter { !$0.text.isEmpty } }
    public init(plain text: String, bold: Bool = false) { self.init(runs: [Run(text, bold: bold)]) }

    /// Parses `**bold**` markers (already checked to be balanced on load).
    public init(markup: String) {
        var runs: [Run] = []
        for (index, part) in markup.components(separatedBy: "**").enumerated() {
            runs.append(Run(part, bold: index % 2 == 1))
        }
        self.init(runs: runs)
    }

    public var plainText: String { runs.map(\.text).joined() }
    public var description: String { plainText }
    public var isEmpty: Bool { runs.isEmpty }

    public static func + (a: RichText, b: RichText) -> RichText { RichText(runs: a.runs + b.runs) }
}
