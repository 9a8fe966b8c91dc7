/// Text with bold spans and links: all the inline styling a handout needs, ready to set.
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

    /// Checked guide text with its placeholders filled in by `fill`.
    public init(_ prose: Prose, filling fill: (Placeholder) -> String) {
        self.init(runs: prose.runs.map { run in
            switch run.content {
            case .text(let text): return Run(text, bold: run.bold)
            case .placeholder(let placeholder): return Run(fill(placeholder), bold: run.bold)
            }
        })
    }

    public var plainText: String { runs.map(\.text).joined() }
    public var description: String { plainText }
    public var isEmpty: Bool { runs.isEmpty }

    public static func + (a: RichText, b: RichText) -> RichText { RichText(runs: a.runs + b.runs) }

    /// The same text, all bold (urgent items).
    public var emboldened: RichText { RichText(runs: runs.map { Run($0.text, bold: true, link: $0.link) }) }
}
