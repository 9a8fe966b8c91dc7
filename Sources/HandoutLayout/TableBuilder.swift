import HandoutModel

/// A small comparison table: a tinted header row, rules between rows, columns sized from
/// their content. Each row is a piece, so a table splits between rows when it must, its
/// header row repeated at the top of the next page.
struct TableBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    /// A bilingual table: how the staff's words are set, and their header and rows; each
    /// cell holds both languages, the mother's first.
    var companion: (Companion, [[RichText]])? = nil

    func pieces(header: [RichText], rows: [[RichText]], width: Double, gap: Double) throws -> [Piece] {
        let pad = styles.gap(4)
        let columns = header.count
        let widths = try columnWidths(header: header, rows: rows, width: width, pad: pad)
        var pieces: [Piece] = []
        for (rowIndex, cells) in ([header] + rows).enumerated() {
            let isHeader = rowIndex == 0
            var texts: [TypesetText] = []
            var staffItems: [[PageItem]] = []
            var heights: [Double] = []
            var x = 0.0
            for (column, cell) in cells.enumerated() {
                let style = styles.style(.table, bold: isHeader || column == 0)
                let text = try measurer.typeset(cell, style: style, width: widths[column] - 2 * pad)
                texts.append(text)
                if let (companion, staffRows) = companion {
                    let placed = try companion.place(staffRows[rowIndex][column], for: text, at: Point(x: x + pad, y: pad), role: .table,
                                                     bold: isHeader || column == 0, color: isHeader ? .accent : .text, measurer: measurer)
                    staffItems.append(placed.items)
                    heights.append(placed.bottom)
                } else {
                    staffItems.append([])
                    heights.append(text.height)
                }
                x += widths[column]
            }
            let rowHeight = (heights.max() ?? 0) + 2 * pad
            var items: [PageItem] = []
            if isHeader {
                items.append(.beginTag(.table))
                items.append(.artifact(.rect(Rect(x: 0, y: 0, width: width, height: rowHeight), fill: styles.color(.boxFill),
                                             stroke: nil, lineWidth: 0)))
            }
            items.append(.beginTag(.tableRow))
            x = 0.0
            for column in 0..<columns {
                let role: StructureRole = isHeader ? .tableHeader : .tableCell
                let color = isHeader ? styles.color(.accent) : styles.color(.text)
                items += [.beginTag(role), .frame(.text(texts[column], origin: Point(x: x + pad, y: pad), color: color))]
                    + staffItems[column] + [.endTag(role)]
                x += widths[column]
            }
            items.append(.endTag(.tableRow))
            items.append(.artifact(.line(from: Point(x: 0, y: rowHeight), to: Point(x: width, y: rowHeight), color: styles.color(.rule),
                                         width: isHeader ? 1.2 : 0.6)))
            if rowIndex == rows.count { items.append(.endTag(.table)) }
            pieces.append(Piece(height: rowHeight, items: items, spaceBefore: isHeader ? gap : 0,
                                keepWithNext: isHeader, repeatsOnNewPage: isHeader))
        }
        return pieces
    }

    /// Each column gets its content's natural width when everything fits; otherwise space
    /// is shared in proportion to natural width, with a floor so no column is starved.
    private func columnWidths(header: [RichText], rows: [[RichText]], width: Double, pad: Double) throws -> [Double] {
        let columns = header.count
        var natural = [Double](repeating: 0, count: columns)
        var longestWord = [Double](repeating: 0, count: columns)
        for (rowIndex, cells) in ([header] + rows).enumerated() {
            for (column, cell) in cells.enumerated() {
                let style = styles.style(.table, bold: rowIndex == 0 || column == 0)
                let text = try measurer.typeset(cell, style: style, width: 10_000)
                natural[column] = max(natural[column], text.naturalWidth + 2 * pad + 1)
                for word in cell.plainText.split(separator: " ") {
                    let wordWidth = try measurer.typeset(RichText(plain: String(word), bold: style.bold), style: style, width: 10_000).naturalWidth
                    longestWord[column] = max(longestWord[column], wordWidth + 2 * pad + 1)
                }
                // The staff's words share the cell: no word of theirs may be split either.
                if let (companion, staffRows) = companion {
                    let staff = staffRows[rowIndex][column], bold = rowIndex == 0 || column == 0
                    natural[column] = max(natural[column], try companion.naturalWidth(staff, role: .table, bold: bold, measurer: measurer) + 2 * pad + 1)
                    for word in staff.plainText.split(separator: " ") {
                        let wordWidth = try companion.naturalWidth(RichText(plain: String(word)), role: .table, bold: bold, measurer: measurer)
                        longestWord[column] = max(longestWord[column], wordWidth + 2 * pad + 1)
                    }
                }
            }
        }
        let total = natural.reduce(0, +)
        if total <= width {
            let extra = (width - total) / Double(columns)
            return natural.map { $0 + extra }
        }
        // Too wide: every column keeps at least its longest word (no word is split), and the
        // rest of the width goes where the text is.
        let minimumTotal = longestWord.reduce(0, +)
        guard minimumTotal < width else { return longestWord.map { $0 * width / minimumTotal } }
        let share = (width - minimumTotal) / max(1, total - minimumTotal)
        return zip(longestWord, natural).map { $0 + ($1 - $0) * share }
    }
}
