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

    public init(size: Double, bold: Bool = false, alignment: Alignment = .start, lineHeight: Double,
                language: String, direction: TextDirection, families: String = "") {
        self.size = size; self.bold = bold; self.alignment = alignment
        self.lineHeight = lineHeight; self.language = language; self.direction = direction
        self.families = families
    }
}

/// Shapes and breaks paragraphs. The Pango implementation lives in HandoutEngine; tests use
/// `FixedAdvanceMeasurer`, so layout is testable without fonts or C.
public protocol TextMeasurer {
    /// Sets `text` in lines no wider than `width`. Throws when the text cannot be shown
    /// (a character no font has).
    func typeset(_ text: RichText, style: TextStyle, width: Double) throws -> TypesetText
}

/// A paragraph broken into lines, ready to be drawn as a unit.
public protocol TypesetText: AnyObject, Sendable {
    var text: RichText { get }
    var style: TextStyle { get }
    /// The width the text was set in; alignment is relative to this box.
    var boxWidth: Double { get }
    var lines: [TypesetLine] { get }
    /// From the top of the first line to the bottom of the last.
    var height: Double { get }
}

extension TypesetText {
    /// The widest line's width.
    public var inkWidth: Double { lines.map(\.width).max() ?? 0 }
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

    public init(text: String, x: Double, baseline: Double, width: Double, ascent: Double, descent: Double, rightToLeft: Bool) {
        self.text = text; self.x = x; self.baseline = baseline; self.width = width
        self.ascent = ascent; self.descent = descent; self.rightToLeft = rightToLeft
    }
}

/// Text that cannot be set: the typesetter's reason, with the text for the error message.
public struct TypesetError: Error, Sendable, CustomStringConvertible {
    public let text: String
    public let problem: String
    public init(text: String, problem: String) { self.text = text; self.problem = problem }
    public var description: String { "\(problem) in \"\(text.prefix(60))\"" }
}
