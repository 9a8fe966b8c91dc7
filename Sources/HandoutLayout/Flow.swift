/// Places block stacks down a column of pages: drops gaps at page tops, keeps headings with
/// what follows, splits boxed blocks between pieces, and closes and reopens structure tags
/// at page breaks so every page's tag tree is balanced.
final class Flow {
    /// The body area of each page (the first page's band header makes its body shorter).
    let bodyArea: (Int) -> Rect
    var maxPages: Int
    /// Page and offset of the most recently placed piece, for reporting nested placements.
    private(set) var lastPiece: (page: Int, x: Double, y: Double) = (0, 0, 0)
    private(set) var pages: [[PageItem]] = [[]]
    private(set) var placed: [[(id: String, rect: Rect)]] = [[]]
    /// Lines of body text on each page (the sources line not counted), to find pages that
    /// would hold almost nothing.
    private(set) var bodyLines: [Int] = [0]
    /// Stacks that begin on each page, in order: the candidates to move on to the next page
    /// when that one would hold almost nothing.
    private(set) var starts: [[(id: String, atPageTop: Bool)]] = [[]]
    /// Distance from the top of the current page's body.
    private(set) var y: Double = 0
    private var openTags: [StructureRole] = []

    init(maxPages: Int, bodyArea: @escaping (Int) -> Rect) {
        self.maxPages = maxPages
        self.bodyArea = bodyArea
    }

    var pageIndex: Int { pages.count - 1 }
    private var area: Rect { bodyArea(pageIndex) }
    var isAtPageTop: Bool { y == 0 }

    /// Starts a new page, or reports overflow when the layout allows no more.
    func newPage(blockID: String, needed: Double) throws {
        guard pages.count < maxPages else {
            throw Overflow(blockID: blockID, page: pageIndex + 1, excess: max(0, y + needed - area.height))
        }
        for tag in openTags.reversed() { pages[pageIndex].append(.endTag(tag)) }
        pages.append(openTags.map { .beginTag($0) })
        placed.append([])
        bodyLines.append(0)
        starts.append([])
        y = 0
    }

    /// The whole stack's height if it started at the top of a page.
    private func height(of stack: BlockStack) -> Double {
        let padding = stack.decoration?.padding ?? 0
        return stack.pieces.enumerated().reduce(2 * padding) { total, next in
            total + (next.offset == 0 ? 0 : next.element.spaceBefore) + next.element.height
        }
    }

    /// Places a block with `x` and `width` relative to the body area.
    func place(_ stack: BlockStack, x: Double = 0, width: Double) throws {
        let padding = stack.decoration?.padding ?? 0
        var segment: (itemIndex: Int, top: Double)?

        func closeSegment() {
            guard let start = segment else { return }
            y += padding
            let rect = Rect(x: area.minX + x, y: area.minY + start.top, width: width, height: y - start.top)
            if let decoration = stack.decoration {
                pages[pageIndex].insert(contentsOf: decorationItems(decoration, rect), at: start.itemIndex)
            }
            if stack.isBlock { placed[pageIndex].append((stack.id, rect)) }
            segment = nil
        }
        func gapAbove(_ piece: Piece) -> Double {
            segment == nil ? (isAtPageTop ? 0 : stack.spaceBefore) + padding : piece.spaceBefore
        }

        // A box kept together goes whole to the next page if it fits there and not here; one
        // taller than a page splits, and each part after the first starts with its
        // continuation (the heading marked "continued", the tracker's header row).
        if stack.keepTogether, !isAtPageTop {
            let whole = height(of: stack)
            if y + stack.spaceBefore + whole > area.height + 0.001, whole <= bodyArea(pageIndex + 1).height + 0.001 {
                try newPage(blockID: stack.id, needed: whole)
            }
        }

        for (index, piece) in stack.pieces.enumerated() {
            var need = gapAbove(piece) + piece.height + padding
            // A heading (and a lead-in line) keeps with what follows: the whole chain must fit.
            var next = index
            while stack.pieces[next].keepWithNext, next + 1 < stack.pieces.count {
                next += 1
                need += stack.pieces[next].spaceBefore + stack.pieces[next].height
            }
            let pageIsEmpty = isAtPageTop && segment == nil
            if y + need > area.height + 0.001, !pageIsEmpty {
                let continues = segment != nil
                closeSegment()
                try newPage(blockID: stack.id, needed: need)
                if continues, let continuation = stack.continuation {
                    segment = (pages[pageIndex].count, y)
                    y += padding
                    put(continuation, x: x + padding, counts: false)
                }
            }
            let alone = gapAbove(piece) + piece.height + padding
            if y + alone > area.height + 0.001 {
                // Even on a page of its own this piece does not fit.
                throw Overflow(blockID: stack.id, page: pageIndex + 1, excess: y + alone - area.height)
            }
            if index == 0 { starts[pageIndex].append((stack.id, isAtPageTop)) }
            if segment == nil {
                if !isAtPageTop { y += stack.spaceBefore }
                segment = (pages[pageIndex].count, y)
                y += padding
            } else {
                y += piece.spaceBefore
            }
            put(piece, x: x + padding, counts: stack.id != "sources")
        }
        closeSegment()
    }

    private func put(_ piece: Piece, x: Double, counts: Bool) {
        let dx = area.minX + x, dy = area.minY + y
        lastPiece = (pageIndex, dx, dy)
        if counts { bodyLines[pageIndex] += piece.items.reduce(0) { $0 + $1.textLineCount } }
        for item in piece.items {
            pages[pageIndex].append(item.offsetBy(dx: dx, dy: dy))
            for event in item.tagEvents {
                if event.open { openTags.append(event.role) } else { openTags.removeLast() }
            }
        }
        y += piece.height
    }

    private func decorationItems(_ decoration: Decoration, _ rect: Rect) -> [PageItem] {
        var items: [PageItem] = []
        if decoration.fill != nil || decoration.stroke != nil {
            items.append(.artifact(.rect(rect, fill: decoration.fill, stroke: decoration.stroke, lineWidth: 0.8)))
        }
        if let bar = decoration.bar {
            items.append(.artifact(.rect(Rect(x: decoration.barAtEnd ? rect.maxX - 4 : rect.minX, y: rect.minY, width: 4,
                                              height: rect.height),
                                         fill: bar, stroke: nil, lineWidth: 0)))
        }
        return items
    }
}

/// Content that does not fit the pages a layout allows.
struct Overflow: Error {
    let blockID: String
    let page: Int
    /// Points beyond the bottom of the page.
    let excess: Double
}

import HandoutModel
