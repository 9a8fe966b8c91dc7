import HandoutModel

/// The second language of a bilingual block, as the builders set it: the staff's words
/// beside the mother's (a column of their own on the side her reading ends) or under each of
/// her texts, in smaller, lighter type. Each of the staff's texts goes inside the element of
/// the mother's text it translates, as a `Span` tagged with its own language, so the
/// structure pairs them as the page does and a screen reader switches voice.
struct Companion {
    enum Arrangement: Equatable {
        /// In a column of their own, `x` from the block's start edge and `width` wide; the
        /// mother's column is the block's first `ownWidth` points.
        case beside(ownWidth: Double, x: Double, width: Double)
        /// Under each of the mother's texts, in the same box.
        case beneath
    }

    let arrangement: Arrangement
    /// The staff's language, direction and fonts, at the companion size.
    let styles: Styles
    /// The mother's direction: set beneath, the staff's words keep to her side of the box.
    let ownDirection: TextDirection

    /// The staff's type is this much of the mother's: small enough to be read second, large
    /// enough for a midwife to read at arm's length…
    static let sizeRatio = 0.75
    /// A bilingual sheet that does not fit its designed pages shrinks both languages' type
    /// uniformly, at most to this share of the design (the checklist on A4: 12 pt to about
    /// 10.5 pt for the mother, 9 pt to about 7.9 pt for the staff), before it takes more pages.
    static let bilingualFloor = 0.85
    /// …and never below the scale's small size (the footer's: 9 pt on sheets, 16 pt in large
    /// print) at the design's size.
    static func factor(for own: Styles) -> Double {
        own.factor * max(sizeRatio, own.document.scale[.small] / own.document.scale[.body])
    }

    /// The staff's words (`staffBlock`, the companion) in a box `width` wide: side by side when both columns
    /// keep the theme's shortest readable measure, each in its own language's ems (A4 and
    /// Letter at full width), else beneath (half-width columns, A5, large print).
    init(_ staffBlock: DocumentBlock, own: Styles, width: Double) {
        var staff = Styles(document: own.document, factor: Companion.factor(for: own))
        staff.gapFactor = own.gapFactor
        staff.lineFactor = own.lineFactor
        staff = staff.forBlock(staffBlock)
        styles = staff
        ownDirection = own.direction
        // Equal measures in ems: each column holds about as many words as the other.
        let gap = own.columnGap
        let staffWidth = (width - gap) * staff.size(.body) / (own.size(.body) + staff.size(.body))
        let ownWidth = width - gap - staffWidth
        if ownWidth >= own.minimumTextColumn && staffWidth >= staff.minimumTextColumn {
            arrangement = .beside(ownWidth: ownWidth, x: ownWidth + gap, width: staffWidth)
        } else {
            arrangement = .beneath
        }
    }

    private init(arrangement: Arrangement, styles: Styles, ownDirection: TextDirection) {
        self.arrangement = arrangement; self.styles = styles; self.ownDirection = ownDirection
    }

    /// For grids (a tracker, a table, fields, swatches, captions, contacts): the staff's
    /// words under the mother's in each cell, the grid itself drawn once.
    var beneath: Companion { Companion(arrangement: .beneath, styles: styles, ownDirection: ownDirection) }

    /// The width the mother's text flows in: her column when side by side, else all of it.
    func ownWidth(_ width: Double) -> Double {
        if case .beside(let ownWidth, _, _) = arrangement { return ownWidth }
        return width
    }

    var isBeside: Bool { if case .beside = arrangement { return true }; return false }

    /// The staff's style for a role. Set beneath in the other direction (English under
    /// Arabic), the lines align to the mother's side, so each pair reads as one.
    func style(_ role: TypeRole, bold: Bool = false) -> TextStyle {
        var style = styles.style(role, bold: bold)
        // Headings in the staff's language: the heading's colour, not its weight.
        if role == .heading || role == .title { style.bold = bold }
        if arrangement == .beneath && styles.direction != ownDirection { style.alignment = .end }
        return style
    }

    /// Lighter: body text in the muted colour; headings, links and urgent words keep theirs.
    func color(_ own: ColorRole) -> RGB {
        styles.color(own == .text ? .muted : own)
    }

    /// The staff's `text` set for the mother's `own`, placed at `origin`: under it, or in the
    /// staff's column with the first baselines level. Returns the items (a tagged `Span`) and
    /// how far below `origin.y` the pair reaches. `indent` moves it in within the staff's
    /// column (a sub-item).
    func place(_ text: RichText, for own: TypesetText, at origin: Point, role: TypeRole, bold: Bool = false,
               color: ColorRole, measurer: TextMeasurer, indent: Double = 0) throws -> (items: [PageItem], bottom: Double) {
        // Words that read the same in both ("2.5 cm") are not printed twice.
        guard !text.isEmpty, text.plainText != own.text.plainText else { return ([], own.height) }
        let style = self.style(role, bold: bold)
        switch arrangement {
        case .beneath:
            let set = try measurer.typeset(text, style: style, width: own.boxWidth)
            let top = own.height + styles.gap(1)
            return (span(set, at: Point(x: origin.x, y: origin.y + top), color: color), top + set.height)
        case let .beside(_, x, width):
            let set = try measurer.typeset(text, style: style, width: width - indent)
            let shift = max(0, (own.lines.first?.baseline ?? 0) - (set.lines.first?.baseline ?? 0))
            return (span(set, at: Point(x: x + indent, y: origin.y + shift), color: color), max(own.height, shift + set.height))
        }
    }

    /// A text of the staff's set on its own, under a point (a cell whose own text is not a
    /// typeset paragraph): items and its height.
    func place(_ text: RichText, at origin: Point, width: Double, role: TypeRole, bold: Bool = false, color: ColorRole,
               measurer: TextMeasurer, alignment: TextStyle.Alignment? = nil) throws -> (items: [PageItem], height: Double) {
        guard !text.isEmpty else { return ([], 0) }
        var style = style(role, bold: bold)
        if let alignment { style.alignment = alignment }
        let set = try measurer.typeset(text, style: style, width: width)
        return (span(set, at: origin, color: color), set.height)
    }

    /// The staff's words as set at their natural width (for sizing columns).
    func naturalWidth(_ text: RichText, role: TypeRole, bold: Bool = false, measurer: TextMeasurer) throws -> Double {
        text.isEmpty ? 0 : try measurer.typeset(text, style: style(role, bold: bold), width: 10_000).naturalWidth
    }

    private func span(_ text: TypesetText, at origin: Point, color role: ColorRole) -> [PageItem] {
        [.beginTag(.span), .tagInfo(TagInfo(language: styles.language)),
         .frame(.text(text, origin: origin, color: color(role))), .endTag(.span)]
    }
}
