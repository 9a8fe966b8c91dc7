/// A gettext PO file, the format translation tools (Poedit, Weblate, Crowdin) read and
/// write: a header entry, then one entry per text with its context, source and translation.
/// Only what Handouts uses: no plural forms.
public struct POFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// `# ` comments: the translator's own notes (kept by tools, ignored on import).
        public var translatorComments: [String] = []
        /// `#.` comments: what the program says about the text.
        public var extractedComments: [String] = []
        /// `#:` references: where the text is written ("Guide/es.yaml:63").
        public var references: [String] = []
        /// `#,` flags: "fuzzy", "python-brace-format".
        public var flags: [String] = []
        public var context: String?
        public var id: String
        public var string: String
        /// Where the entry starts in the file it was read from (1-based), for errors.
        public var line: Int = 0

        public init(context: String?, id: String, string: String) {
            self.context = context; self.id = id; self.string = string
        }

        public var isFuzzy: Bool { flags.contains("fuzzy") }
    }

    /// `# ` lines before the header entry.
    public var comments: [String] = []
    /// The header entry's fields, in order ("Language", "es").
    public var header: [(name: String, value: String)] = []
    public var entries: [Entry] = []

    public init() {}

    public func headerField(_ name: String) -> String? {
        header.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public static func == (a: POFile, b: POFile) -> Bool {
        a.comments == b.comments && a.entries == b.entries
            && a.header.map(\.name) == b.header.map(\.name) && a.header.map(\.value) == b.header.map(\.value)
    }
}
