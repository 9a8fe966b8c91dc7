import HandoutModel

/// Bulleted, numbered and tick-box lists: one piece per item, so long lists can break
/// between items. Urgent items get a ✱ marker and bold text, so their meaning never rests
/// on colour alone.
struct ListBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    let style: DocumentContent.ListStyle
    /// A bilingual list: how the staff's words are set, and their items, one for each of ours.
    /// Each pair is one piece, under one marker, so a page never parts an item from its
    /// translation and a tick box is never drawn twice.
    var companion: (Companion, [DocumentItem])? = nil

    static let urgentMarker = "✱"

    func pieces(_ items: [DocumentItem], width: Double, columns: Int, gap: Double) throws -> [Piece] {
        // Side-by-side items only while each column stays wide enough for the type.
        // List items are short: a little narrower than running text still reads well.
        // Beside the staff's column, one column of items: each row is a pair.
        let columns = companion?.0.isBeside == true ? 1 : styles.columns(columns, in: width, minimum: styles.minimumTextColumn * 0.8)
        if columns > 1 { return [try columnsPiece(items, width: width, columns: columns, gap: gap)] }
        var pieces: [Piece] = []
        for (index, item) in items.enumerated() {
            var piece = try itemPiece(item, number: index + 1, width: width)
            piece.spaceBefore = index == 0 ? gap : styles.itemGap
            if index == 0 { piece.items.insert(.beginTag(.list), at: 0) }
            if index == items.count - 1 { piece.items.append(.endTag(.list)) }
            pieces.append(piece)
        }
        return pieces
    }

    /// Items side by side in `columns` columns, filled top to bottom, as one piece.
    private func columnsPiece(_ items: [DocumentItem], width: Double, columns: Int, gap: Double) throws -> Piece {
        let columnWidth = styles.columnWidth(width, count: columns)
        let measured = try items.enumerated().map { try itemPiece($1, number: $0 + 1, width: columnWidth) }
        let total = measured.reduce(0) { $0 + $1.height + styles.itemGap }
        var result: [PageItem] = [.beginTag(.list)]
        var column = 0, y = 0.0, height = 0.0
        for piece in measured {
            if y > 0, y + piece.height > total / Double(columns) + 1, column < columns - 1 {
                column += 1; y = 0
            }
            if y > 0 { y += styles.itemGap }
            let dx = Double(column) * (columnWidth + styles.columnGap)
            result += piece.items.map { $0.offsetBy(dx: dx, dy: y) }
            y += piece.height
            height = max(height, y)
        }
        result.append(.endTag(.list))
        return Piece(height: height, items: result, spaceBefore: gap)
    }

    /// Room for the marker: numbered badges and tick boxes are wider than a bullet.
    private var indent: Double {
        switch style {
        case .bullet: return styles.listIndent
        case .number, .checkbox: return styles.listIndent + styles.size(.body) * 0.75
        }
    }

    private func itemPiece(_ item: DocumentItem, number: Int, width: Double) throws -> Piece {
        let indent = self.indent
        let body = styles.style(.body)
        let text = try measurer.typeset(item.urgent ? bold(item.text) : item.text, style: body, width: width - indent)
        let staff = companion.map { ($0.0, $0.1[number - 1]) }
        var items: [PageItem] = [.beginTag(.listItem)]
        items += try marker(for: item, number: number, firstBaseline: text.lines.first?.baseline ?? body.size, indent: indent)
        items += [.beginTag(.listBody), .frame(.text(text, origin: Point(x: indent, y: 0), color: styles.color(.text)))]
        var height = text.height
        if let (companion, other) = staff {
            let placed = try companion.place(other.urgent ? bold(other.text) : other.text, for: text, at: Point(x: indent, y: 0),
                                             role: .body, bold: other.urgent, color: .text, measurer: measurer)
            items += placed.items
            height = placed.bottom
        }
        // Sub-items stay with their parent (one piece), as a list nested in its body.
        if !item.children.isEmpty {
            let subIndent = indent * 0.9
            items.append(.beginTag(.list))
            for (childIndex, child) in item.children.enumerated() {
                height += styles.itemGap
                let childText = try measurer.typeset(child.urgent ? bold(child.text) : child.text, style: body,
                                                     width: width - indent - subIndent)
                let baseline = height + (childText.lines.first?.baseline ?? body.size)
                items.append(.beginTag(.listItem))
                if child.urgent {
                    items += try urgentMarker(x: indent, baseline: baseline, width: subIndent)
                } else {
                    items.append(.artifact(.disc(center: Point(x: indent + subIndent * 0.35, y: baseline - body.size * 0.33),
                                                 radius: body.size * 0.12, color: styles.color(.muted))))
                }
                items += [.beginTag(.listBody),
                          .frame(.text(childText, origin: Point(x: indent + subIndent, y: height), color: styles.color(.text)))]
                var childHeight = childText.height
                if let (companion, other) = staff {
                    let staffChild = other.children[childIndex]
                    let placed = try companion.place(staffChild.urgent ? bold(staffChild.text) : staffChild.text, for: childText,
                                                     at: Point(x: indent + subIndent, y: height), role: .body, bold: staffChild.urgent,
                                                     color: .text, measurer: measurer, indent: subIndent)
                    items += placed.items
                    childHeight = placed.bottom
                }
                items += [.endTag(.listBody), .endTag(.listItem)]
                height += childHeight
            }
            items.append(.endTag(.list))
        }
        items += [.endTag(.listBody), .endTag(.listItem)]
        return Piece(height: height, items: items, spaceBefore: 0)
    }

    private func marker(for item: DocumentItem, number: Int, firstBaseline: Double, indent: Double) throws -> [PageItem] {
        let size = styles.size(.body)
        if item.urgent { return try urgentMarker(x: 0, baseline: firstBaseline, width: indent) }
        switch style {
        case .bullet:
            return [.artifact(.disc(center: Point(x: indent * 0.35, y: firstBaseline - size * 0.33), radius: size * 0.17,
                                    color: styles.color(.accent)))]
        case .checkbox:
            let side = size * 0.95
            return [.artifact(.rect(Rect(x: 0, y: firstBaseline - size * 0.8, width: side, height: side),
                                    fill: .white, stroke: styles.color(.tick), lineWidth: 1))]
        case .number:
            // A numbered badge: digits in a disc read the same in either direction.
            // Digits at body size: the step number is content, not decoration.
            let radius = size * 0.72
            let center = Point(x: radius, y: firstBaseline - size * 0.35)
            var digitStyle = styles.style(.body, bold: true, alignment: .center, lineHeight: 1)
            digitStyle.direction = .ltr
            let digits = try measurer.typeset(RichText(plain: String(number)), style: digitStyle, width: radius * 2)
            let baseline = digits.lines.first?.baseline ?? digitStyle.size
            return [.artifact(.disc(center: center, radius: radius, color: styles.color(.accent))),
                    .beginTag(.label),
                    .frame(.text(digits, origin: Point(x: center.x - radius, y: center.y - baseline + digitStyle.size * 0.36),
                                 color: styles.color(.onAccent))),
                    .endTag(.label)]
        }
    }

    private func urgentMarker(x: Double, baseline: Double, width: Double) throws -> [PageItem] {
        let style = styles.style(.body, bold: true)
        let mark = try measurer.typeset(RichText(plain: ListBuilder.urgentMarker), style: style, width: width)
        let markBaseline = mark.lines.first?.baseline ?? style.size
        return [.beginTag(.label),
                .frame(.text(mark, origin: Point(x: x, y: baseline - markBaseline), color: styles.color(.urgent))),
                .endTag(.label)]
    }

    private func bold(_ text: RichText) -> RichText {
        RichText(runs: text.runs.map { RichText.Run($0.text, bold: true, link: $0.link) })
    }
}
