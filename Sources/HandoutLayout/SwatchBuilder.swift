import HandoutModel

/// Numbered colour swatches (the stool-colour card): each group's meaning, then its
/// swatches in a row, each outlined so a pale one still shows on white paper, its number
/// under it. In greyscale the swatches are left out and the words stay: a grey square would
/// say nothing about colour, or worse, the wrong thing.
struct SwatchBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    /// Bilingual swatches: how the staff's words are set, and each group's label in their
    /// language; the swatches are drawn once.
    var companion: (Companion, [RichText])? = nil

    /// Big enough to hold a nappy against.
    static let side = points(mm: 11)

    func pieces(_ groups: [DocumentSwatchGroup], width: Double, gap: Double) throws -> [Piece] {
        // Groups side by side when each keeps its swatches on one line, else one under another.
        let sideBySide = groups.count > 1 && groups.allSatisfy { rowWidth($0.swatches.count) <= columnWidth(width, groups.count) }
        if sideBySide {
            let columnWidth = columnWidth(width, groups.count)
            var items: [PageItem] = []
            var height = 0.0
            for (index, group) in groups.enumerated() {
                let (groupItems, groupHeight) = try self.group(group, index: index, width: columnWidth)
                items += groupItems.map { $0.offsetBy(dx: Double(index) * (columnWidth + styles.columnGap), dy: 0) }
                height = max(height, groupHeight)
            }
            return [Piece(height: height, items: items, spaceBefore: gap)]
        }
        return try groups.enumerated().map { index, group in
            let (items, height) = try self.group(group, index: index, width: width)
            return Piece(height: height, items: items, spaceBefore: index == 0 ? gap : styles.paragraphGap * 1.5)
        }
    }

    private var spacing: Double { points(mm: 3) }

    private func rowWidth(_ count: Int) -> Double { Double(count) * SwatchBuilder.side + Double(max(0, count - 1)) * spacing }

    private func columnWidth(_ width: Double, _ count: Int) -> Double { styles.columnWidth(width, count: count) }

    private func group(_ group: DocumentSwatchGroup, index: Int, width: Double) throws -> ([PageItem], Double) {
        let side = SwatchBuilder.side
        var numberStyle = styles.style(.small, bold: true, alignment: .center)
        numberStyle.direction = .ltr
        let label = try measurer.typeset(group.label, style: styles.style(.body), width: width)
        var items: [PageItem] = [.beginTag(.paragraph),
                                 .frame(.text(label, origin: Point(x: 0, y: 0), color: styles.color(group.alert ? .urgent : .text)))]
        var height = label.height
        if let (companion, labels) = companion {
            let placed = try companion.place(labels[index], for: label, at: Point(x: 0, y: 0), role: .body,
                                             color: group.alert ? .urgent : .text, measurer: measurer)
            items += placed.items
            height = placed.bottom
        }
        items.append(.endTag(.paragraph))
        guard !styles.document.options.grayscale, !group.swatches.isEmpty else { return (items, height) }
        let perRow = max(1, Int((width + spacing) / (side + spacing)))
        let top = height + styles.paragraphGap
        // Read out as the numbers the group's words refer to.
        let numbers = group.swatches.map { String($0.number) }.joined(separator: ", ")
        items += [.beginTag(.figure), .tagInfo(TagInfo(alt: "\(numbers): \(group.label.plainText)"))]
        for (index, swatch) in group.swatches.enumerated() {
            let x = Double(index % perRow) * (side + spacing)
            let y = top + Double(index / perRow) * (side + spacing + numberStyle.size * 1.4)
            items.append(.frame(.rect(Rect(x: x, y: y, width: side, height: side), fill: swatch.colour,
                                      stroke: styles.color(.muted), lineWidth: 0.5)))
            let number = try measurer.typeset(RichText(plain: String(swatch.number)), style: numberStyle, width: side)
            items.append(.frame(.text(number, origin: Point(x: x, y: y + side + 1), color: styles.color(.text))))
            height = max(height, y + side + 1 + number.height)
        }
        items.append(.endTag(.figure))
        return (items, height)
    }
}
