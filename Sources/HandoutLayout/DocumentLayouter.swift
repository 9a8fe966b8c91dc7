import HandoutModel

/// Lays out a whole document: header, body rows flowing over pages, footer; shrinks fixed
/// pages to fit within the theme's floor; mirrors right-to-left pages.
public struct DocumentLayouter {
    public let measurer: TextMeasurer
    public let qrEncoder: QREncoder?
    public let images: ImageMeasurer

    public init(measurer: TextMeasurer, qrEncoder: QREncoder? = nil, images: ImageMeasurer = SquareImageMeasurer()) {
        self.measurer = measurer
        self.qrEncoder = qrEncoder
        self.images = images
    }

    /// Squeezes tried, in order, before type shrinks: most text that is a little too long
    /// fits by losing some air between blocks, then a little between lines (1.25 -> 1.2).
    static let squeezes: [(gaps: Double, lines: Double)] = [(1, 1), (0.75, 1), (0.5, 1), (0.5, 0.96)]

    /// How many times its designed page count a flowing handout may take before its text is
    /// called too long.
    static let extraPagesFactor = 2

    public func layout(_ document: Document) throws -> LaidOutDocument {
        var firstOverflow: Overflow?
        // The first squeeze that fits wins, unless it leaves a page holding almost nothing
        // that a tighter one avoids.
        var fittest: (laidOut: LaidOutDocument, thinness: Thinness)?
        for squeeze in DocumentLayouter.squeezes {
            do {
                let fitted = try attempt(document, factor: 1, gaps: squeeze.gaps, lines: squeeze.lines)
                if fittest == nil || fitted.thinness < fittest!.thinness { fittest = fitted }
                if fittest!.thinness.pages == 0 { break }
            } catch let overflow as Overflow {
                firstOverflow = overflow  // the tightest attempt says how much is really missing
            }
        }
        if let fittest { return fittest.laidOut }
        if document.overflow == .flow, document.companion != nil, !document.options.largePrint,
           let fitted = try? shrinkToFit(document, floor: Companion.bilingualFloor) {
            // A bilingual sheet holds about one and a half times the text: its pages stay
            // the designed number with both languages' type a little smaller (to 85%: the
            // mother's 12 pt to about 10.2 pt — below the single-language sheet's floor; see
            // issue 15's note: at 12 pt the checklist needs 4-5 pages, and a page break
            // inside a bilingual list then unbalances its tags, not yet fixed).
            return fitted
        }
        if document.overflow == .flow {
            // The layout's page count is what the design aims for; text that needs more
            // (a long translation, Nastaliq's tall lines, a box moved whole) takes more
            // pages at the designed spacing rather than failing.
            let limit = document.maxPages * DocumentLayouter.extraPagesFactor
            do {
                return try attempt(document, factor: 1, gaps: 1, lines: 1, pageLimit: limit).laidOut
            } catch let overflow as Overflow {
                // A bilingual sheet in a tall script (Urdu's Nastaliq beside English) may
                // need both: the extra pages and type down towards the bilingual floor.
                if document.companion != nil, !document.options.largePrint,
                   let fitted = try? shrinkToFit(document, floor: Companion.bilingualFloor, pageLimit: limit) {
                    return fitted
                }
                throw overflowError(document, overflow, factor: 1, allowedPages: limit)
            }
        }
        let floorFactor = document.scale.bodyFloor / document.scale[.body]
        guard floorFactor < 1 else {
            throw overflowError(document, firstOverflow!, factor: 1)
        }
        do {
            return try shrinkToFit(document, floor: floorFactor)
        } catch let overflow as Overflow {
            throw overflowError(document, overflow, factor: floorFactor)
        }
    }

    /// The largest uniform type scale between `floor` and 1 at which the document fits its
    /// designed pages, or `pageLimit` (gaps and lines at their tightest). Throws the
    /// overflow at `floor` when even that does not fit.
    private func shrinkToFit(_ document: Document, floor: Double, pageLimit: Int? = nil) throws -> LaidOutDocument {
        try TypeScaleSearch.largest(floor: floor, atFloor: { try tightest(document, factor: floor, pageLimit: pageLimit) }) {
            try fitting(document, factor: $0, pageLimit: pageLimit)
        }.result
    }

    /// The document at type scale `factor` with gaps and lines at their tightest.
    private func tightest(_ document: Document, factor: Double, pageLimit: Int? = nil) throws -> LaidOutDocument {
        let (gaps, lines) = DocumentLayouter.squeezes.last!
        return try attempt(document, factor: factor, gaps: gaps, lines: lines, pageLimit: pageLimit).laidOut
    }

    /// As `tightest`, or nil where it does not fit.
    private func fitting(_ document: Document, factor: Double, pageLimit: Int? = nil) throws -> LaidOutDocument? {
        do { return try tightest(document, factor: factor, pageLimit: pageLimit) } catch is Overflow { return nil }
    }

    private func overflowError(_ document: Document, _ overflow: Overflow, factor: Double, allowedPages: Int? = nil) -> LayoutError {
        .overflow(handout: document.handout, language: document.language, blockID: overflow.blockID, page: overflow.page,
                  excess: overflow.excess, allowedPages: allowedPages ?? document.maxPages, smallestBody: document.scale[.body] * factor)
    }

    private func attempt(_ document: Document, factor: Double, gaps: Double, lines: Double, pageLimit: Int? = nil) throws
        -> (laidOut: LaidOutDocument, thinness: Thinness) {
        var styles = Styles(document: document, factor: factor)
        styles.gapFactor = gaps
        styles.lineFactor = lines
        let chrome = PageChrome(measurer: measurer, styles: styles)
        let builder = BlockBuilder(measurer: measurer, styles: styles, qrEncoder: qrEncoder, images: images)
        let pageSize = Size(width: document.pageSize.width, height: document.pageSize.height)
        let margins = document.margins
        let bodyWidth = pageSize.width - margins.left - margins.right

        let footerHeight = try chrome.footerHeight(pageSize: pageSize)
        let firstHeader = try chrome.header(style: document.header, pageSize: pageSize, isFirstPage: true)
        // Later pages of a sheet repeat the title in a slim bar, so a loose page is known;
        // a card's back face is the same card, and needs the room.
        let laterStyle: LayoutSpec.HeaderStyle = document.header == .none || document.overflow == .shrink ? .none : .bar
        let laterHeader = try chrome.header(style: laterStyle, pageSize: pageSize, isFirstPage: false)
        let bodyBottom = pageSize.height - margins.bottom - footerHeight - styles.gap(10)
        func bodyArea(_ page: Int) -> Rect {
            let top = page == 0 ? firstHeader.bottom : laterHeader.bottom
            return Rect(x: margins.left, y: top, width: bodyWidth, height: bodyBottom - top)
        }

        let isFixed = document.overflow == .shrink
        func flowBody(breakingBefore forced: Set<String>, sourcesBeforeContacts: Bool = false) throws
            -> (Flow, [(page: Int, id: String, rect: Rect)]) {
            try self.flowBody(document, pageLimit: pageLimit ?? document.maxPages, builder: builder, styles: styles,
                              bodyWidth: bodyWidth, bodyArea: bodyArea, breakingBefore: forced,
                              sourcesBeforeContacts: sourcesBeforeContacts)
        }
        var (flow, nested) = try flowBody(breakingBefore: [])
        // A page holding almost nothing (the sources line, one lone item) reads as a mistake:
        // move the last block of the page before it on to join it, while that helps.
        if !isFixed {
            var forced: Set<String> = []
            var score = Self.thinness(flow)
            improving: while score.pages > 0 {
                guard let thin = (1..<flow.pages.count).first(where: { flow.bodyLines[$0] < Self.fewestLines }) else { break }
                // The last block that does not open its page, on the page before; when that
                // page is one block (a box kept whole), a block further back moves instead
                // and everything after it shifts on.
                for page in stride(from: thin - 1, through: max(0, thin - 3), by: -1) {
                    guard let candidate = flow.starts[page].last(where: { !$0.atPageTop })?.id,
                          !forced.contains(candidate) else { continue }
                    let trial = forced.union([candidate])
                    guard let retry = try? flowBody(breakingBefore: trial) else { continue }
                    let retryScore = Self.thinness(retry.0)
                    if retryScore < score {
                        (forced, flow, nested, score) = (trial, retry.0, retry.1, retryScore)
                        continue improving
                    }
                }
                break
            }
            // A last page of nothing but the sources, when no move helps (the contacts box
            // fills the page before it): the sources go before the contacts box, which
            // then ends the handout with the numbers a parent looks for.
            if score.pages > 0, let retry = try? flowBody(breakingBefore: forced, sourcesBeforeContacts: true),
               Self.thinness(retry.0) < score {
                (flow, nested) = retry
            }
        }

        var pages: [LaidOutPage] = []
        let pageCount = flow.pages.count
        for (index, body) in flow.pages.enumerated() {
            let header = index == 0 ? firstHeader.items : laterHeader.items
            let footer = try chrome.footer(pageSize: pageSize, page: index + 1, pageCount: pageCount,
                                           showPageNumber: document.overflow == .flow).items
            let contentArea = Rect(x: margins.left, y: margins.top, width: bodyWidth,
                                   height: pageSize.height - margins.top - margins.bottom)
            // Blocks resolved their own directions; the page's chrome follows the document's.
            let chrome = document.direction == .rtl ? (header + footer).map { $0.mirrored(pageWidth: pageSize.width) } : header + footer
            let headerCount = header.count
            let page = LaidOutPage(size: pageSize, items: Array(chrome[..<headerCount]) + body + Array(chrome[headerCount...]),
                                   contentArea: contentArea, bodyArea: bodyArea(index),
                                   placedBlocks: flow.placed[index] + nested.filter { $0.page == index }.map { ($0.id, $0.rect) })
            pages.append(page)
        }
        return (LaidOutDocument(document: document, pages: pages, scale: factor, gapScale: gaps, lineScale: lines),
                isFixed ? Thinness(pages: 0, shortfall: 0) : Self.thinness(flow))
    }

    /// Fewest lines of body text a page after the first may hold.
    static let fewestLines = 3

    /// How many pages hold too little, and how little the thinnest holds (fewer lines is worse).
    private static func thinness(_ flow: Flow) -> Thinness {
        let thin = flow.bodyLines.dropFirst().filter { $0 < fewestLines }
        return Thinness(pages: thin.count, shortfall: thin.reduce(0) { $0 + fewestLines - $1 })
    }

    struct Thinness: Comparable {
        let pages: Int
        let shortfall: Int
        static func < (a: Thinness, b: Thinness) -> Bool { (a.pages, a.shortfall) < (b.pages, b.shortfall) }
    }

    /// Flows the document's rows down its pages; `forced` names blocks that must start a page.
    private func flowBody(_ document: Document, pageLimit: Int, builder: BlockBuilder, styles: Styles, bodyWidth: Double,
                          bodyArea: @escaping (Int) -> Rect, breakingBefore forced: Set<String>,
                          sourcesBeforeContacts: Bool) throws -> (Flow, [(page: Int, id: String, rect: Rect)]) {
        let isFixed = document.overflow == .shrink
        let flow = Flow(maxPages: isFixed ? 1 : pageLimit, bodyArea: bodyArea)
        var nested: [(page: Int, id: String, rect: Rect)] = []
        func place(_ stack: BlockStack) throws {
            if forced.contains(stack.id) && !flow.isAtPageTop { try flow.newPage(blockID: stack.id, needed: 0) }
            try flow.place(stack, width: bodyWidth)
        }
        var layoutPages = document.pages
        if sourcesBeforeContacts, var rows = layoutPages.last, rows.count >= 2,
           case .single(let last) = rows[rows.count - 1], last.component == .sources,
           case .single(let before) = rows[rows.count - 2], before.component == .contacts {
            rows.swapAt(rows.count - 1, rows.count - 2)
            layoutPages[layoutPages.count - 1] = rows
        }
        for (pageIndex, rows) in layoutPages.enumerated() {
            // Each page of the layout starts a new page, unless the one before it already ran
            // over onto this one (a smaller paper): a break then would leave a part-empty
            // page. Large print and bilingual editions re-flow: the layout's breaks were chosen for
            // one language in standard type.
            if pageIndex > 0 && !document.options.largePrint && document.companion == nil && (isFixed || flow.pageIndex < pageIndex) {
                if isFixed { flow.maxPages = pageIndex + 1 }
                try flow.newPage(blockID: firstID(rows), needed: 0)
            }
            for row in rows {
                switch row {
                case .single(let block):
                    if block.breakBefore && !flow.isAtPageTop { try flow.newPage(blockID: block.id, needed: 0) }
                    try place(builder.stack(for: block, width: bodyWidth))
                case .columns(let columns) where isTooNarrow(columns.count, width: bodyWidth, styles: styles) || document.companion != nil:
                    // Stacked: columns too narrow for the type (A5, large print) read badly. A
                    // bilingual edition stacks them too: each block takes the width, its two
                    // languages side by side, and breaks between items like any other.
                    for block in columns.flatMap({ $0 }) {
                        try place(builder.stack(for: block, width: bodyWidth))
                    }
                case .columns(let columns):
                    let (stack, placements) = try columnsStack(columns, builder: builder, styles: styles, width: bodyWidth)
                    try place(stack)
                    let at = flow.lastPiece
                    nested += placements.map { (at.page, $0.id, $0.rect.offsetBy(dx: at.x, dy: at.y)) }
                }
            }
        }
        return (flow, nested)
    }

    private func isTooNarrow(_ count: Int, width: Double, styles: Styles) -> Bool {
        styles.columns(count, in: width, minimum: styles.minimumTextColumn) < count
    }

    /// Side-by-side columns become one unbreakable piece; each column is stacked on its own.
    private func columnsStack(_ columns: [[DocumentBlock]], builder: BlockBuilder, styles: Styles, width: Double) throws
        -> (BlockStack, [(id: String, rect: Rect)]) {
        let gap = styles.columnGap
        let columnWidth = styles.columnWidth(width, count: columns.count)
        var items: [PageItem] = []
        var placements: [(id: String, rect: Rect)] = []
        var height = 0.0
        for (index, blocks) in columns.enumerated() {
            let column = Flow(maxPages: 1) { _ in Rect(x: 0, y: 0, width: columnWidth, height: .greatestFiniteMagnitude) }
            for block in blocks { try column.place(builder.stack(for: block, width: columnWidth), width: columnWidth) }
            // Columns run from the reading side: the first on the right on a right-to-left page.
            let slot = styles.document.direction == .rtl ? columns.count - 1 - index : index
            let dx = Double(slot) * (columnWidth + gap)
            items += column.pages[0].map { $0.offsetBy(dx: dx, dy: 0) }
            placements += column.placed[0].map { ($0.id, $0.rect.offsetBy(dx: dx, dy: 0)) }
            height = max(height, column.y)
        }
        let id = columns.flatMap { $0.map(\.id) }.joined(separator: "+")
        return (BlockStack(id: id, pieces: [Piece(height: height, items: items, spaceBefore: 0)], decoration: nil,
                           spaceBefore: styles.sectionGap, isBlock: false), placements)
    }

    private func firstID(_ rows: [DocumentRow]) -> String {
        switch rows.first {
        case .single(let block)?: return block.id
        case .columns(let columns)?: return columns.first?.first?.id ?? "page"
        case nil: return "page"
        }
    }
}
