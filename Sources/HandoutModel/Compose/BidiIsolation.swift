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

    // A number, optionally negative, with inner separators (spaces in phone numbers,
    // dashes in ranges) and an optional unit.
    private static let pattern = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}])[-−]?\p{Nd}+(?:[ .,:/–-]\p{Nd}+)*(?:\s?(?:°C|°F|mL|ml|cm|mm|kg|g|%))?"#)

    static func isolateNumbers(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        var result = ""
        var last = text.startIndex
        for match in pattern.matches(in: text, range: range) {
            guard let found = Range(match.range, in: text) else { continue }
            result += text[last..<found.lowerBound]
            result += leftToRightIsolate + text[found] + popDirectionalIsolate
            last = found.upperBound
        }
        result += text[last...]
        return result
    }
}

extension RichText {
    /// The same text with every number isolated left to right (for right-to-left pages).
    func isolatingNumbers() -> RichText {
        RichText(runs: runs.map { Run(BidiIsolation.isolateNumbers($0.text), bold: $0.bold, link: $0.link) })
    }
}
