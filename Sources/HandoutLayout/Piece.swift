/// An unbreakable slice of a block: a heading, a paragraph, one list item, a table.
/// Items are relative to the piece's top-left corner; the flow positions them.
struct Piece {
    var height: Double
    var items: [PageItem]
    /// Gap above the piece, dropped at the top of a page or box.
    var spaceBefore: Double
    /// A heading keeps with the piece after it: both move to the next page together.
    var keepWithNext: Bool = false
    /// Shown again at the top of each further page of its block (a tracker's header row).
    var repeatsOnNewPage: Bool = false
}

/// How a block's background looks when it has one.
struct Decoration {
    var fill: RGB?
    var stroke: RGB?
    /// A thick bar on the leading edge (left, or right on right-to-left pages).
    var bar: RGB?
    var padding: Double
    /// The bar on the right: the block reads right to left.
    var barAtEnd = false
}

/// A block ready to flow: its pieces and optional box.
struct BlockStack {
    var id: String
    var pieces: [Piece]
    var decoration: Decoration?
    /// Space above the whole block (between blocks).
    var spaceBefore: Double
    /// False for the invisible stack that holds a row of columns: its blocks are recorded
    /// one by one instead.
    var isBlock = true
    /// Move to the next page whole rather than split (boxes, the contacts box).
    var keepTogether = false
    /// Put at the top of each page the block continues on (a header row, "… (continued)").
    var continuation: Piece?
}

import HandoutModel
