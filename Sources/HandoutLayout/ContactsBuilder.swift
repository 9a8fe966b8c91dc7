import HandoutModel

/// The unit's phone numbers: label and number on one line, numbers as `tel:` links. Without
/// a site profile the numbers are write-in lines for the ward to fill by hand.
struct ContactsBuilder {
    let measurer: TextMeasurer
    let styles: Styles

    func pieces(_ contacts: [Contact], width: Double, gap: Double, columns: Int) throws -> [Piece] {
        let columnWidth = (width - Double(columns - 1) * styles.columnGap) / Double(columns)
        var pieces: [Piece] = []
        var rowItems: [PageItem] = []
        var rowHeight = 0.0
        for (index, contact) in contacts.enumerated() {
            let column = index % columns
            let cell = try self.cell(contact, width: columnWidth)
            rowItems += cell.items.map { $0.offsetBy(dx: Double(column) * (columnWidth + styles.columnGap), dy: 0) }
            rowHeight = max(rowHeight, cell.height)
            if column == columns - 1 || index == contacts.count - 1 {
                pieces.append(Piece(height: rowHeight, items: rowItems, spaceBefore: pieces.isEmpty ? gap : styles.itemGap * 2))
                rowItems = []; rowHeight = 0
            }
        }
        return pieces
    }

    private func cell(_ contact: Contact, width: Double) throws -> Piece {
        let labelWidth = width * 0.48
        let label = try measurer.typeset(RichText(plain: contact.label), style: styles.style(.body), width: labelWidth - styles.gap(6))
        var items: [PageItem] = [.beginTag(.paragraph), .frame(.text(label, origin: Point(x: 0, y: 0), color: styles.color("text")))]
        var height = label.height
        let numberX = labelWidth
        let baseline = label.lines.first?.baseline ?? styles.size(.body)
        if contact.number.isEmpty {
            // A write-in line, long enough for a full phone number in handwriting.
            let lineY = baseline + styles.gap(2)
            items.append(.artifact(.line(from: Point(x: numberX, y: lineY), to: Point(x: width, y: lineY),
                                         color: styles.color("muted"), width: 0.8)))
        } else {
            // Numbers are typeset left-to-right even on right-to-left pages, so they dial as read.
            var style = styles.style(.body, bold: true)
            style.direction = .ltr
            // ...and sit next to their label: right-aligned in their box on right-to-left pages.
            style.alignment = styles.document.direction == .rtl ? .end : .start
            let link = "tel:" + contact.number.filter { !$0.isWhitespace }
            let number = try measurer.typeset(RichText(runs: [.init(contact.number, bold: true, link: link)]), style: style,
                                              width: width - numberX)
            let origin = Point(x: numberX, y: baseline - (number.lines.first?.baseline ?? style.size))
            let frame = Frame.text(number, origin: origin, color: styles.color("text"))
            items += [.frame(frame), .link(frame.bounds, uri: link)]
            height = max(height, origin.y + number.height)
        }
        items.append(.endTag(.paragraph))
        return Piece(height: height, items: items, spaceBefore: 0)
    }
}
