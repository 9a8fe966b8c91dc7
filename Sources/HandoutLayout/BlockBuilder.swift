import HandoutModel

/// Turns one document block into a stack of pieces, choosing the look from its component.
struct BlockBuilder {
    let measurer: TextMeasurer
    let styles: Styles
    let qrEncoder: QREncoder?
    let images: ImageMeasurer

    /// The block laid out in its own language and direction: built from its start edge,
    /// then resolved to left and right within its own box, so a page can hold blocks of
    /// two directions.
    func stack(for block: DocumentBlock, width: Double) throws -> BlockStack {
        let own = BlockBuilder(measurer: measurer, styles: styles.forBlock(block), qrEncoder: qrEncoder, images: images)
        var stack = try own.startEdgeStack(for: block, width: width)
        if block.direction == .rtl {
            // Each piece becomes a frame resolved right to left within the block's inside width.
            let inside = width - 2 * (stack.decoration?.padding ?? 0)
            func resolved(_ piece: Piece) -> Piece {
                var copy = piece
                copy.items = [.group(ItemGroup(width: inside, rightToLeft: true, items: piece.items))]
                return copy
            }
            stack.pieces = stack.pieces.map(resolved)
            stack.continuation = stack.continuation.map(resolved)
            stack.decoration?.barAtEnd = true
        }
        return stack
    }

    private func startEdgeStack(for block: DocumentBlock, width: Double) throws -> BlockStack {
        let decoration = self.decoration(for: block.component)
        let inner = width - 2 * (decoration?.padding ?? 0) - (decoration?.bar != nil ? 4 : 0)
        // A bilingual block: the staff's words beside or under the mother's, item by item.
        let companion = block.companion.map { Companion($0, own: styles, width: inner) }
        let other = block.companion
        var pieces: [Piece] = []
        do {
            if let heading = block.heading {
                pieces.append(try headingPiece(heading, component: block.component, width: inner, companion: companion,
                                               staffHeading: other?.heading))
            }
            if block.component == .contacts {
                pieces += try ContactsBuilder(measurer: measurer, styles: styles, qrEncoder: qrEncoder, companion: companion?.beneath)
                    .pieces(block.content, width: inner, gap: pieces.isEmpty ? 0 : styles.paragraphGap, columns: block.listColumns,
                            staff: other?.content)
            }
            for (index, content) in block.content.enumerated() where block.component != .contacts {
                let gap = pieces.isEmpty ? 0 : styles.paragraphGap
                var added = try self.pieces(for: content, block: block, width: inner, gap: gap, companion: companion,
                                            staff: other?.content[index])
                // A lead-in paragraph stays with the list, table or tracker it introduces.
                if case .paragraph = content, index + 1 < block.content.count, !added.isEmpty {
                    added[added.count - 1].keepWithNext = true
                }
                pieces += added
            }
            if let legend = block.urgentLegend {
                let text = try measurer.typeset(legend, style: styles.style(.body, bold: true), width: companion?.ownWidth(inner) ?? inner)
                let (items, height) = try paired(text, color: .urgent, companion: companion, staff: other?.urgentLegend, role: .body, bold: true)
                pieces.append(Piece(height: height, items: items, spaceBefore: styles.paragraphGap))
            }
        } catch let error as TypesetError {
            throw LayoutError.typeset(blockID: block.id, error)
        }
        // The leading bar sits outside the padding: shift content past it.
        if decoration?.bar != nil {
            pieces = pieces.map { piece in
                var moved = piece
                moved.items = piece.items.map { $0.offsetBy(dx: 4, dy: 0) }
                return moved
            }
        }
        var stack = BlockStack(id: block.id, pieces: pieces, decoration: decoration, spaceBefore: styles.sectionGap)
        // Boxes are read as a whole: never split while a page could hold them. A tracker's
        // header row, or a box's heading marked "continued", heads each further page.
        stack.keepTogether = [.alert, .box, .contacts].contains(block.component)
        if let header = pieces.first(where: \.repeatsOnNewPage) {
            stack.continuation = Piece(height: header.height, items: header.items.flatMap(\.asDecoration), spaceBefore: 0)
        } else if stack.keepTogether, let heading = block.heading {
            let continued = heading + RichText(plain: " " + styles.document.continuedLabel)
            let staffContinued = other?.heading.map { $0 + RichText(plain: " " + (styles.document.companion?.continuedLabel ?? "")) }
            var piece = try headingPiece(continued, component: block.component, width: inner, companion: companion,
                                         staffHeading: staffContinued)
            piece.items = piece.items.flatMap(\.asDecoration)
            piece.keepWithNext = false
            stack.continuation = piece
        }
        return stack
    }

    func decoration(for component: Component) -> Decoration? {
        switch component {
        case .section, .table, .tracker, .sources: return nil
        case .box: return Decoration(fill: styles.color(.boxFill), stroke: nil, bar: nil, padding: styles.boxPadding)
        case .alert:
            return Decoration(fill: styles.color(.alertFill), stroke: styles.color(.alertLine),
                              bar: styles.color(.alertLine), padding: styles.boxPadding)
        case .contacts: return Decoration(fill: nil, stroke: styles.color(.rule), bar: nil, padding: styles.boxPadding)
        }
    }

    func headingPiece(_ heading: RichText, component: Component, width: Double, companion: Companion? = nil,
                      staffHeading: RichText? = nil) throws -> Piece {
        let text = try measurer.typeset(heading, style: styles.style(.heading), width: companion?.ownWidth(width) ?? width)
        let role: ColorRole = component == .alert ? .urgent : .accent
        guard let companion, let staffHeading else {
            return Piece(height: text.height,
                         items: [.beginTag(.heading2), .frame(.text(text, origin: Point(x: 0, y: 0), color: styles.color(role))),
                                 .endTag(.heading2), .outline(title: heading.plainText, level: 2, y: 0)],
                         spaceBefore: 0, keepWithNext: true)
        }
        // Both languages in the heading, and in its outline entry.
        let staff = try companion.place(staffHeading, for: text, at: Point(x: 0, y: 0), role: .heading, color: role, measurer: measurer)
        return Piece(height: staff.bottom,
                     items: [.beginTag(.heading2), .frame(.text(text, origin: Point(x: 0, y: 0), color: styles.color(role)))]
                         + staff.items
                         + [.endTag(.heading2), .outline(title: heading.plainText + " — " + staffHeading.plainText, level: 2, y: 0)],
                     spaceBefore: 0, keepWithNext: true)
    }

    func paragraphItems(_ text: TypesetText, color: RGB) -> [PageItem] {
        [.beginTag(.paragraph), .frame(.text(text, origin: Point(x: 0, y: 0), color: color)), .endTag(.paragraph)]
    }

    /// A paragraph at the block's start, with the staff's words for it when the block is bilingual.
    func paired(_ text: TypesetText, color: ColorRole, companion: Companion?, staff: RichText?, role: TypeRole,
                bold: Bool = false) throws -> (items: [PageItem], height: Double) {
        guard let companion, let staff else { return (paragraphItems(text, color: styles.color(color)), text.height) }
        let placed = try companion.place(staff, for: text, at: Point(x: 0, y: 0), role: role, bold: bold, color: color, measurer: measurer)
        return ([.beginTag(.paragraph), .frame(.text(text, origin: Point(x: 0, y: 0), color: styles.color(color)))] + placed.items
                    + [.endTag(.paragraph)], placed.bottom)
    }

    /// `companion` and `staff`: in a bilingual block, how the staff's words are set and the
    /// same content in their language (paragraphs and lists take the mother's column when
    /// the two are side by side; grids take the whole width, both languages in each cell).
    func pieces(for content: DocumentContent, block: DocumentBlock, width: Double, gap: Double,
                companion: Companion? = nil, staff: DocumentContent? = nil) throws -> [Piece] {
        let cells = companion?.beneath
        switch content {
        case .paragraph(let rich):
            let isSources = block.component == .sources
            let style = isSources ? styles.style(.small) : styles.style(.body)
            let text = try measurer.typeset(rich, style: style, width: companion?.ownWidth(width) ?? width)
            let color: ColorRole = isSources ? .muted : .text
            guard case .paragraph(let other)? = staff else {
                return [Piece(height: text.height, items: paragraphItems(text, color: styles.color(color)), spaceBefore: gap)]
            }
            let (items, height) = try paired(text, color: color, companion: companion, staff: other, role: isSources ? .small : .body)
            return [Piece(height: height, items: items, spaceBefore: gap)]
        case let .list(style, items):
            var list = ListBuilder(measurer: measurer, styles: styles, style: style)
            if case .list(_, let others)? = staff { list.companion = companion.map { ($0, others) } }
            return try list.pieces(items, width: companion?.ownWidth(width) ?? width, columns: block.listColumns, gap: gap)
        case let .table(header, rows):
            var table = TableBuilder(measurer: measurer, styles: styles)
            if case let .table(otherHeader, otherRows)? = staff { table.companion = cells.map { ($0, [otherHeader] + otherRows) } }
            return try table.pieces(header: header, rows: rows, width: width, gap: gap)
        case .tracker(let tracker):
            var builder = TrackerBuilder(measurer: measurer, styles: styles)
            if case .tracker(let other)? = staff { builder.companion = cells.map { ($0, other) } }
            return try builder.pieces(tracker, width: width, gap: gap)
        case .contacts:
            return try ContactsBuilder(measurer: measurer, styles: styles, qrEncoder: qrEncoder, companion: cells)
                .pieces([content], width: width, gap: gap, columns: block.listColumns, staff: staff.map { [$0] })
        case let .qrCode(url, caption, shortURL):
            guard let qrEncoder else { throw LayoutError.noQREncoder(blockID: block.id) }
            var builder = QRCodeBuilder(measurer: measurer, styles: styles, encoder: qrEncoder)
            if case .qrCode(_, let other, _)? = staff { builder.companion = cells.map { ($0, other) } }
            return [try builder.piece(url: url, caption: caption, shortURL: shortURL, width: width, gap: gap)]
        case .figure(let figure):
            var builder = FigureBuilder(measurer: measurer, styles: styles, images: images)
            if case .figure(let other)? = staff, let caption = other.caption { builder.companion = cells.map { ($0, caption) } }
            return [try builder.piece(figure, width: width, gap: gap)]
        case .swatches(let groups):
            var builder = SwatchBuilder(measurer: measurer, styles: styles)
            if case .swatches(let others)? = staff { builder.companion = cells.map { ($0, others.map(\.label)) } }
            return try builder.pieces(groups, width: width, gap: gap)
        case .writeIns(let fields):
            var builder = WriteInBuilder(measurer: measurer, styles: styles)
            if case .writeIns(let others)? = staff { builder.companion = cells.map { ($0, others) } }
            return try builder.pieces(fields, width: width, columns: block.listColumns, gap: gap)
        }
    }
}

/// Why a document could not be laid out.
public enum LayoutError: Error, Sendable, CustomStringConvertible {
    /// Text that a typesetter refused (a character no font has).
    case typeset(blockID: String, TypesetError)
    /// A QR code was asked for but no encoder was given to the layouter.
    case noQREncoder(blockID: String)
    /// The QR encoder refused the text (too long for a QR code, say).
    case qrCode(blockID: String, String)
    /// A picture that cannot be measured (missing, unreadable).
    case image(blockID: String, String)
    /// Content that does not fit the allowed pages, even at the smallest allowed type.
    case overflow(handout: String, language: String, blockID: String, page: Int, excess: Double, allowedPages: Int,
                  smallestBody: Double)

    public var description: String {
        switch self {
        case let .typeset(blockID, error):
            return "block \(blockID): \(error)"
        case let .noQREncoder(blockID):
            return "block \(blockID): a QR code needs an encoder (libqrencode)"
        case let .qrCode(blockID, problem), let .image(blockID, problem):
            return "block \(blockID): \(problem)"
        case let .overflow(handout, language, blockID, page, excess, allowedPages, smallestBody):
            let mm = excess * 25.4 / 72
            return "\(handout) (\(language)) does not fit on \(allowedPages) page\(allowedPages == 1 ? "" : "s"): block \(blockID) runs "
                + "\(excess.fixed(0)) pt (\(mm.fixed(0)) mm)"
                + " past the bottom of page \(page) even with body text at \(smallestBody.fixed(1)) pt"
                + " — shorten the text of that block or move it to another page in the layout"
        }
    }
}
