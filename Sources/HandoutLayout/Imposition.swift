import HandoutModel

/// Cards n-up on a sheet for the print room: fronts on page 1, backs on page 2 placed so
/// that long-edge duplex printing puts each back behind its front, and crop marks in the
/// margin on every cut line. Cards abut (one cut between neighbours); the marks stay
/// outside the trim, so no mark is printed on a card.
public struct Imposition: Sendable {
    public let sheet: PageSize
    public let columns: Int
    public let rows: Int
    /// The white border around the block of cards, where the crop marks go.
    public let margin: Double

    public static let markLength = points(mm: 4)
    /// Marks start this far from the trim, so a slightly-off cut does not show them.
    public static let markOffset = points(mm: 1.5)

    public init(sheet: PageSize, cards: Int, margin: Double = points(mm: 7)) {
        self.sheet = sheet
        self.columns = cards >= 4 ? 2 : 1
        self.rows = cards >= 2 ? 2 : 1
        self.margin = margin
    }

    public var cardsPerSheet: Int { columns * rows }

    /// The trim size of each card: the card's own paper if it fits, else as large as the
    /// sheet allows (the card is then laid out again at this size, never just scaled).
    public func cellSize(for card: PageSize) -> PageSize {
        PageSize(width: min(card.width, (sheet.width - 2 * margin) / Double(columns)),
                 height: min(card.height, (sheet.height - 2 * margin) / Double(rows)))
    }

    /// Front and back of a two-page card, `cardsPerSheet` times each.
    public func impose(_ card: LaidOutDocument) -> LaidOutDocument {
        let cell = card.pages.first.map { PageSize(width: $0.size.width, height: $0.size.height) } ?? sheet
        let blockWidth = cell.width * Double(columns), blockHeight = cell.height * Double(rows)
        let left = (sheet.width - blockWidth) / 2, top = (sheet.height - blockHeight) / 2
        let size = Size(width: sheet.width, height: sheet.height)
        let area = Rect(x: left, y: top, width: blockWidth, height: blockHeight)
        var pages: [LaidOutPage] = []
        for (face, cardPage) in card.pages.prefix(2).enumerated() {
            var items: [PageItem] = cropMarks(left: left, top: top, cell: cell)
            var placed: [(id: String, rect: Rect)] = []
            for row in 0..<rows {
                for column in 0..<columns {
                    // Long-edge duplex mirrors the sheet left to right: a back goes in the
                    // mirrored column of its front.
                    let slot = face == 0 ? column : columns - 1 - column
                    let dx = left + Double(slot) * cell.width, dy = top + Double(row) * cell.height
                    let isFirstCopy = row == 0 && column == 0
                    items += copy(cardPage.items, dx: dx, dy: dy, tagged: isFirstCopy)
                    placed += cardPage.placedBlocks.map { ($0.id, $0.rect.offsetBy(dx: dx, dy: dy)) }
                    placed.append(("card \(row * columns + column + 1)", Rect(x: dx, y: dy, width: cell.width, height: cell.height)))
                }
            }
            pages.append(LaidOutPage(size: size, items: items, contentArea: area, bodyArea: area, placedBlocks: placed))
        }
        return LaidOutDocument(document: card.document, pages: pages, scale: card.scale, gapScale: card.gapScale,
                               lineScale: card.lineScale)
    }

    /// One copy of a card face. Only the first copy carries structure tags and outline
    /// entries: a screen reader reads the card once, not four times.
    private func copy(_ items: [PageItem], dx: Double, dy: Double, tagged: Bool) -> [PageItem] {
        items.compactMap { item in
            switch item {
            case .beginTag, .endTag, .outline: return tagged ? item : nil
            case .frame(let frame): return tagged ? item.offsetBy(dx: dx, dy: dy) : PageItem.artifact(frame).offsetBy(dx: dx, dy: dy)
            default: return item.offsetBy(dx: dx, dy: dy)
            }
        }
    }

    /// Marks on every cut line, in the margin only.
    private func cropMarks(left: Double, top: Double, cell: PageSize) -> [PageItem] {
        let right = left + cell.width * Double(columns), bottom = top + cell.height * Double(rows)
        let xs = (0...columns).map { left + Double($0) * cell.width }
        let ys = (0...rows).map { top + Double($0) * cell.height }
        let length = min(Imposition.markLength, margin - Imposition.markOffset - 1)
        var marks: [PageItem] = []
        func mark(_ a: Point, _ b: Point) { marks.append(.artifact(.line(from: a, to: b, color: .black, width: 0.25))) }
        for x in xs {
            mark(Point(x: x, y: top - Imposition.markOffset), Point(x: x, y: top - Imposition.markOffset - length))
            mark(Point(x: x, y: bottom + Imposition.markOffset), Point(x: x, y: bottom + Imposition.markOffset + length))
        }
        for y in ys {
            mark(Point(x: left - Imposition.markOffset, y: y), Point(x: left - Imposition.markOffset - length, y: y))
            mark(Point(x: right + Imposition.markOffset, y: y), Point(x: right + Imposition.markOffset + length, y: y))
        }
        return marks
    }
}
