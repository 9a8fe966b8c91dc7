import HandoutModel

/// The unit's web link as a QR code (vector squares, quiet zone kept) with a caption and
/// the short address printed beside it, for readers without a phone camera.
struct QRCodeBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    let encoder: QREncoder
    /// A bilingual caption: how the staff's words are set, and the caption in their language.
    var companion: (Companion, RichText)? = nil

    /// About 20 mm across on a sheet: scans easily from a phone at reading distance.
    static let symbolSize = points(mm: 20)

    /// The symbol's dark modules as rectangles and its side, quiet zone included.
    private func symbol(_ url: String) throws -> (rects: [Rect], side: Double) {
        let matrix: QRMatrix
        do { matrix = try encoder.encode(url) } catch { throw LayoutError.qrCode(blockID: "contacts", String(describing: error)) }
        let module = QRCodeBuilder.symbolSize * min(1, styles.factor) / Double(matrix.size)
        return (matrix.rects(module: module), Double(matrix.size + 8) * module)
    }

    func piece(url: String, caption: RichText, shortURL: String, width: Double, gap: Double) throws -> Piece {
        let (rects, side) = try symbol(url)
        let textX = side + styles.gap(4)
        let captionText = try measurer.typeset(caption, style: styles.style(.body, bold: true), width: width - textX)
        var urlStyle = styles.style(.body)
        urlStyle.direction = .ltr
        urlStyle.alignment = styles.direction == .rtl ? .end : .start
        let link = try measurer.typeset(RichText(runs: [.init(shortURL, link: url)]), style: urlStyle, width: width - textX)
        let staff = try companion.map { companion, other in
            try companion.place(other, for: captionText, at: Point(x: textX, y: 0), role: .body, bold: true, color: .text, measurer: measurer)
        } ?? (items: [], bottom: captionText.height)
        let textHeight = staff.bottom + link.height
        let textY = max(0, (side - textHeight) / 2)
        let linkFrame = Frame.text(link, origin: Point(x: textX, y: textY + staff.bottom), color: styles.color(.accent))
        let items: [PageItem] = [
            .beginTag(.figure), .tagInfo(TagInfo(alt: "QR code: \(url)")),
            .frame(.rects(rects, fill: .black)),
            .endTag(.figure),
            .beginTag(.paragraph),
            .frame(.text(captionText, origin: Point(x: textX, y: textY), color: styles.color(.text))),
        ] + staff.items.map { $0.offsetBy(dx: 0, dy: textY) } + [
            .frame(linkFrame),
            .link(linkFrame.bounds, uri: url),
            .link(Rect(x: 0, y: 0, width: side, height: side), uri: url),
            .endTag(.paragraph),
        ]
        return Piece(height: max(side, textY + textHeight), items: items, spaceBefore: gap)
    }

    /// A narrow panel: caption on top, the code, the short address under it.
    func panel(url: String, caption: RichText, shortURL: String, maximumWidth: Double) throws -> (items: [PageItem], width: Double, height: Double) {
        let (rects, side) = try symbol(url)
        var urlStyle = styles.style(.body)
        urlStyle.direction = .ltr
        urlStyle.alignment = .center
        let natural = try measurer.typeset(RichText(plain: shortURL), style: urlStyle, width: 10_000).naturalWidth + 1
        let width = min(maximumWidth, max(side, natural))
        var captionStyle = styles.style(.body, bold: true)
        captionStyle.alignment = .center
        let captionText = try measurer.typeset(caption, style: captionStyle, width: width)
        let link = try measurer.typeset(RichText(runs: [.init(shortURL, link: url)]), style: urlStyle, width: width)
        let staff = try companion.map { companion, other in
            try companion.place(other, at: Point(x: 0, y: captionText.height), width: width, role: .body, bold: true, color: .text,
                                measurer: measurer, alignment: .center)
        } ?? (items: [], height: 0)
        let qrX = (width - side) / 2, qrY = captionText.height + staff.height
        let linkFrame = Frame.text(link, origin: Point(x: 0, y: qrY + side), color: styles.color(.accent))
        let items: [PageItem] = [
            .beginTag(.paragraph),
            .frame(.text(captionText, origin: Point(x: 0, y: 0), color: styles.color(.text))),
        ] + staff.items + [
            .endTag(.paragraph),
            .beginTag(.figure), .tagInfo(TagInfo(alt: "QR code: \(url)")),
            .frame(.rects(rects.map { $0.offsetBy(dx: qrX, dy: qrY) }, fill: .black)),
            .endTag(.figure),
            .link(Rect(x: qrX, y: qrY, width: side, height: side), uri: url),
            .beginTag(.paragraph), .frame(linkFrame), .link(linkFrame.bounds, uri: url), .endTag(.paragraph),
        ]
        return (items, width, qrY + side + link.height)
    }
}
