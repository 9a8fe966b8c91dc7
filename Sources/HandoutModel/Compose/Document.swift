/// One handout in one language on one paper, as semantic blocks ready to lay out:
/// all text resolved, no geometry beyond the layout's page plan.
public struct Document: Sendable {
    public let handout: String
    public let language: String
    public let direction: TextDirection
    /// The country whose facts it prints (ISO 3166-1), or nil when none was given.
    public let country: String?
    /// A sheet of labels' one label (the layout's `label_stock:`); nil for other handouts.
    public internal(set) var label: DocumentLabel? = nil
    public let paper: Paper
    /// The trim size pages are laid out on: the paper's, or an n-up cell.
    public let pageSize: PageSize
    public let options: RenderOptions
    /// The theme's colours after the site's brand colour and the grayscale choice.
    public let colors: Theme.Colors
    public internal(set) var metadata: Metadata
    public let title: String
    public let subtitle: String
    public let header: LayoutSpec.HeaderStyle
    public let scale: Theme.TypeScale
    public let theme: Theme
    public let margins: Margins
    public let maxPages: Int
    public let overflow: LayoutSpec.Overflow
    public internal(set) var pages: [[DocumentRow]]
    public let footer: Footer
    /// The unit's logo (absolute path of a PNG or SVG), drawn in the header.
    public let logo: String?
    /// "(continued)" in the document's language, for a box that runs on to another page.
    public let continuedLabel: String
    /// A bilingual edition's second language (the staff's), whose words every block
    /// carries as its `companion`; nil for one language.
    public internal(set) var companion: DocumentCompanion? = nil

    public struct Metadata: Sendable, Equatable {
        public let title: String
        public let subject: String
        public let author: String
        public let keywords: [String]
        public let creator: String
        /// Creation and modification time, seconds since 1970 (UTC).
        public let date: Int
    }

    public struct Footer: Sendable, Equatable {
        /// The unit's name and main number, or the handout's title without a profile.
        public let leading: RichText
        /// "Page {page} of {pages}", filled in once pagination is known.
        public let pageTemplate: Prose
        /// Review status and date: "Draft — not yet reviewed" or "Reviewed by … on …".
        public let notice: String
    }
}

public enum DocumentRow: Sendable {
    case single(DocumentBlock)
    case columns([[DocumentBlock]])
}

public struct DocumentBlock: Sendable {
    public let id: String
    public let component: Component
    public let heading: RichText?
    public let content: [DocumentContent]
    public let listColumns: Int
    public let breakBefore: Bool
    /// The legend for urgent items ("✱ = call 999 now"), when the block has any.
    public let urgentLegend: RichText?
    /// The block's own language and direction: a page may hold blocks of two languages
    /// (a bilingual edition), each set and aligned in its own.
    public let language: String
    public let direction: TextDirection

    public init(id: String, component: Component, heading: RichText?, content: [DocumentContent], listColumns: Int,
                breakBefore: Bool, urgentLegend: RichText?, language: String, direction: TextDirection) {
        self.id = id; self.component = component; self.heading = heading; self.content = content
        self.listColumns = listColumns; self.breakBefore = breakBefore; self.urgentLegend = urgentLegend
        self.language = language; self.direction = direction
    }

    /// The same block in the staff's language, in a bilingual edition: set beside or under
    /// this one, item by item. Nil in a single-language edition.
    public var companion: DocumentBlock? {
        get { companionStorage.first }
        set { companionStorage = newValue.map { [$0] } ?? [] }
    }
    // A value type cannot hold itself directly; an array gives the indirection.
    private var companionStorage: [DocumentBlock] = []
}

public enum DocumentContent: Sendable {
    case paragraph(RichText)
    case list(ListStyle, [DocumentItem])
    case table(header: [RichText], rows: [[RichText]])
    case tracker(DocumentTracker)
    /// Label and number pairs; numbers are links. Empty numbers are write-in lines.
    case contacts([Contact])
    /// A QR code for `url`, with a caption and the short address printed beside it.
    case qrCode(url: String, caption: RichText, shortURL: String)
    /// A picture (`Guide/figures/ID.svg`) with alt text for the PDF's Figure element.
    case figure(DocumentFigure)
    /// Colour swatches in groups, each group with what it means.
    case swatches([DocumentSwatchGroup])
    /// Lines (or tick-box choices) to write on by hand.
    case writeIns([DocumentWriteIn])

    public enum ListStyle: Sendable { case bullet, number, checkbox }
}

public struct DocumentItem: Sendable {
    public let text: RichText
    public let urgent: Bool
    public let children: [DocumentItem]
}

public struct DocumentTracker: Sendable {
    public let dayHeading: RichText
    public let columns: [(label: RichText, boxes: Int)]
    /// Each day's label and its target per column (empty where a column has none).
    public let rows: [(label: RichText, targets: [RichText])]
}

public struct Contact: Sendable, Equatable {
    public let label: String
    /// Empty means "write the number here".
    public let number: String
}

public struct DocumentFigure: Sendable {
    /// The picture's id, resolved to a file by the engine's image source.
    public let id: String
    public let widthMM: Double?
    public let alt: String
    public let caption: RichText?
}

public struct DocumentSwatchGroup: Sendable {
    public let label: RichText
    public let swatches: [(number: Int, colour: RGB)]
    public let alert: Bool
}

public struct DocumentWriteIn: Sendable {
    public let label: RichText
    /// Tick-box choices; empty for a line.
    public let choices: [RichText]
}
