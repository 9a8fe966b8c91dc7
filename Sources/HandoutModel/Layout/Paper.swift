/// Paper sizes, in PostScript points (1/72 inch), portrait.
public enum Paper: String, Sendable, CaseIterable, Codable {
    case a4, letter, a5, a6
    /// 4 × 6 inch index card.
    case card4x6 = "4x6"

    public var width: Double {
        switch self {
        case .a4: return 595.2756
        case .letter: return 612
        case .a5: return 419.5276
        case .a6: return 297.6378
        case .card4x6: return 288
        }
    }

    public var height: Double {
        switch self {
        case .a4: return 841.8898
        case .letter: return 792
        case .a5: return 595.2756
        case .a6: return 419.5276
        case .card4x6: return 432
        }
    }

    public var displayName: String {
        switch self {
        case .a4: return "A4 (210 × 297 mm)"
        case .letter: return "US Letter (8.5 × 11 in)"
        case .a5: return "A5 (148 × 210 mm)"
        case .a6: return "A6 (105 × 148 mm)"
        case .card4x6: return "4 × 6 in card"
        }
    }

    public var size: PageSize { PageSize(width: width, height: height) }

    /// Sheets a printer feeds (A4, Letter, A5), as opposed to card sizes.
    public var isSheet: Bool { self == .a4 || self == .letter || self == .a5 }

    /// Inch-based sizes (US Letter, the 4 × 6 in card) against ISO 216 ones.
    public var isInchBased: Bool { self == .letter || self == .card4x6 }

    /// The size to use when none is asked for: the country's sheet if the handout has it,
    /// else the handout's first size of the same family (a 4 × 6 in card where Letter is
    /// the paper), else its first.
    public static func preferred(among papers: [Paper], country: Region?) -> Paper {
        guard let country else { return papers[0] }
        let sheet = country.paper.value
        if papers.contains(sheet) { return sheet }
        return papers.first { $0.isInchBased == sheet.isInchBased } ?? papers[0]
    }

}

/// Millimetres to points: layouts are written in millimetres, the engine works in points.
public func points(mm: Double) -> Double { mm * 72 / 25.4 }

/// A page's trim size in points: a standard paper, or the cell of an imposed sheet.
public struct PageSize: Sendable, Hashable, Codable, CustomStringConvertible {
    public let width: Double
    public let height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    public var description: String { "\((width * 25.4 / 72).fixed(0)) × \((height * 25.4 / 72).fixed(0)) mm" }
}

import Foundation
