/// A milk label, ready to lay out: the stock it is printed on, the unit's name, and each
/// field's words in the mother's language with the English beneath for staff who do not
/// read it.
public struct DocumentLabel: Sendable {
    public let stock: LabelStock
    /// The unit's name from the site profile, on every label; nil without a profile.
    public let unit: RichText?

    /// A field's name (or one tick box's word) and, in a translation, its English.
    public struct Words: Sendable {
        public let text: RichText
        /// nil when the guide is English, or the words are the English ones: they are then
        /// already the staff's.
        public let staff: RichText?
        /// The guide string they come from, and its place in the guide file, for an error
        /// that asks to shorten them.
        public let key: String
        public let source: String
    }

    /// By guide string key; every key of every field is there (the composer sees to it).
    private let byKey: [String: Words]

    /// The words of a field: one for a line, one per tick box.
    public func words(_ field: LabelField) -> [Words] { field.stringKeys.map { byKey[$0]! } }

    public init(stock: LabelStock, unit: RichText?, words: [String: Words]) {
        precondition(LabelField.allCases.flatMap(\.stringKeys).allSatisfy { words[$0] != nil }, "a label field without words")
        self.stock = stock
        self.unit = unit
        byKey = words
    }
}

/// Composes the label of a sheet of labels from a guide's label strings, the English guide's
/// for staff, and the site profile.
public struct LabelComposer {
    public let guide: Guide
    /// The English guide, whose words go small beneath a translation's; nil for English.
    public let english: Guide?
    public let site: Site

    public init(guide: Guide, english: Guide?, site: Site) {
        self.guide = guide; self.english = english; self.site = site
    }

    public func label(on stock: LabelStock) -> DocumentLabel {
        var words: [String: DocumentLabel.Words] = [:]
        for key in LabelField.allCases.flatMap(\.stringKeys) {
            let own = text(guide.strings[key], direction: guide.direction)
            // Not the same word twice where a language uses the English one ("Fresh" in Filipino).
            let staff = guide.isTranslation ? english.map { text($0.strings[key], direction: .ltr) }
                .flatMap { $0.plainText == own.plainText ? nil : $0 } : nil
            words[key] = DocumentLabel.Words(text: own, staff: staff, key: key,
                                             source: guide.strings[key].location.description)
        }
        let unit = site.isNeutral ? nil : RichText(plain: site.unit, bold: true)
        return DocumentLabel(stock: stock, unit: unit.map { guide.direction == .rtl ? $0.isolatingNumbers() : $0 }, words: words)
    }

    /// Label strings hold no placeholders (the loader sees to it); numbers in right-to-left
    /// text read left to right.
    private func text(_ prose: Prose, direction: TextDirection) -> RichText {
        let rich = RichText(prose) { $0.written }
        return direction == .rtl ? rich.isolatingNumbers() : rich
    }
}

extension Document {
    /// The document of a sheet of labels: this one with its label.
    public func withLabel(_ label: DocumentLabel) -> Document {
        var sheet = self
        sheet.label = label
        return sheet
    }
}
