import HandoutModel

/// Cards n-up on a sheet for the print room, with crop marks in the margin on every cut
/// line, placed so that long-edge duplex printing puts each back behind its front.
///
/// A two-faced card: fronts on page 1, backs on page 2. A four-faced card is a folded card:
/// each copy is a spread of two panels (faces 4 and 1 outside on page 1, faces 2 and 3
/// inside on page 2) with fold marks at its middle, to be cut out and folded in half.
/// Cards abut (one cut between neighbours); the marks stay outside the trim.
public struct Imposition: Sendable {
    public let sheet: PageSize
    /// Copies across and down the sheet.
    public let columns: Int
    public let rows: Int
    /// Panels per copy across: 2 for a folded card.
    public let panels: Int
    /// The white border around the block of cards, where the marks go.
    public let margin: Double

    public static let markLength = points(mm: 4)
    /// Marks start this far from the trim, so a slightly-off cut does not show them.
    public static let markOffset = points(mm: 1.5)

    /// `faces`: 2 for a card printed both sides, 4 for a folded card.
    public init(sheet: PageSize, cards: Int, faces: Int = 2, margin: Double = points(mm: 7)) {
        self.sheet = sheet
        panels = faces == 4 ? 2 : 1
        // A folded card's spread is landscape: two copies sit one above the other.
        self.columns = faces == 4 ? 1 : (cards >= 4 ? 2 : 1)
        self.rows = cards >= 2 ? 2 : 1
        self.margin = margin
    }

    public var cardsPerSheet: Int { columns * rows }

    /// Why a request cannot be imposed, or nil: a folded card's spreads go two to a sheet.
    public static func problem(cards: Int, faces: Int) -> String? {
        faces == 4 && cards != 2 ? "the card folds (four faces): it goes 2 to a sheet, use --n-up 2" : nil
    }

    /// The trim size of each panel: the card's own paper if it fits, else as large as the
    /// sheet allows (the card is then laid out again at this size, never just scaled).
    public func cellSize(for card: PageSize) -> PageSize {
        PageSize(width: min(card.width, (sheet.width - 2 * margin) / Double(columns * panels)),
                 height: min(card.height, (sheet.height - 2 * margin) / Double(rows)))
    }

    /// The faces of each side of the sheet, left to right within one copy, as seen when
    /// that side is printed.
    private func sides(faceCount: Int) -> [[Int]] {
        faceCount >= 4 ? [[3, 0], [1, 2]] : [[0], [1]]
    }

    public func impose(_ card: LaidOutDocument) -> LaidOutDocument {
        let cell = card.pages.first.map { PageSize(width: $0.size.width, height: $0.size.height) } ?? sheet
        let unitWidth = cell.width * Double(panels)
        let blockWidth = unitWidth * Double(columns), blockHeight = cell.height * Double(rows)
        let left = (sheet.width - blockWidth) / 2, top = (sheet.height - blockHeight) / 2
        let size = Size(width: sheet.width, height: sheet.height)
        let area = Rect(x: left, y: top, width: blockWidth, height: blockHeight)
        // Each face once as it reads (the first copy, tagged for screen readers) and once as
        // decoration (the other copies): copies are frames placed on the sheet, not rewrites.
        let tagged = card.pages.map(\.items)
        let untagged = card.pages.map { $0.items.flatMap { $0.flattened() }.compactMap(Imposition.decoration) }
        var pages: [LaidOutPage] = []
        for (side, faces) in sides(faceCount: card.pages.count).enumerated() {
            var items: [PageItem] = cropMarks(left: left, top: top, unit: unitWidth, cell: cell)
            var placed: [(id: String, rect: Rect)] = []
            for row in 0..<rows {
                for column in 0..<columns {
                    // Long-edge duplex mirrors the sheet left to right: a back goes in the
                    // mirrored column of its front.
                    let slot = side == 0 ? column : columns - 1 - column
                    let unitX = left + Double(slot) * unitWidth, dy = top + Double(row) * cell.height
                    let isFirstCopy = row == 0 && column == 0
                    for (panel, face) in faces.enumerated() where face < card.pages.count {
                        let dx = unitX + Double(panel) * cell.width
                        let cardPage = card.pages[face]
                        // Clipped to the card: nothing of one card can print on its neighbour.
                        items.append(.group(ItemGroup(offset: Point(x: dx, y: dy), width: cell.width,
                                                      clip: Rect(x: 0, y: 0, width: cell.width, height: cell.height),
                                                      items: isFirstCopy ? tagged[face] : untagged[face])))
                        placed += cardPage.placedBlocks.map { ($0.id, $0.rect.offsetBy(dx: dx, dy: dy)) }
                    }
                    placed.append(("card \(row * columns + column + 1)", Rect(x: unitX, y: dy, width: unitWidth, height: cell.height)))
                }
            }
            pages.append(LaidOutPage(size: size, items: items, contentArea: area, bodyArea: area, placedBlocks: placed))
        }
        return LaidOutDocument(document: card.document, pages: pages, scale: card.scale, gapScale: card.gapScale,
                               lineScale: card.lineScale)
    }

    /// An item of a copy after the first: only the first carries structure tags and outline
    /// entries, so a screen reader reads the card once, not four times.
    private static func decoration(_ item: PageItem) -> PageItem? {
        switch item {
        case .beginTag, .endTag, .outline: return nil
        case .frame(let frame): return .artifact(frame)
        default: return item
        }
    }

    /// Crop marks on every cut line and dotted fold marks at each spread's middle, in the
    /// margin only.
    private func cropMarks(left: Double, top: Double, unit: Double, cell: PageSize) -> [PageItem] {
        let right = left + unit * Double(columns), bottom = top + cell.height * Double(rows)
        let xs = (0...columns).map { left + Double($0) * unit }
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
        guard panels == 2 else { return marks }
        // Fold marks: short dashes, so they are not mistaken for a cut.
        let dash = length / 5
        for column in 0..<columns {
            let x = left + Double(column) * unit + cell.width
            for (from, direction) in [(top - Imposition.markOffset, -1.0), (bottom + Imposition.markOffset, 1.0)] {
                for step in stride(from: 0, to: 5, by: 2) {
                    let a = from + direction * Double(step) * dash
                    mark(Point(x: x, y: a), Point(x: x, y: a + direction * dash))
                }
            }
        }
        return marks
    }
}
