import Foundation

/// Numbers with their units ("4 °C", "8–12", "020 7946 0321", "-18 °C") must read left to
/// right inside right-to-left text. The bidirectional algorithm alone gets them wrong
/// ("C° 4", a minus sign on the far side), so each one is wrapped in a left-to-right
/// isolate (U+2066 … U+2069), as HTML's <bdi dir="ltr"> would.
enum BidiIsolation {
    static let leftToRightIsolate = "\u{2066}"
    static let firstStrongIsolate = "\u{2068}"
    static let popDirectionalIsolate = "\u{2069}"

    /// Text the ward typed (the unit's name, its hours, its web address) may be in any
    /// script, whatever the page's: isolated, it takes the direction of its own first
    /// letter and cannot pull its neighbours into it (an Urdu name before " · 020 7946 0321"
    /// would otherwise print the number as "0321 7946 020").
    static func firstStrong(_ text: String) -> String {
        text.isEmpty ? text : firstStrongIsolate + text + popDirectionalIsolate
    }

    /// A phone number reads left to right on every page, in every neighbourhood.
    static func leftToRight(_ text: String) -> String {
        text.isEmpty ? text : leftToRightIsolate + text + popDirectionalIsolate
    }

    /// Wraps each number in `text` in a left-to-right isolate. A number, optionally negative,
    /// has inner separators (spaces in phone numbers, dashes in ranges) and an optional unit;
    /// one that follows a letter or digit ("A4", "x2") is part of a word and left alone.
    /// Scanned by hand rather than with NSRegularExpression, whose ICU start-up was a
    /// millisecond of every right-to-left render.
    static func isolateNumbers(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let scan = NumberScan(scalars)
        var result = String.UnicodeScalarView()
        var copied = 0, start = 0
        while start < scalars.count {
            guard let end = scan.end(ofNumberAt: start) else {
                start += 1
                continue
            }
            result.append(contentsOf: scalars[copied..<start])
            result.append(contentsOf: leftToRightIsolate.unicodeScalars)
            result.append(contentsOf: scalars[start..<end])
            result.append(contentsOf: popDirectionalIsolate.unicodeScalars)
            copied = end
            start = end
        }
        result.append(contentsOf: scalars[copied...])
        return String(result)
    }
}

/// Where a number (as `BidiIsolation.isolateNumbers` means it) ends, if one starts at an index.
private struct NumberScan {
    let scalars: [Unicode.Scalar]
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private static let minusSigns: Set<Unicode.Scalar> = ["-", "\u{2212}"]
    /// Between the digit groups of one number: "020 7946 0321", "8–12", "1.5", "2/3", "10:30".
    private static let separators: Set<Unicode.Scalar> = [" ", ".", ",", ":", "/", "\u{2013}", "-"]
    private static let units: [[Unicode.Scalar]] = ["°C", "°F", "mL", "ml", "cm", "mm", "kg", "g", "%"].map { Array($0.unicodeScalars) }

    func end(ofNumberAt start: Int) -> Int? {
        if start > 0, isLetterOrNumber(scalars[start - 1]) { return nil }
        var index = start
        if Self.minusSigns.contains(scalars[index]) { index += 1 }
        guard let afterDigits = digitsEnd(from: index) else { return nil }
        index = afterDigits
        while index < scalars.count, Self.separators.contains(scalars[index]), let next = digitsEnd(from: index + 1) {
            index = next
        }
        if index < scalars.count, isSpace(scalars[index]), let afterUnit = unitEnd(from: index + 1) { return afterUnit }
        return unitEnd(from: index) ?? index
    }

    /// The end of one or more decimal digits (of any script) from `index`.
    private func digitsEnd(from index: Int) -> Int? {
        var end = index
        while end < scalars.count, scalars[end].properties.generalCategory == .decimalNumber { end += 1 }
        return end > index ? end : nil
    }

    private func unitEnd(from index: Int) -> Int? {
        for unit in Self.units where index + unit.count <= scalars.count && Array(scalars[index..<index + unit.count]) == unit {
            return index + unit.count
        }
        return nil
    }

    private func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// One white-space character, as regular expressions' \s means it.
    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: true
        default: ["\t", "\n", "\u{000C}", "\r"].contains(scalar)
        }
    }
}

extension RichText {
    /// The same text with every number isolated left to right (for right-to-left pages).
    func isolatingNumbers() -> RichText {
        RichText(runs: runs.map { Run(BidiIsolation.isolateNumbers($0.text), bold: $0.bold, link: $0.link) })
    }
}
