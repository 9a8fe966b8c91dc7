import HandoutModel

/// Places to write by hand: a label and a line (at least 7 mm high, room for a pen on a
/// cheap printout), or a label and tick boxes for its choices. Several fields share a row
/// when the layout asks for columns and each stays wide enough.
struct WriteInBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    /// Bilingual fields: how the staff's words are set, and their fields, one for each of
    /// ours; each label and choice carries both languages, the line or box is drawn once.
    var companion: (Companion, [DocumentWriteIn])? = nil

    static let minimumHeight = points(mm: 7)
    /// The shortest line worth writing on: a name, a date, a weight.
    static let minimumLine = points(mm: 30)

    func pieces(_ fields: [DocumentWriteIn], width: Double, columns: Int, gap: Double) throws -> [Piece] {
        // A field needs its label and a line long enough to write on.
        let columns = styles.columns(columns, in: width, minimum: WriteInBuilder.minimumLine * 2)
        let cellWidth = styles.columnWidth(width, count: columns)
        var pieces: [Piece] = []
        for start in stride(from: 0, to: fields.count, by: columns) {
            var items: [PageItem] = []
            var height = 0.0
            for (offset, field) in fields[start..<min(fields.count, start + columns)].enumerated() {
                let cell = try self.cell(field, staff: companion.map { ($0.0, $0.1[start + offset]) }, width: cellWidth)
                let dx = Double(offset) * (cellWidth + styles.columnGap)
                items += cell.items.map { $0.offsetBy(dx: dx, dy: 0) }
                height = max(height, cell.height)
            }
            pieces.append(Piece(height: height, items: items, spaceBefore: pieces.isEmpty ? gap : styles.itemGap))
        }
        return pieces
    }

    /// One field: the label on the line's start side, the line (or the choices) after it;
    /// a label too long to leave room for the line goes above it.
    private func cell(_ field: DocumentWriteIn, staff: (Companion, DocumentWriteIn)?, width: Double) throws -> (items: [PageItem], height: Double) {
        let style = styles.style(.body, bold: true)
        var natural = try measurer.typeset(field.label, style: style, width: 10_000).naturalWidth
        if let (companion, other) = staff {
            natural = max(natural, try companion.naturalWidth(other.label, role: .body, bold: true, measurer: measurer))
        }
        let inline = natural + styles.gap(6) + WriteInBuilder.minimumLine <= width
        let label = try measurer.typeset(field.label, style: style, width: inline ? natural + 1 : width)
        var items: [PageItem] = [.beginTag(.paragraph), .frame(.text(label, origin: Point(x: 0, y: 0), color: styles.color(.text)))]
        // The staff's label under the mother's; the line runs beside (or under) both.
        var labelHeight = label.height
        if let (companion, other) = staff {
            let placed = try companion.place(other.label, for: label, at: Point(x: 0, y: 0), role: .body, bold: true, color: .text,
                                             measurer: measurer)
            items += placed.items
            labelHeight = placed.bottom
        }
        let baseline = label.lines.last?.baseline ?? style.size
        let rowTop = inline ? 0 : labelHeight
        let rowHeight = max(WriteInBuilder.minimumHeight, inline ? labelHeight : style.size * 1.2)
        let startX = inline ? natural + styles.gap(6) : 0
        let lineY = inline ? max(rowHeight - 1, baseline + styles.gap(2)) : rowTop + rowHeight - 1
        if field.choices.isEmpty {
            items.append(.artifact(.line(from: Point(x: startX, y: lineY), to: Point(x: width, y: lineY),
                                         color: styles.color(.muted), width: 0.8)))
        } else {
            var x = startX
            let box = points(mm: 4.5)
            var below = 0.0
            for (index, choice) in field.choices.enumerated() {
                let boxY = lineY - box
                items.append(.artifact(.rect(Rect(x: x, y: boxY, width: box, height: box), fill: .white,
                                             stroke: styles.color(.tick), lineWidth: 1)))
                // Set at its own width: a text box is mirrored as a whole on right-to-left pages.
                let choiceWidth = try measurer.typeset(choice, style: styles.style(.body), width: 10_000).naturalWidth + 1
                let text = try measurer.typeset(choice, style: styles.style(.body), width: choiceWidth)
                let textBaseline = text.lines.first?.baseline ?? style.size
                let origin = Point(x: x + box + styles.gap(3), y: lineY - textBaseline)
                items.append(.frame(.text(text, origin: origin, color: styles.color(.text))))
                var advance = text.naturalWidth
                // The staff's word for the choice under the mother's, beside the same box.
                if let (companion, other) = staff {
                    let choiceWidth = try companion.naturalWidth(other.choices[index], role: .body, measurer: measurer) + 1
                    let placed = try companion.place(other.choices[index], at: Point(x: origin.x, y: origin.y + text.height),
                                                     width: max(choiceWidth, text.boxWidth), role: .body, color: .text, measurer: measurer)
                    items += placed.items
                    advance = max(advance, choiceWidth)
                    below = max(below, origin.y + text.height + placed.height - (rowTop + rowHeight))
                }
                x += box + styles.gap(3) + advance + styles.gap(10)
            }
            items.append(.endTag(.paragraph))
            return (items, rowTop + rowHeight + max(0, below))
        }
        items.append(.endTag(.paragraph))
        return (items, rowTop + rowHeight)
    }
}
