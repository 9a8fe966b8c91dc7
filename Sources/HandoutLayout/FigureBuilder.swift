import HandoutModel

/// A picture of the guide (vector, from `Guide/figures/`), sized by the layout like any
/// block: at its stated width when it is drawn to scale (a 2.5 cm circle is 2.5 cm on the
/// page, on every paper and at every type scale), else as wide as a pictogram reads well.
/// The caption goes beside a small picture and under a large one.
struct FigureBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    let images: ImageMeasurer

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
            let origin = beside ? Point(x: drawnWidth + styles.gap(8), y: max(0, (drawnHeight - text.height) / 2))
                                : Point(x: 0, y: drawnHeight + styles.paragraphGap)
            items += [.beginTag(.caption), .frame(.text(text, origin: origin, color: styles.color(.text))), .endTag(.caption)]
            height = max(height, origin.y + text.height)
        }
        return Piece(height: height, items: items, spaceBefore: gap)
    }
}
