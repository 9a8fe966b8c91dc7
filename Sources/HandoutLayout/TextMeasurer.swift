import HandoutModel

/// How a piece of text is set: everything the typesetter needs besides the text and width.
public struct TextStyle: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable {
        /// Left in left-to-right text, right in right-to-left text.
        case start
        case center
        case end
    }
    public var size: Double
    public var bold: Bool
    public var alignment: Alignment
    /// Baseline-to-baseline distance as a multiple of `size`.
    public var lineHeight: Double
    /// BCP 47 tag: picks the right CJK glyph forms and line-breaking rules.
    public var language: String
    public var direction: TextDirection
    /// Comma-separated font families in order of preference; empty uses the typesetter's default.
    public var families: String
    /// Least gap between the ink of consecutive lines, as a multiple of `size`; 0 keeps a
    /// fixed pitch. Scripts whose ink is tall in places (Nastaliq) set a smaller pitch and
    /// push apart only the lines that would touch.
    public var inkClearance: Double

    public init(size: Double, bold: Bool = false, alignment: Alignment = .start, lineHeight: Double,
                language: String, direction: TextDirection, families: String = "", inkClearance: Double = 0) {
        self.size = size; self.bold = bold; self.alignment = alignment
        self.lineHeight = lineHeight; self.language = language; self.direction = direction
        self.families = families; self.inkClearance = inkClearance
    }
}

/// Shapes and breaks paragraphs. The Pango implementation lives in HandoutEngine; tests use
/// `FixedAdvanceMeasurer`, so layout is testable without fonts or C.
public protocol TextMeasurer {
    /// Sets `text` in lines no wider than `width`. Throws when the text cannot be shown
    /// (a character no font has).
    func typeset(_ text: RichText, style: TextStyle, width: Double) throws -> TypesetText
}

/// A paragraph shaped and broken into lines, as plain values: the glyphs of every line
/// with their positions, so the painter draws exactly what was measured and the laid-out
/// document holds no handle into a C library.
public struct TypesetText: Sendable, Equatable {
    public let text: RichText
    public let style: TextStyle
    /// The width the text was set in; alignment is relative to this box.
    public let boxWidth: Double
    public let lines: [TypesetLine]
    /// From the top of the first line to the bottom of the last.
    public let height: Double

    public init(text: RichText, style: TextStyle, boxWidth: Double, lines: [TypesetLine], height: Double) {
        self.text = text; self.style = style; self.boxWidth = boxWidth; self.lines = lines; self.height = height
    }

    /// The widest line's advance (its logical width, not its ink).
    public var naturalWidth: Double { lines.map(\.width).max() ?? 0 }
}

public struct TypesetLine: Sendable, Equatable {
    /// The characters on this line.
    public let text: String
    /// Left edge of the line within the box (non-zero when centred or right-aligned).
    public let x: Double
    /// Baseline, from the top of the box.
    public let baseline: Double
    public let width: Double
    public let ascent: Double
    public let descent: Double
    public let rightToLeft: Bool
    /// The line's glyphs, run by run from left to right (empty from a stand-in measurer).
    public let runs: [GlyphRun]
    /// The line's ink skyline, in the box's coordinates, when its style spaces lines by ink.
    public let ink: InkProfile?

    public init(text: String, x: Double, baseline: Double, width: Double, ascent: Double, descent: Double, rightToLeft: Bool,
                runs: [GlyphRun] = [], ink: InkProfile? = nil) {
        self.text = text; self.x = x; self.baseline = baseline; self.width = width
        self.ascent = ascent; self.descent = descent; self.rightToLeft = rightToLeft; self.runs = runs; self.ink = ink
    }

    /// Where the character at `utf8Offset` of the paragraph is drawn, from the line's left
    /// end in points, or nil when this line does not draw it.
    public func x(ofCharacterAt utf8Offset: Int) -> Double? {
        for run in runs {
            if let glyph = run.glyphs.first(where: { Int($0.textOffset) == utf8Offset }) {
                return Double(run.x + glyph.x) / GlyphRun.unitsPerPoint
            }
        }
        return nil
    }

    /// The same line with its baseline moved (another line spacing: the breaks stay).
    public func withBaseline(_ baseline: Double) -> TypesetLine {
        TypesetLine(text: text, x: x, baseline: baseline, width: width, ascent: ascent, descent: descent,
                    rightToLeft: rightToLeft, runs: runs, ink: ink)
    }
}

/// Glyphs of one font at one size, in the positions the shaper gave them. Positions are in
/// the shaper's units (1/1024 pt) from the line's left end, kept as integers so the painter
/// places each glyph exactly where the measurement put it.
public struct GlyphRun: Sendable, Equatable {
    /// The typesetter's id for the font face and size (valid in the process that shaped it).
    public let face: Int
    /// The face as people name it, for golden dumps: "Noto Sans Bold 12".
    public let faceName: String
    /// The run's start, from the line's left end, and its shift from the baseline.
    public let x: Int32
    public let y: Int32
    public let glyphs: [Glyph]
    /// The characters the run draws (UTF-8), and how they map onto its glyphs.
    public let utf8: [UInt8]
    public let clusters: [Cluster]
    /// Right-to-left: clusters run backwards through the text.
    public let backward: Bool

    public struct Glyph: Sendable, Equatable {
        public let index: UInt32
        /// From the run's start: the advances before it plus its own offset.
        public let x: Int32
        public let y: Int32
        public let advance: Int32
        /// Where its characters start in the paragraph's UTF-8 text.
        public let textOffset: Int32
        public init(index: UInt32, x: Int32, y: Int32, advance: Int32, textOffset: Int32 = 0) {
            self.index = index; self.x = x; self.y = y; self.advance = advance; self.textOffset = textOffset
        }
    }

    public struct Cluster: Sendable, Equatable {
        public let bytes: Int32
        public let glyphs: Int32
        public init(bytes: Int32, glyphs: Int32) { self.bytes = bytes; self.glyphs = glyphs }
    }

    public static let unitsPerPoint = 1024.0

    public init(face: Int, faceName: String, x: Int32, glyphs: [Glyph], utf8: [UInt8], clusters: [Cluster], backward: Bool,
                y: Int32 = 0) {
        self.face = face; self.faceName = faceName; self.x = x; self.y = y; self.glyphs = glyphs
        self.utf8 = utf8; self.clusters = clusters; self.backward = backward
    }
}

/// Text that cannot be set: the typesetter's reason, with the text for the error message.
public struct TypesetError: Error, Sendable, CustomStringConvertible {
    public let text: String
    public let problem: String
    public init(text: String, problem: String) { self.text = text; self.problem = problem }
    public var description: String { "\(problem) in \"\(text.prefix(60))\"" }
}
