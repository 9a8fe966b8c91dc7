import HandoutModel

/// Pages for a print shop, which prints on larger paper and cuts it down: each page grows
/// by the bleed on every side, colour that reaches the page's edge (the header band)
/// reaches the new edge, so a slightly-off cut leaves no white line, and a slug beyond
/// the bleed holds the crop marks that show where to cut. The trim and bleed rectangles
/// go with the document, for the PDF's TrimBox and BleedBox.
public struct Bleed: Sendable {
    /// How far colour runs past the trim, in points.
    public let bleed: Double
    /// The white border beyond the bleed where the crop marks are drawn, in points.
    public let slug: Double

    /// Crop marks start this far outside the bleed (a mark inside it could show after a
    /// slightly-off cut) and end this far inside the paper's edge.
    public static let markGap = points(mm: 1)
    public static let slugWidth = points(mm: 8)
    /// Print shops ask for 3 mm (sometimes 5, or 1/8 in); more than 10 mm is a mistake.
    public static let maximumMM = 10.0

    public init(mm: Double) {
        bleed = points(mm: mm)
        slug = Bleed.slugWidth
    }

    /// Distance from the paper's edge to the trim.
    public var offset: Double { bleed + slug }

    public func apply(_ document: LaidOutDocument) -> LaidOutDocument {
        guard let first = document.pages.first else { return document }
        let pages = document.pages.map(page)
        let trim = Rect(x: offset, y: offset, width: first.size.width, height: first.size.height)
        let boxes = PrintBoxes(trim: trim, bleed: Rect(x: slug, y: slug, width: trim.width + 2 * bleed, height: trim.height + 2 * bleed))
        return LaidOutDocument(document: document.document, pages: pages, scale: document.scale, gapScale: document.gapScale,
                               lineScale: document.lineScale, printBoxes: boxes)
    }

    private func page(_ page: LaidOutPage) -> LaidOutPage {
        let trim = page.size
        let size = Size(width: trim.width + 2 * offset, height: trim.height + 2 * offset)
        let content = page.items.map { extended($0, trim: trim) }
        let items = [PageItem.group(ItemGroup(offset: Point(x: offset, y: offset), width: trim.width, items: content))]
            + cropMarks(trim: trim)
        return LaidOutPage(size: size, items: items, contentArea: page.contentArea.offsetBy(dx: offset, dy: offset),
                           bodyArea: page.bodyArea.offsetBy(dx: offset, dy: offset),
                           placedBlocks: page.placedBlocks.map { ($0.id, $0.rect.offsetBy(dx: offset, dy: offset)) })
    }

    /// A filled background that touches an edge of the trim runs on past it by the bleed.
    private func extended(_ item: PageItem, trim: Size) -> PageItem {
        guard case let .artifact(.rect(rect, fill, stroke, width)) = item, fill != nil else { return item }
        let touch = 0.5
        var grown = rect
        if rect.minX <= touch { grown.x -= bleed; grown.width += bleed }
        if rect.maxX >= trim.width - touch { grown.width += bleed }
        if rect.minY <= touch { grown.y -= bleed; grown.height += bleed }
        if rect.maxY >= trim.height - touch { grown.height += bleed }
        return .artifact(.rect(grown, fill: fill, stroke: stroke, lineWidth: width))
    }

    /// Two marks at each corner, on the lines of the trim, in the slug only.
    private func cropMarks(trim: Size) -> [PageItem] {
        let left = offset, top = offset, right = offset + trim.width, bottom = offset + trim.height
        let near = bleed + Bleed.markGap, far = offset - Bleed.markGap
        var marks: [PageItem] = []
        func mark(_ a: Point, _ b: Point) { marks.append(.artifact(.line(from: a, to: b, color: .black, width: 0.25))) }
        for x in [left, right] {
            mark(Point(x: x, y: top - near), Point(x: x, y: top - far))
            mark(Point(x: x, y: bottom + near), Point(x: x, y: bottom + far))
        }
        for y in [top, bottom] {
            mark(Point(x: left - near, y: y), Point(x: left - far, y: y))
            mark(Point(x: right + near, y: y), Point(x: right + far, y: y))
        }
        return marks
    }
}

/// Where a print shop cuts (the trim) and how far colour runs past it (the bleed), in page
/// coordinates (origin top left, as the layout's).
public struct PrintBoxes: Sendable, Equatable {
    public let trim: Rect
    public let bleed: Rect
    public init(trim: Rect, bleed: Rect) { self.trim = trim; self.bleed = bleed }
}
