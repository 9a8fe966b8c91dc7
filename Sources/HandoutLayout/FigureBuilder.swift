import HandoutModel

/// A picture of the guide (vector, from `Guide/figures/`), sized by the layout like any
/// block: at its stated width when it is drawn to scale (a 2.5 cm circle is 2.5 cm on the
/// page, on every paper and at every type scale), else as wide as a pictogram reads well.
/// The caption goes beside a small picture and under a large one.
struct FigureBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    let images: ImageMeasurer
    /// A bilingual figure: how the staff's words are set, and the caption in their language.
    var companion: (Companion, RichText)? = nil

    /// A pictogram without a stated width: wide enough to read at arm's length.
    static let pictogramWidth = points(mm: 34)

    func piece(_ figure: DocumentFigure, width: Double, gap: Double) throws -> Piece {
        let image = ImageRef.figure(figure.id)
        let natural: Size
        do { natural = try images.size(of: image) } catch {
            throw LayoutError.image(blockID: figure.id, "figure \(figure.id): \(error)")
        }
        guard natural.width > 0, natural.height > 0 else { throw LayoutError.image(blockID: figure.id, "figure \(figure.id) has no size") }
        let drawnWidth = figure.widthMM.map { points(mm: $0) } ?? min(width, FigureBuilder.pictogramWidth)
        guard drawnWidth <= width + 0.01 else {
            throw LayoutError.image(blockID: figure.id, "figure \(figure.id) is drawn \(figure.widthMM.map { $0.fixed(0) } ?? "?") mm wide, wider than its column (\((width * 25.4 / 72).fixed(0)) mm)")
        }
        let drawnHeight = drawnWidth * natural.height / natural.width
        var items: [PageItem] = [.beginTag(.figure), .tagInfo(TagInfo(alt: figure.alt)),
                                 .frame(.image(image, rect: Rect(x: 0, y: 0, width: drawnWidth, height: drawnHeight))),
                                 .endTag(.figure)]
        var height = drawnHeight
        if let caption = figure.caption {
            let beside = drawnWidth < width * 0.4
            let captionWidth = beside ? width - drawnWidth - styles.gap(8) : width
            let text = try measurer.typeset(caption, style: styles.style(.body), width: captionWidth)
            let x = beside ? drawnWidth + styles.gap(8) : 0
            // The staff's caption under the mother's; a caption beside the picture is centred on it as a pair.
            let staff = try companion.map { companion, other in
                try companion.place(other, for: text, at: Point(x: x, y: 0), role: .body, color: .text, measurer: measurer)
            } ?? (items: [], bottom: text.height)
            let y = beside ? max(0, (drawnHeight - staff.bottom) / 2) : drawnHeight + styles.paragraphGap
            items += [.beginTag(.caption), .frame(.text(text, origin: Point(x: x, y: y), color: styles.color(.text)))]
                + staff.items.map { $0.offsetBy(dx: 0, dy: y) } + [.endTag(.caption)]
            height = max(height, y + staff.bottom)
        }
        return Piece(height: height, items: items, spaceBefore: gap)
    }
}
