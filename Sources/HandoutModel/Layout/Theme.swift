/// Type scale, colours and spacing shared by every handout (`Layouts/theme.yaml`).
public struct Theme: Sendable {
    public let fontFamily: String
    /// Extra font families per language, tried after `fontFamily` for characters it lacks.
    /// Han characters are drawn differently in Japanese, Chinese and Korean, so the
    /// language, not the character, must pick the face.
    public let languageFonts: [String: String]
    /// Baseline-to-baseline distance per language where the script needs more room than
    /// Latin (Arabic marks, Devanagari's tall conjuncts).
    public let languageLineHeights: [String: Double]
    /// Languages whose lines are spaced by their ink (Nastaliq): the least gap between the
    /// ink of two lines, in ems. Their line height is then the usual pitch, not the worst case.
    public let languageInkClearances: [String: Double]
    public let colors: Colors
    /// Greys only, for `--grayscale`; text contrast at least 7:1.
    public let grayscaleColors: Colors
    public let scales: [String: TypeScale]
    public let spacing: Spacing
    public let file: String

    /// One colour for every role: made complete (the loader reads every key), so looking
    /// a role up cannot fail.
    public struct Colors: Sendable, Equatable {
        private var table: [RGB]

        public init(_ color: (ColorRole) throws -> RGB) rethrows {
            table = try ColorRole.allCases.map(color)
        }

        public subscript(_ role: ColorRole) -> RGB {
            get { table[role.index] }
            set { table[role.index] = newValue }
        }

        public func replacing(_ role: ColorRole, with color: RGB) -> Colors {
            var copy = self
            copy[role] = color
            return copy
        }

        public var all: [(role: ColorRole, color: RGB)] { ColorRole.allCases.map { ($0, self[$0]) } }
    }

    /// Font sizes in points for one kind of handout.
    public struct TypeScale: Sendable, Equatable {
        private let sizes: [Double]
        /// When a fixed page does not fit, type shrinks uniformly but the body never goes
        /// below this size; past it the handout fails with an overflow error.
        public let bodyFloor: Double
        /// The floor for cards imposed n-up, whose cells are a little smaller than the card
        /// (a print room's choice); never below 8.5 pt.
        public let imposedBodyFloor: Double
        public subscript(_ role: TypeRole) -> Double { sizes[role.index] }

        public init(size: (TypeRole) throws -> Double, bodyFloor: Double, imposedBodyFloor: Double) rethrows {
            sizes = try TypeRole.allCases.map(size)
            self.bodyFloor = bodyFloor
            self.imposedBodyFloor = imposedBodyFloor
        }

        public func withFloor(_ floor: Double) -> TypeScale {
            TypeScale(size: { self[$0] }, bodyFloor: floor, imposedBodyFloor: imposedBodyFloor)
        }
    }

    public struct Spacing: Sendable, Equatable {
        /// Baseline-to-baseline distance as a multiple of the font size.
        public let lineHeight: Double
        public let paragraphGap: Double
        public let sectionGap: Double
        public let itemGap: Double
        public let boxPadding: Double
        public let columnGap: Double
        public let listIndent: Double
        /// Columns narrower than this many ems of body text are stacked into one column
        /// (A5 paper, large print): short lines of big type read badly.
        public let minimumColumnEms: Double
    }
}

/// What a colour is for: text, headings, boxes, urgent marks.
public enum ColorRole: Int, Sendable, CaseIterable {
    case text, muted, accent, onAccent, boxFill, alertFill, alertLine, urgent, rule, tick

    /// Its key in theme.yaml.
    public var key: String {
        switch self {
        case .onAccent: return "on_accent"
        case .boxFill: return "box_fill"
        case .alertFill: return "alert_fill"
        case .alertLine: return "alert_line"
        default: return "\(self)"
        }
    }

    var index: Int { rawValue }
}

/// What a type size is for.
public enum TypeRole: Int, Sendable, CaseIterable {
    case title, subtitle, heading, body, table, small

    /// Its key in theme.yaml.
    public var key: String { "\(self)" }

    var index: Int { rawValue }
}

/// A colour as 0–255 components.
public struct RGB: Sendable, Hashable, Codable, CustomStringConvertible {
    public let red: UInt8, green: UInt8, blue: UInt8
    public init(red: UInt8, green: UInt8, blue: UInt8) { self.red = red; self.green = green; self.blue = blue }

    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        red = UInt8(value >> 16 & 0xFF); green = UInt8(value >> 8 & 0xFF); blue = UInt8(value & 0xFF)
    }

    public var description: String {
        "#" + [red, green, blue].map { $0.hex(2, uppercase: false) }.joined()
    }

    public static let white = RGB(red: 255, green: 255, blue: 255)
    public static let black = RGB(red: 0, green: 0, blue: 0)
}

import Foundation

extension Theme {
    /// The comma-separated family list for text in `language` (exact tag, then its primary subtag).
    public func families(for language: String) -> String {
        let extra = languageFonts[language] ?? language.split(separator: "-").first.flatMap { languageFonts[String($0)] }
        return extra.map { "\(fontFamily),\($0)" } ?? fontFamily
    }

    public func lineHeight(for language: String) -> Double {
        languageLineHeights[language] ?? spacing.lineHeight
    }

    public func inkClearance(for language: String) -> Double {
        languageInkClearances[language] ?? 0
    }
}
