import HandoutModel

/// A drawing on a page, in absolute page coordinates once laid out.
public enum Frame: Sendable {
    /// A typeset paragraph; `origin` is the top-left corner of its box.
    case text(TypesetText, origin: Point, color: RGB)
    case rect(Rect, fill: RGB?, stroke: RGB?, lineWidth: Double)
    case line(from: Point, to: Point, color: RGB, width: Double)
    case disc(center: Point, radius: Double, color: RGB)
    /// Many rectangles filled as one shape (a QR code: no seams between modules).
    case rects([Rect], fill: RGB)
    /// A picture scaled to fit inside `rect`, keeping its proportions.
    case image(ImageRef, rect: Rect)

    func offsetBy(dx: Double, dy: Double) -> Frame {
        switch self {
        case let .text(text, origin, color):
            return .text(text, origin: Point(x: origin.x + dx, y: origin.y + dy), color: color)
        case let .rect(rect, fill, stroke, width):
            return .rect(rect.offsetBy(dx: dx, dy: dy), fill: fill, stroke: stroke, lineWidth: width)
        case let .line(from, to, color, width):
            return .line(from: Point(x: from.x + dx, y: from.y + dy), to: Point(x: to.x + dx, y: to.y + dy), color: color, width: width)
        case let .disc(center, radius, color):
            return .disc(center: Point(x: center.x + dx, y: center.y + dy), radius: radius, color: color)
        case let .rects(rects, fill):
            return .rects(rects.map { $0.offsetBy(dx: dx, dy: dy) }, fill: fill)
        case let .image(image, rect):
            return .image(image, rect: rect.offsetBy(dx: dx, dy: dy))
        }
    }

    func mirrored(pageWidth w: Double) -> Frame {
        switch self {
        case let .text(text, origin, color):
            return .text(text, origin: Point(x: w - origin.x - text.boxWidth, y: origin.y), color: color)
        case let .rect(rect, fill, stroke, width):
            return .rect(rect.mirrored(pageWidth: w), fill: fill, stroke: stroke, lineWidth: width)
        case let .line(from, to, color, width):
            return .line(from: Point(x: w - from.x, y: from.y), to: Point(x: w - to.x, y: to.y), color: color, width: width)
        case let .disc(center, radius, color):
            return .disc(center: Point(x: w - center.x, y: center.y), radius: radius, color: color)
        case let .rects(rects, fill):
            // A QR code reads the same way round on any page: move it, do not flip it.
            let bounds = Frame.rects(rects, fill: fill).bounds
            let dx = w - bounds.maxX - bounds.minX
            return .rects(rects.map { $0.offsetBy(dx: dx, dy: 0) }, fill: fill)
        case let .image(image, rect):
            // Pictures are drawn as they are: a hand or a baby is not mirrored.
            return .image(image, rect: rect.mirrored(pageWidth: w))
        }
    }

    /// The area the frame covers: for text, the lines' ink boxes (not the whole box width).
    public var bounds: Rect {
        switch self {
        case let .text(text, origin, _):
            guard let first = text.lines.first else { return Rect(x: origin.x, y: origin.y, width: 0, height: 0) }
            var minX = origin.x + first.x, maxX = minX + first.width
            for line in text.lines {
                minX = min(minX, origin.x + line.x); maxX = max(maxX, origin.x + line.x + line.width)
            }
            return Rect(x: minX, y: origin.y, width: maxX - minX, height: text.height)
        case let .rect(rect, _, _, _): return rect
        case let .line(from, to, _, _):
            return Rect(x: min(from.x, to.x), y: min(from.y, to.y), width: abs(to.x - from.x), height: abs(to.y - from.y))
        case let .disc(center, radius, _):
            return Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
        case let .rects(rects, _):
            guard let first = rects.first else { return Rect(x: 0, y: 0, width: 0, height: 0) }
            let minX = rects.map(\.minX).min()!, minY = rects.map(\.minY).min()!
            let maxX = rects.map(\.maxX).max()!, maxY = rects.map(\.maxY).max()!
            _ = first
            return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
        case let .image(_, rect):
            return rect
        }
    }
}

/// Roles for the PDF structure tree, so screen readers and reflow get headings, lists and tables.
public enum StructureRole: String, Sendable {
    case heading1 = "H1", heading2 = "H2", paragraph = "P"
    case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
    case table = "Table", tableRow = "TR", tableHeader = "TH", tableCell = "TD"
    case figure = "Figure", caption = "Caption"
    /// Words in another language inside an element (a bilingual edition's second language),
    /// carrying its own `/Lang` so a screen reader switches voice.
    case span = "Span"
}

/// Everything that can appear in a page's drawing list, in reading order.
public enum PageItem: Sendable {
    case frame(Frame)
    /// Decoration with no meaning for a reader (backgrounds, rules): left out of the tag tree.
    case artifact(Frame)
    case beginTag(StructureRole)
    case endTag(StructureRole)
    /// A clickable area: `tel:` and `https:` links.
    case link(Rect, uri: String)
    /// An outline (bookmark) entry pointing at this spot.
    case outline(title: String, level: Int, y: Double)
    /// Attributes of the structure element the last `beginTag` opened: a figure's alt
    /// text, a language other than the document's.
    case tagInfo(TagInfo)
    /// Items in a frame of their own: moved, resolved right to left, clipped as one.
    case group(ItemGroup)
    /// Drawing between these is limited to the rectangle (a group's clip, flattened).
    case beginClip(Rect)
    case endClip

    func offsetBy(dx: Double, dy: Double) -> PageItem {
        switch self {
        case .frame(let frame): return .frame(frame.offsetBy(dx: dx, dy: dy))
        case .artifact(let frame): return .artifact(frame.offsetBy(dx: dx, dy: dy))
        case .link(let rect, let uri): return .link(rect.offsetBy(dx: dx, dy: dy), uri: uri)
        case let .outline(title, level, y): return .outline(title: title, level: level, y: y + dy)
        case .group(var group):
            group.offset = Point(x: group.offset.x + dx, y: group.offset.y + dy)
            return .group(group)
        case .beginClip(let rect): return .beginClip(rect.offsetBy(dx: dx, dy: dy))
        case .beginTag, .endTag, .endClip, .tagInfo: return self
        }
    }

    func mirrored(pageWidth: Double) -> PageItem {
        switch self {
        case .frame(let frame): return .frame(frame.mirrored(pageWidth: pageWidth))
        case .artifact(let frame): return .artifact(frame.mirrored(pageWidth: pageWidth))
        case .link(let rect, let uri): return .link(rect.mirrored(pageWidth: pageWidth), uri: uri)
        case .group(var group):
            // The group's box moves to the other side, and what it holds is resolved the
            // other way round inside it.
            group.offset.x = pageWidth - group.offset.x - group.width
            group.rightToLeft.toggle()
            group.clip = group.clip?.mirrored(pageWidth: group.width)
            return .group(group)
        case .beginClip(let rect): return .beginClip(rect.mirrored(pageWidth: pageWidth))
        case .outline, .beginTag, .endTag, .endClip, .tagInfo: return self
        }
    }

    /// The item with every group resolved into plain items at page positions.
    func flattened() -> [PageItem] {
        guard case .group(let group) = self else { return [self] }
        var inner = group.items.flatMap { $0.flattened() }
        if group.rightToLeft { inner = inner.map { $0.mirrored(pageWidth: group.width) } }
        if let clip = group.clip {
            let local = group.rightToLeft ? clip.mirrored(pageWidth: group.width) : clip
            inner = [.beginClip(local)] + inner + [.endClip]
        }
        return inner.map { $0.offsetBy(dx: group.offset.x, dy: group.offset.y) }
    }

    /// Lines of text this item draws as content (decoration not counted).
    var textLineCount: Int {
        switch self {
        case .frame(.text(let text, _, _)): return text.lines.count
        case .group(let group): return group.items.reduce(0) { $0 + $1.textLineCount }
        default: return 0
        }
    }

    /// The same drawing as decoration: no structure tags, links or outline entries (a
    /// header row repeated on the next page is not read twice).
    var asDecoration: [PageItem] {
        switch self {
        case .frame(let frame): return [.artifact(frame)]
        case .beginTag, .endTag, .tagInfo, .outline, .link: return []
        case .group(var group):
            group.items = group.items.flatMap(\.asDecoration)
            return [.group(group)]
        default: return [self]
        }
    }

    /// The structure tags this item opens and closes, in order, groups included.
    var tagEvents: [(open: Bool, role: StructureRole)] {
        switch self {
        case .beginTag(let role): return [(true, role)]
        case .endTag(let role): return [(false, role)]
        case .group(let group): return group.items.flatMap(\.tagEvents)
        default: return []
        }
    }
}

/// What a structure element says beyond its role.
public struct TagInfo: Sendable, Equatable {
    /// For a Figure: what it shows, read out instead of the picture.
    public var alt: String?
    /// A BCP 47 tag, where the element's language is not the document's.
    public var language: String?
    public init(alt: String? = nil, language: String? = nil) { self.alt = alt; self.language = language }
}

/// A frame of items: placed at `offset`, `width` wide; its items are written from the start
/// edge and, when `rightToLeft`, resolved right to left within the width (a block in a
/// right-to-left language); drawing is kept inside `clip` when set (a card on a sheet).
/// Moving a group moves one offset, not every item in it.
public struct ItemGroup: Sendable {
    public var offset: Point
    public var width: Double
    public var rightToLeft: Bool
    public var clip: Rect?
    public var items: [PageItem]

    public init(offset: Point = Point(x: 0, y: 0), width: Double, rightToLeft: Bool = false, clip: Rect? = nil, items: [PageItem]) {
        self.offset = offset; self.width = width; self.rightToLeft = rightToLeft; self.clip = clip; self.items = items
    }
}

public struct LaidOutPage: Sendable {
    public let size: Size
    public var items: [PageItem]
    /// The area text may occupy (inside the margins); used by the geometry tests.
    public let contentArea: Rect
    /// The area between header and footer where blocks flow.
    public let bodyArea: Rect
    /// Which block each frame came from, in the same order as `frames`: for tests and reports.
    public var placedBlocks: [(id: String, rect: Rect)]

    /// The page's items with every group resolved: what a painter draws, in order.
    public var flatItems: [PageItem] { items.flatMap { $0.flattened() } }

    public var frames: [Frame] {
        flatItems.compactMap { item in
            switch item {
            case .frame(let frame), .artifact(let frame): return frame
            default: return nil
            }
        }
    }
}

public struct LaidOutDocument: Sendable {
    public let document: Document
    public let pages: [LaidOutPage]
    /// The factor type was scaled by to fit (1 when it fitted as designed).
    public let scale: Double
    /// The factor the gaps between blocks were squeezed by to fit (1 as designed).
    public let gapScale: Double
    /// The factor line spacing was squeezed by to fit (1 as designed).
    public let lineScale: Double
    /// For a print shop: the trim and bleed of every page (`Bleed`), nil for pages printed
    /// as they are.
    public var printBoxes: PrintBoxes? = nil
}
