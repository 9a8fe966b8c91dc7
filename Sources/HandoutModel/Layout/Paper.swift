/// Paper sizes, in PostScript points (1/72 inch), portrait.
public enum Paper: String, Sendable, CaseIterable {
    case a4, letter, a5, a6

    public var width: Double {
        switch self {
        case .a4: return 595.2756
        case .letter: return 612
        case .a5: return 419.5276
        case .a6: return 297.6378
        }
    }

    public var height: Double {
        switch self {
        case .a4: return 841.8898
        case .letter: return 792
        case .a5: return 595.2756
        case .a6: return 419.5276
        }
    }

    public var displayName: String {
        switch self {
        case .a4: return "A4 (210 × 297 mm)"
        case .letter: return "US Letter (8.5 × 11 in)"
        case .a5: return "A5 (148 × 210 mm)"
        case .a6: return "A6 (105 × 148 mm)"
        }
    }
}

/// Millimetres to points: layouts are written in millimetres, the engine works in points.
public func points(mm: Double) -> Double { mm * 72 / 25.4 }
