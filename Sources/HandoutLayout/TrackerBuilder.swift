import HandoutModel

/// The day-by-day tracker: a row per day, a column per thing to count; each cell holds
/// pen-sized tick boxes (at least 4.5 mm) and the day's target under them.
struct TrackerBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    /// A bilingual tracker: how the staff's words are set, and the tracker in their language.
    /// The grid and its tick boxes are drawn once; each label and target carries both.
    var companion: (Companion, DocumentTracker)? = nil

    /// 4.5 mm: big enough to tick with a pen on a cheap printout.
    static let minimumBox = points(mm: 4.5)

    /// The header row keeps with the first day; each day is a piece of its own, so on a
    /// small page (A5, large print) the tracker continues on the next page between days.
    func pieces(_ tracker: DocumentTracker, width: Double, gap: Double) throws -> [Piece] {
        let pad = styles.gap(5)
        let box = max(TrackerBuilder.minimumBox, styles.size(.body) * 1.05)
        let boxGap = box * 0.3
        let headerStyle = styles.style(.table, bold: true)
        let dayStyle = styles.style(.body, bold: true)
        let targetStyle = styles.style(.table)

        // The day column is as wide as its longest label; the rest is shared by box count.
        var dayWidth = try measurer.typeset(tracker.dayHeading, style: headerStyle, width: 10_000).naturalWidth
        for row in tracker.rows {
            dayWidth = max(dayWidth, try measurer.typeset(row.label, style: dayStyle, width: 10_000).naturalWidth)
        }
        if let (companion, other) = companion {
            dayWidth = max(dayWidth, try companion.naturalWidth(other.dayHeading, role: .table, bold: true, measurer: measurer))
            for row in other.rows {
                dayWidth = max(dayWidth, try companion.naturalWidth(row.label, role: .body, bold: true, measurer: measurer))
            }
        }
        dayWidth += 2 * pad + 1
        let widths = try columnWidths(tracker, available: width - dayWidth, box: box, boxGap: boxGap, pad: pad, style: targetStyle)
        let boundaries = widths.dropLast().reduce(into: [dayWidth]) { $0.append($0.last! + $1) }

        /// The grid around one row: side borders, column rules, the rule under it.
        func grid(height: Double, top: Bool) -> [PageItem] {
            let rule = styles.color(.rule)
            var items: [PageItem] = [
                .artifact(.line(from: Point(x: 0, y: 0), to: Point(x: 0, y: height), color: rule, width: 0.8)),
                .artifact(.line(from: Point(x: width, y: 0), to: Point(x: width, y: height), color: rule, width: 0.8)),
                .artifact(.line(from: Point(x: 0, y: height), to: Point(x: width, y: height), color: rule, width: 0.6)),
            ]
            if top { items.append(.artifact(.line(from: Point(x: 0, y: 0), to: Point(x: width, y: 0), color: rule, width: 0.8))) }
            items += boundaries.map { .artifact(.line(from: Point(x: $0, y: 0), to: Point(x: $0, y: height), color: rule, width: 0.6)) }
            return items
        }

        // Header row.
        var headerTexts = [try measurer.typeset(tracker.dayHeading, style: headerStyle, width: dayWidth - 2 * pad)]
        for (index, column) in tracker.columns.enumerated() {
            headerTexts.append(try measurer.typeset(column.label, style: headerStyle, width: widths[index] - 2 * pad))
        }
        // The staff's words for each heading, under the mother's.
        var headerStaff: [(items: [PageItem], bottom: Double)] = headerTexts.map { ([], $0.height) }
        if let (companion, other) = companion {
            let labels = [other.dayHeading] + other.columns.map(\.label)
            var x = 0.0
            for (index, text) in headerTexts.enumerated() {
                headerStaff[index] = try companion.place(labels[index], for: text, at: Point(x: x + pad, y: pad), role: .table, bold: true,
                                                         color: .accent, measurer: measurer)
                x += index == 0 ? dayWidth : widths[index - 1]
            }
        }
        let headerHeight = (headerStaff.map(\.bottom).max() ?? 0) + 2 * pad
        var header: [PageItem] = [.artifact(.rect(Rect(x: 0, y: 0, width: width, height: headerHeight), fill: styles.color(.boxFill),
                                                  stroke: nil, lineWidth: 0))]
        header += grid(height: headerHeight, top: true)
        header += [.beginTag(.table), .beginTag(.tableRow)]
        var x = 0.0
        for (index, text) in headerTexts.enumerated() {
            header += [.beginTag(.tableHeader), .frame(.text(text, origin: Point(x: x + pad, y: pad), color: styles.color(.accent)))]
                + headerStaff[index].items + [.endTag(.tableHeader)]
            x += index == 0 ? dayWidth : widths[index - 1]
        }
        header.append(.endTag(.tableRow))
        var pieces = [Piece(height: headerHeight, items: header, spaceBefore: gap, keepWithNext: true, repeatsOnNewPage: true)]

        for (rowIndex, row) in tracker.rows.enumerated() {
            let label = try measurer.typeset(row.label, style: dayStyle, width: dayWidth - 2 * pad)
            let staffRow = companion.map { ($0.0, $0.1.rows[rowIndex]) }
            let staffLabel = try staffRow.map { companion, other in
                try companion.place(other.label, for: label, at: Point(x: pad, y: pad), role: .body, bold: true, color: .text,
                                    measurer: measurer)
            } ?? (items: [], bottom: label.height)
            var cellItems: [PageItem] = []
            var rowHeight = staffLabel.bottom + 2 * pad
            x = dayWidth
            for (index, column) in tracker.columns.enumerated() {
                let inner = widths[index] - 2 * pad
                if column.boxes == 0 {
                    // A line to write on (the day's weight), pen-high like every write-in field.
                    let cellHeight = WriteInBuilder.minimumHeight + 2 * pad
                    let lineY = cellHeight - pad
                    cellItems += [.beginTag(.tableCell),
                                  .artifact(.line(from: Point(x: x + pad, y: lineY), to: Point(x: x + pad + inner, y: lineY),
                                                  color: styles.color(.muted), width: 0.8)),
                                  .endTag(.tableCell)]
                    rowHeight = max(rowHeight, cellHeight)
                    x += widths[index]
                    continue
                }
                // Balanced lines of boxes (6 + 6, not 11 + 1): easier to count at a glance.
                let fitting = max(1, Int((inner + boxGap) / (box + boxGap)))
                let lines = (column.boxes + fitting - 1) / fitting
                let perLine = (column.boxes + lines - 1) / lines
                var cell: [PageItem] = []
                for boxIndex in 0..<column.boxes {
                    let bx = x + pad + Double(boxIndex % perLine) * (box + boxGap)
                    let by = pad + Double(boxIndex / perLine) * (box + boxGap)
                    cell.append(.artifact(.rect(Rect(x: bx, y: by, width: box, height: box), fill: .white,
                                                stroke: styles.color(.tick), lineWidth: 1)))
                }
                var cellHeight = Double(lines) * (box + boxGap) - boxGap + 2 * pad
                let target = row.targets[index]
                if !target.isEmpty {
                    let text = try measurer.typeset(target, style: targetStyle, width: inner)
                    let origin = Point(x: x + pad, y: cellHeight - pad + styles.gap(3))
                    let staff = try staffRow.map { companion, other in
                        try companion.place(other.targets[index], for: text, at: origin, role: .table, color: .text, measurer: measurer)
                    } ?? (items: [], bottom: text.height)
                    cell += [.beginTag(.paragraph), .frame(.text(text, origin: origin, color: styles.color(.text)))]
                        + staff.items + [.endTag(.paragraph)]
                    cellHeight += staff.bottom + styles.gap(3)
                }
                cellItems += [.beginTag(.tableCell)] + cell + [.endTag(.tableCell)]
                rowHeight = max(rowHeight, cellHeight)
                x += widths[index]
            }
            var items = grid(height: rowHeight, top: false)
            items.append(.beginTag(.tableRow))
            items += [.beginTag(.tableHeader), .frame(.text(label, origin: Point(x: pad, y: pad), color: styles.color(.text)))]
                + staffLabel.items + [.endTag(.tableHeader)]
            items += cellItems
            items.append(.endTag(.tableRow))
            if rowIndex == tracker.rows.count - 1 { items.append(.endTag(.table)) }
            pieces.append(Piece(height: rowHeight, items: items, spaceBefore: 0))
        }
        return pieces
    }

    /// Each column would like its boxes on one line and its longest target unbroken; when
    /// that is too wide, columns give up space down to half their boxes per line (boxes wrap
    /// to a second line) and their longest word.
    private func columnWidths(_ tracker: DocumentTracker, available: Double, box: Double, boxGap: Double, pad: Double,
                              style: TextStyle) throws -> [Double] {
        var preferred: [Double] = [], minimum: [Double] = [], headingFloor: [Double] = []
        for (index, column) in tracker.columns.enumerated() {
            var longestTarget = 0.0, longestWord = 0.0
            for row in tracker.rows where !row.targets[index].isEmpty {
                let target = row.targets[index]
                longestTarget = max(longestTarget, try measurer.typeset(target, style: style, width: 10_000).naturalWidth)
                for word in target.plainText.split(separator: " ") {
                    longestWord = max(longestWord, try measurer.typeset(RichText(plain: String(word)), style: style, width: 10_000).naturalWidth)
                }
            }
            // The staff's targets share the cell, smaller: their words must fit whole too.
            if let (companion, other) = companion {
                for row in other.rows where !row.targets[index].isEmpty {
                    let target = row.targets[index]
                    longestTarget = max(longestTarget, try companion.naturalWidth(target, role: .table, measurer: measurer))
                    for word in target.plainText.split(separator: " ") {
                        longestWord = max(longestWord, try companion.naturalWidth(RichText(plain: String(word)), role: .table, measurer: measurer))
                    }
                }
            }
            // The heading's words stay whole: in Thai and Burmese, with no spaces between
            // words, a heading squeezed narrower than a word would be cut inside it.
            var headingWord = 0.0
            for word in column.label.plainText.split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" }) {
                headingWord = max(headingWord, try measurer.typeset(RichText(plain: String(word)), style: styles.style(.table, bold: true),
                                                                    width: 10_000).naturalWidth)
            }
            headingFloor.append(headingWord + 2 * pad + 1)
            if column.boxes == 0 {
                // Room to write a weight such as "3.45 kg" by hand.
                let label = try measurer.typeset(column.label, style: styles.style(.table, bold: true), width: 10_000).naturalWidth
                preferred.append(max(points(mm: 22), label + 2 * pad + 1))
                minimum.append(max(points(mm: 16), headingWord + 2 * pad + 1))
                continue
            }
            longestWord = max(longestWord, headingWord)
            // More than 6 boxes read best as two rows (a day's 12 feeds as 6 + 6).
            let oneLine = Double(min(column.boxes, 6)) * (box + boxGap) - boxGap
            let twoLines = Double((column.boxes + 1) / 2) * (box + boxGap) - boxGap
            preferred.append(max(oneLine, longestTarget) + 2 * pad + 1)
            minimum.append(max(twoLines, longestWord) + 2 * pad + 1)
        }
        let preferredTotal = preferred.reduce(0, +), minimumTotal = minimum.reduce(0, +)
        if preferredTotal <= available {
            return preferred.map { $0 + (available - preferredTotal) * $0 / preferredTotal }
        }
        // Share what there is between the minimum and the preferred widths.
        let share = max(0, (available - minimumTotal) / max(1, preferredTotal - minimumTotal))
        let widths = zip(minimum, preferred).map { $0 + ($1 - $0) * share }
        let scale = available / widths.reduce(0, +)
        return keepingHeadingsWhole(widths.map { $0 * scale }, floors: headingFloor)
    }

    /// A column squeezed narrower than its heading's longest word takes that width back
    /// from the others in proportion to theirs (their boxes wrap onto one more line).
    private func keepingHeadingsWhole(_ widths: [Double], floors: [Double]) -> [Double] {
        var widths = widths
        let short = widths.indices.filter { widths[$0] < floors[$0] }
        let others = widths.indices.filter { !short.contains($0) }
        let deficit = short.reduce(0) { $0 + floors[$1] - widths[$1] }
        let othersTotal = others.reduce(0) { $0 + widths[$1] }
        guard deficit > 0, othersTotal > 2 * deficit else { return widths }
        for index in short { widths[index] = floors[index] }
        for index in others { widths[index] -= deficit * widths[index] / othersTotal }
        return widths
    }
}
