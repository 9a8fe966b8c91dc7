import Foundation

/// WCAG contrast between colours, and darkening a colour until white text on it (and it,
/// as text on white) reads well enough.
extension RGB {
    /// Relative luminance (WCAG 2.x).
    public var luminance: Double {
        func channel(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// Contrast ratio with another colour, from 1:1 to 21:1.
    public func contrast(with other: RGB) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The same hue, darkened in small steps until its contrast with white reaches `ratio`.
    public func darkened(toContrast ratio: Double) -> RGB {
        var factor = 1.0
        var color = self
        while color.contrast(with: .white) < ratio && factor > 0 {
            factor -= 0.02
            color = RGB(red: UInt8(Double(red) * factor), green: UInt8(Double(green) * factor), blue: UInt8(Double(blue) * factor))
        }
        return color
    }

    public var isGrey: Bool { red == green && green == blue }
}
