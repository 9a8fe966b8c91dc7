import HandoutModel

/// One milk label, laid out as a tiny page of its own: the unit's name on top, then the
/// stock's lines of fields. A field is its name in the mother's language with the English
/// small beneath (for staff), and a line to write on after it, as long as the cell allows;
/// fresh or frozen are tick boxes. The lines share the label's height, each at least 7 mm
/// (room for a pen), so the label fails to fit rather than give a line too thin to write on.
/// Laid out left to right; a right-to-left label is mirrored as a whole by its group.
struct LabelFace {
    let measurer: TextMeasurer
    let styles: Styles
    let label: DocumentLabel

    /// The shortest line worth writing on: "12/03 14:30", or a hospital number, by hand.
    static let shortestLine = points(mm: 20)
    static let minimumRowHeight = WriteInBuilder.minimumHeight
    static let box = points(mm: 3.5)

    private var cellGap: Double { points(mm: 3) }
    private var lineGap: Double { points(mm: 1.5) }
    private var boxGap: Double { points(mm: 1.2) }

    /// The label's drawing, in its own coordinates (0, 0 at its top left), tagged.
    func items(size: Size, margins: Margins) throws -> [PageItem] {
        let inner = Rect(x: margins.left, y: margins.top, width: size.width - margins.left - margins.right,
                         height: size.height - margins.top - margins.bottom)
        var items: [PageItem] = []
        var top = inner.minY
        if let unit = label.unit {
            let text = try typeset(unit, unitStyle(for: unit), width: inner.width, key: "unit")
            // One line: the fields need the rest.
            if text.lines.count > 1 {
                throw LabelOverflow(culprit: .unit, excess: text.naturalWidth * Double(text.lines.count - 1), what: "the unit's name")
            }
            items += [.beginTag(.paragraph), .frame(.text(text, origin: Point(x: inner.minX, y: top), color: styles.color(.accent))),
                      .endTag(.paragraph)]
            top += text.height + styles.gap(0.5)
        }
        let rows = label.stock.rows
        // Each field's last baseline, and its line to write on, on the bottom of its row:
        // the lines are a row apart, the first a row below the top; what hangs below the
        // last baseline (descenders, the English's) is kept clear of the bottom margin.
        let reserve = try descentReserve()
        let rowHeight = (inner.maxY - reserve - top) / Double(rows.count)
        if rowHeight < LabelFace.minimumRowHeight - 0.01 {
            throw LabelOverflow(culprit: .rows, excess: (LabelFace.minimumRowHeight - rowHeight) * Double(rows.count),
                                what: "its \(rows.count) lines of fields at 7 mm each")
        }
        for (index, row) in rows.enumerated() {
            let rowTop = top + Double(index) * rowHeight
            items += try self.row(row, in: Rect(x: inner.minX, y: rowTop, width: inner.width, height: rowHeight), reserve: reserve)
        }
        return items
    }

    /// One line of fields: tick boxes take the room their words need, lines share the rest.
    private func row(_ fields: [LabelField], in rect: Rect, reserve: Double) throws -> [PageItem] {
        var choices: [LabelField: Choices] = [:]
        for field in fields where field.isChoice { choices[field] = try self.choices(field, height: rect.height - reserve) }
        let lineCount = fields.filter { !$0.isChoice }.count
        let fixed = choices.values.reduce(0) { $0 + $1.width }
        let lineWidth = lineCount == 0 ? 0 : (rect.width - fixed - Double(fields.count - 1) * cellGap) / Double(lineCount)
        var items: [PageItem] = []
        var x = rect.minX
        for field in fields {
            if let choice = choices[field] {
                items += choice.items.map { $0.offsetBy(dx: x, dy: rect.maxY) }
                x += choice.width + cellGap
            } else {
                items += try line(field, in: Rect(x: x, y: rect.minY, width: lineWidth, height: rect.height), reserve: reserve)
                x += lineWidth + cellGap
            }
        }
        return items
    }

    /// A field's name and its English stacked at the start of the cell, their last baseline
    /// on the bottom of the cell, and the line to write on from after them to the cell's end.
    /// Above the baseline they have the cell's height less what the row above hangs into it.
    private func line(_ field: LabelField, in cell: Rect, reserve: Double) throws -> [PageItem] {
        let words = label.words(field)[0]
        let nameWidth = cell.width - lineGap - LabelFace.shortestLine
        guard nameWidth > styles.size(.body) * 2 else {
            throw LabelOverflow(culprit: .words(words), excess: styles.size(.body) * 2 - nameWidth, what: "the line for \"\(words.text.plainText)\"")
        }
        let stack = try self.stack(words, width: nameWidth, bold: true)
        if stack.lastBaseline > cell.height - reserve + 0.01 {
            throw LabelOverflow(culprit: .words(words), excess: stack.lastBaseline - cell.height + reserve, what: "\"\(words.text.plainText)\"")
        }
        let top = cell.maxY - stack.lastBaseline
        let lineY = cell.maxY
        return stack.items.map { $0.offsetBy(dx: cell.minX, dy: top) }
            + [.artifact(.line(from: Point(x: cell.minX + stack.width + lineGap, y: lineY), to: Point(x: cell.maxX, y: lineY),
                               color: styles.color(.muted), width: 0.6))]
    }

    private struct Choices {
        /// Relative to the cell's bottom-left corner, on which the words' last baseline sits.
        let items: [PageItem]
        let width: Double
    }

    /// Tick boxes, each followed by its word and the word's English, their last baselines on
    /// the cell's bottom, in `height` above it.
    private func choices(_ field: LabelField, height: Double) throws -> Choices {
        var items: [PageItem] = []
        var x = 0.0
        for words in label.words(field) {
            let stack = try self.stack(words, width: nil, bold: false)
            if stack.lastBaseline > height + 0.01 {
                throw LabelOverflow(culprit: .words(words), excess: stack.lastBaseline - height, what: "\"\(words.text.plainText)\"")
            }
            let top = -stack.lastBaseline
            // The box sits on the word's baseline, as a box drawn by hand would.
            let boxBottom = top + stack.firstBaseline + styles.size(.body) * 0.1
            items.append(.artifact(.rect(Rect(x: x, y: boxBottom - LabelFace.box, width: LabelFace.box, height: LabelFace.box),
                                         fill: .white, stroke: styles.color(.tick), lineWidth: 0.8)))
            x += LabelFace.box + boxGap
            items += stack.items.map { $0.offsetBy(dx: x, dy: top) }
            x += stack.width + cellGap
        }
        return Choices(items: items, width: max(0, x - cellGap))
    }

    /// The most any field's words hang below their last baseline, set on one line.
    private func descentReserve() throws -> Double {
        var reserve = 0.0
        for field in LabelField.allCases {
            for words in label.words(field) {
                let stack = try self.stack(words, width: nil, bold: !field.isChoice)
                reserve = max(reserve, stack.height - stack.lastBaseline)
            }
        }
        return reserve
    }

    /// The unit's name in the label's heading style; a name in Latin letters is set as
    /// English (left to right, at English line spacing, even on a label in another script),
    /// at the label's start edge.
    private func unitStyle(for unit: RichText) -> TextStyle {
        let latin = unit.plainText.unicodeScalars.allSatisfy { $0.value < 0x250 || !$0.properties.isAlphabetic }
        guard latin else { return styles.style(.heading, bold: true) }
        var english = styles
        english.language = "en"
        english.direction = .ltr
        // One line (longer is refused), so set a little tighter than a headline: the
        // fields below need the room.
        return english.style(.heading, bold: true, alignment: styles.direction == .rtl ? .end : .start, lineHeight: 1.1)
    }

    private struct Stack {
        let items: [PageItem]
        let width: Double
        let height: Double
        let firstBaseline: Double
        let lastBaseline: Double
    }

    /// The words over their English (smaller, muted), from the top-left corner; `width` nil
    /// sets each on one line at its own width.
    private func stack(_ words: DocumentLabel.Words, width: Double?, bold: Bool) throws -> Stack {
        let style = styles.style(.body, bold: bold)
        let name = try typeset(words.text, style, width: width, key: words.key)
        let staff = try words.staff.map { staff -> TypesetText in
            var english = styles
            english.language = "en"
            english.direction = .ltr
            // Under the words' start: the right edge on a right-to-left label, which is
            // mirrored as a whole.
            let alignment: TextStyle.Alignment = styles.direction == .rtl ? .end : .start
            return try typeset(staff, english.style(.small, alignment: alignment), width: width, key: words.key)
        }
        // Both boxes at the stack's start edge: its left, and its right once a right-to-left
        // label is mirrored (a mirrored box keeps its width and moves to the other side).
        let width = max(name.boxWidth, staff?.boxWidth ?? 0)
        var items: [PageItem] = [.beginTag(.paragraph), .frame(.text(name, origin: Point(x: 0, y: 0), color: styles.color(.text))),
                                 .endTag(.paragraph)]
        var lastBaseline = name.lines.last?.baseline ?? style.size
        if let staff {
            items += [.beginTag(.paragraph), .tagInfo(TagInfo(language: "en")),
                      .frame(.text(staff, origin: Point(x: 0, y: name.height), color: styles.color(.muted))),
                      .endTag(.paragraph)]
            lastBaseline = name.height + (staff.lines.last?.baseline ?? 0)
        }
        return Stack(items: items, width: width, height: name.height + (staff?.height ?? 0),
                     firstBaseline: name.lines.first?.baseline ?? style.size, lastBaseline: lastBaseline)
    }

    /// Text in a box as wide as its widest line, broken to `width` when longer (on one line
    /// when nil): a right-to-left label mirrors each box, so a box only as wide as its text
    /// keeps the text where it was measured.
    private func typeset(_ text: RichText, _ style: TextStyle, width: Double?, key: String) throws -> TypesetText {
        do {
            let natural = try measurer.typeset(text, style: style, width: 10_000).naturalWidth + 1
            guard let width, width < natural else { return try measurer.typeset(text, style: style, width: natural) }
            let broken = try measurer.typeset(text, style: style, width: width)
            return try measurer.typeset(text, style: style, width: min(width, broken.naturalWidth + 1))
        } catch let error as TypesetError {
            throw LayoutError.typeset(blockID: key == "unit" ? "label (the unit's name)" : "label (strings.\(key))", error)
        }
    }
}

/// What did not fit on a label at a given type size.
struct LabelOverflow: Error, Sendable {
    let culprit: Culprit
    enum Culprit: Sendable {
        /// A field's words, from the guide.
        case words(DocumentLabel.Words)
        /// The unit's name, from the site profile.
        case unit
        /// The label's lines of fields (the layout's label_stock rows).
        case rows
    }
    /// By how much, in points.
    let excess: Double
    let what: String
}
