import HandoutModel

/// The unit's phone numbers, opening hours and web link. Label and number share a line,
/// numbers are `tel:` links; without a site profile the numbers are write-in lines. On a
/// wide page the QR code stands in a panel beside the numbers, on a narrow one below them.
struct ContactsBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    let qrEncoder: QREncoder?
    /// A bilingual box: how the staff's words are set (under the mother's, in each cell).
    var companion: Companion? = nil

    /// Below this width the QR panel goes under the numbers instead of beside them.
    static let sidePanelMinimumWidth = 360.0

    /// `staff`: the same content in the staff's language, in a bilingual box.
    func pieces(_ content: [DocumentContent], width: Double, gap: Double, columns: Int, staff: [DocumentContent]? = nil) throws -> [Piece] {
        let own = Parts(content), other = staff.map(Parts.init)
        let contacts = own.contacts, paragraphs = own.paragraphs, qr = own.qr
        guard let qr, width >= ContactsBuilder.sidePanelMinimumWidth else {
            var pieces = try numberPieces(contacts, paragraphs, width: width, gap: gap, columns: columns, staff: other)
            if let qr {
                pieces.append(try qrBuilder(other).piece(url: qr.url, caption: qr.caption, shortURL: qr.shortURL, width: width,
                                                         gap: styles.paragraphGap))
            }
            return pieces
        }
        // Side by side: the numbers on the leading side, the QR panel on the trailing side.
        let panel = try qrBuilder(other).panel(url: qr.url, caption: qr.caption, shortURL: qr.shortURL, maximumWidth: width * 0.4)
        let numbersWidth = width - panel.width - styles.columnGap
        let numbers = try numberPieces(contacts, paragraphs, width: numbersWidth, gap: 0, columns: columns, staff: other)
        var items: [PageItem] = []
        var y = 0.0
        for (index, piece) in numbers.enumerated() {
            if index > 0 { y += piece.spaceBefore }
            items += piece.items.map { $0.offsetBy(dx: 0, dy: y) }
            y += piece.height
        }
        items += panel.items.map { $0.offsetBy(dx: width - panel.width, dy: 0) }
        return [Piece(height: max(y, panel.height), items: items, spaceBefore: gap)]
    }

    /// What a contacts box holds, sorted by kind.
    private struct Parts {
        var contacts: [Contact] = []
        var paragraphs: [RichText] = []
        var qr: (url: String, caption: RichText, shortURL: String)?

        init(_ content: [DocumentContent]) {
            for item in content {
                switch item {
                case .contacts(let list): contacts += list
                case .paragraph(let text): paragraphs.append(text)
                case let .qrCode(url, caption, shortURL): qr = (url, caption, shortURL)
                default: break
                }
            }
        }
    }

    private func qrBuilder(_ staff: Parts?) throws -> QRCodeBuilder {
        guard let qrEncoder else { throw LayoutError.noQREncoder(blockID: "contacts") }
        var builder = QRCodeBuilder(measurer: measurer, styles: styles, encoder: qrEncoder)
        if let companion, let caption = staff?.qr?.caption { builder.companion = (companion, caption) }
        return builder
    }

    /// Rows of label-and-number cells, then the opening hours.
    private func numberPieces(_ contacts: [Contact], _ paragraphs: [RichText], width: Double, gap: Double, columns: Int,
                              staff: Parts?) throws -> [Piece] {
        // Fewer columns when a cell would be too narrow for a label and a whole number.
        // A cell holds a label and a whole number: 16 ems of body type.
        let columns = styles.columns(columns, in: width, minimum: styles.size(.body) * 16)
        let columnWidth = styles.columnWidth(width, count: columns)
        var pieces: [Piece] = []
        var rowItems: [PageItem] = []
        var rowHeight = 0.0
        for (index, contact) in contacts.enumerated() {
            let column = index % columns
            let cell = try self.cell(contact, staffLabel: staff?.contacts[index].label, width: columnWidth)
            rowItems += cell.items.map { $0.offsetBy(dx: Double(column) * (columnWidth + styles.columnGap), dy: 0) }
            rowHeight = max(rowHeight, cell.height)
            if column == columns - 1 || index == contacts.count - 1 {
                pieces.append(Piece(height: rowHeight, items: rowItems, spaceBefore: pieces.isEmpty ? gap : styles.itemGap * 2))
                rowItems = []; rowHeight = 0
            }
        }
        for (index, paragraph) in paragraphs.enumerated() {
            let text = try measurer.typeset(paragraph, style: styles.style(.body), width: width)
            let frame = Frame.text(text, origin: Point(x: 0, y: 0), color: styles.color(.text))
            var items: [PageItem] = [.beginTag(.paragraph), .frame(frame)]
            var height = text.height
            if let companion, let other = staff?.paragraphs[index] {
                let placed = try companion.place(other, for: text, at: Point(x: 0, y: 0), role: .body, color: .text, measurer: measurer)
                items += placed.items
                height = placed.bottom
            }
            items.append(.endTag(.paragraph))
            // A web address in the text: the whole line is its link (a card has no room for a QR code).
            if let link = paragraph.runs.compactMap(\.link).first { items.append(.link(frame.bounds, uri: link)) }
            pieces.append(Piece(height: height, items: items, spaceBefore: styles.itemGap * 2))
        }
        return pieces
    }

    private func cell(_ contact: Contact, staffLabel: String?, width: Double) throws -> Piece {
        let labelWidth = width * 0.5
        let label = try measurer.typeset(RichText(plain: contact.label), style: styles.style(.body), width: labelWidth - styles.gap(6))
        var items: [PageItem] = [.beginTag(.paragraph), .frame(.text(label, origin: Point(x: 0, y: 0), color: styles.color(.text)))]
        var height = label.height
        if let companion, let staffLabel {
            let placed = try companion.place(RichText(plain: staffLabel), for: label, at: Point(x: 0, y: 0), role: .body, color: .text,
                                             measurer: measurer)
            items += placed.items
            height = placed.bottom
        }
        let numberX = labelWidth
        let baseline = label.lines.first?.baseline ?? styles.size(.body)
        if contact.number.isEmpty {
            // A write-in line, long enough for a full phone number in handwriting.
            let lineY = baseline + styles.gap(2)
            items.append(.artifact(.line(from: Point(x: numberX, y: lineY), to: Point(x: width, y: lineY),
                                         color: styles.color(.muted), width: 0.8)))
        } else {
            // Numbers are typeset left-to-right even on right-to-left pages, so they dial as
            // read, and sit next to their label (right-aligned in their box on such pages).
            var style = styles.style(.body, bold: true)
            style.direction = .ltr
            style.alignment = styles.direction == .rtl ? .end : .start
            let link = PhoneNumber.telURI(for: contact.number)
            let number = try measurer.typeset(RichText(runs: [.init(contact.number, bold: true, link: link)]), style: style,
                                              width: width - numberX)
            let origin = Point(x: numberX, y: baseline - (number.lines.first?.baseline ?? style.size))
            let frame = Frame.text(number, origin: origin, color: styles.color(.text))
            items += [.frame(frame), .link(frame.bounds, uri: link)]
            height = max(height, origin.y + number.height)
        }
        items.append(.endTag(.paragraph))
        return Piece(height: height, items: items, spaceBefore: 0)
    }
}
