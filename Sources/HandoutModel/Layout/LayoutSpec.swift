/// One handout's geometry (`Layouts/<handout>.yaml`): paper, margins, which guide blocks go
/// where and with which component. No prose.
public struct LayoutSpec: Sendable {
    public let handout: String
    /// Which type scale of the theme the handout uses (sheets and cards differ).
    public let scale: String
    public let papers: [Paper]
    /// Margins in points.
    public let margins: Margins
    public let header: HeaderStyle
    public let maxPages: Int
    /// Papers that need more pages than `maxPages` (A5 holds about half of A4).
    public let maxPagesByPaper: [Paper: Int]
    /// The papers the large-print version is made for (the card becomes an A5 booklet).
    public let largePrintPapers: [Paper]
    public let overflow: Overflow
    /// Explicit pages; each starts on a new page. Content flows on to further pages only
    /// when `overflow` is `flow` and `maxPages` allows.
    public let pages: [[Row]]
    public let file: String
    /// For a sheet of labels (`label_stock:`): the stock per paper. The label is laid out
    /// once and placed at each of the stock's positions; such a layout has no pages.
    public var labelStocks: [Paper: LabelStock] = [:]

    public var isLabelSheet: Bool { !labelStocks.isEmpty }

    /// Why there is no large-print version, or nil. Labels come in one size: larger type
    /// would not fit the stock.
    public var largePrintProblem: String? {
        isLabelSheet ? "\(handout) has no large-print version: its labels are the size of the label stock — leave out --large-print" : nil
    }

    /// Why it cannot be printed with bleed for a print shop, or nil: a sheet of labels goes
    /// through an office printer at actual size onto die-cut stock, and a page grown by the
    /// bleed would move every label off its shape.
    public var bleedProblem: String? {
        isLabelSheet ? "\(handout) takes no --bleed: it is printed at actual size onto die-cut label stock, not trimmed by a print shop" : nil
    }

    public func maxPages(on paper: Paper) -> Int { maxPagesByPaper[paper] ?? maxPages }

    public enum HeaderStyle: String, Sendable, CaseIterable {
        /// Full-bleed coloured band with title and subtitle.
        case band
        /// A slim coloured bar with the title, for cards and back faces.
        case bar
        case none
    }

    public enum Overflow: String, Sendable, CaseIterable {
        /// Add pages up to `max_pages`, else fail.
        case flow
        /// Fixed pages (cards): shrink type within the theme's floor, else fail.
        case shrink
    }
}

public struct Margins: Sendable, Equatable {
    public let top: Double, bottom: Double, left: Double, right: Double
    public init(top: Double, bottom: Double, left: Double, right: Double) {
        self.top = top; self.bottom = bottom; self.left = left; self.right = right
    }
}

/// A horizontal band of a page: one placement across the full width, or side-by-side columns.
public enum Row: Sendable {
    case single(Placement)
    case columns([[Placement]])
}

/// A guide block (or a generated part such as the contacts box) drawn with a component.
public struct Placement: Sendable {
    public let content: Content
    /// nil: the default for the block's kind (see `Component.default(for:)`).
    public let component: Component?
    /// Items of a list laid out in this many columns inside the placement.
    public let columns: Int
    /// Start a new page before this placement (flowing layouts only).
    public let breakBefore: Bool
    /// For contacts: only the unit and its numbers, the web link as text (no QR code, no
    /// hours) — for the pocket card and pages with no room.
    public let compact: Bool
    public let location: SourceLocation

    public enum Content: Sendable, Equatable {
        case block(String)
        /// The unit's phone numbers and name, from the site profile.
        case contacts
        /// "Sources: …" naming every source the handout's blocks cite.
        case sources
    }
}

/// How a placement looks. Which components suit which block kinds is checked on load.
public enum Component: String, Sendable, CaseIterable {
    /// A heading and its content, plain.
    case section
    /// A tinted box: key messages, highlights.
    case box
    /// An outlined warning box: when to ask for help, red flags.
    case alert
    case table
    case tracker
    case contacts
    case sources
}

extension Component {
    /// The component used when a layout names only the block.
    public static func `default`(for kind: Block.Kind) -> Component {
        switch kind {
        case .paragraph, .bullets, .steps, .checklist, .figure, .swatches, .fields: return .section
        case .callout: return .box
        case .table: return .table
        case .tracker: return .tracker
        }
    }

    /// Whether this component can draw a block of `kind`.
    public func accepts(_ kind: Block.Kind) -> Bool {
        switch self {
        case .section, .box, .alert: return ![.table, .tracker].contains(kind)
        case .table: return kind == .table
        case .tracker: return kind == .tracker
        case .contacts, .sources: return false
        }
    }
}
