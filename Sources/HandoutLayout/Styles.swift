import HandoutModel

/// The text styles of one document at one scale factor (1 as designed; less when a fixed
/// page has to shrink to fit).
struct Styles {
    typealias Role = TypeRole

    let document: Document
    /// Scale of type (and spacing with it): 1 as designed, less when a fixed page shrinks.
    let factor: Double
    /// Extra squeeze on the gaps between blocks, paragraphs and items only, tried before any
    /// type gets smaller: a longer translation keeps its type size and loses some air.
    var gapFactor: Double = 1
    /// Squeeze on body line spacing, the last resort before type shrinks.
    var lineFactor: Double = 1

    /// The language and direction text is set in: the document's, or a block's own.
    var language: String
    var direction: TextDirection

    init(document: Document, factor: Double) {
        self.document = document
        self.factor = factor
        language = document.language
        direction = document.direction
    }

    /// These styles for a block in its own language and direction.
    func forBlock(_ block: DocumentBlock) -> Styles {
        var copy = self
        copy.language = block.language
        copy.direction = block.direction
        return copy
    }

    var theme: Theme { document.theme }
    var spacing: Theme.Spacing { document.theme.spacing }

    func size(_ role: Role) -> Double {
        document.scale[role] * factor
    }

    func style(_ role: Role, bold: Bool = false, alignment: TextStyle.Alignment = .start, lineHeight: Double? = nil) -> TextStyle {
        let isHeadline = role == .title || role == .heading || role == .subtitle
        let bodyLineHeight = theme.lineHeight(for: language) * lineFactor
        // Headlines are set tighter than body text, by the same proportion in every script.
        let headlineLineHeight = bodyLineHeight * 1.2 / spacing.lineHeight
        return TextStyle(size: size(role), bold: bold || role == .title || role == .heading, alignment: alignment,
                         lineHeight: lineHeight ?? (isHeadline ? headlineLineHeight : bodyLineHeight),
                         language: language, direction: direction,
                         families: theme.families(for: language), inkClearance: theme.inkClearance(for: language))
    }

    /// Spacing scales with the type so a shrunk card keeps its proportions.
    func gap(_ value: Double) -> Double { value * factor }
    var paragraphGap: Double { gap(spacing.paragraphGap) * gapFactor }
    var sectionGap: Double { gap(spacing.sectionGap) * gapFactor }
    var itemGap: Double { gap(spacing.itemGap) * gapFactor }
    var boxPadding: Double { gap(spacing.boxPadding) * (0.5 + gapFactor / 2) }
    var columnGap: Double { gap(spacing.columnGap) }
    var listIndent: Double { gap(spacing.listIndent) }

    /// Colours after the site's brand colour and the grayscale choice.
    func color(_ role: ColorRole) -> RGB { document.colors[role] }
}

/// The one rule for side-by-side columns: equal widths with the column gap between, and no
/// more columns than keep each at least its content's minimum.
extension Styles {
    /// Running text narrower than this reads badly (A5 paper, large print).
    var minimumTextColumn: Double { spacing.minimumColumnEms * size(.body) }

    func columnWidth(_ width: Double, count: Int) -> Double {
        (width - Double(max(1, count) - 1) * columnGap) / Double(max(1, count))
    }

    /// `wanted` columns, or fewer, so that each is at least `minimum` wide.
    func columns(_ wanted: Int, in width: Double, minimum: Double) -> Int {
        var columns = max(1, wanted)
        while columns > 1 && columnWidth(width, count: columns) < minimum { columns -= 1 }
        return columns
    }
}
