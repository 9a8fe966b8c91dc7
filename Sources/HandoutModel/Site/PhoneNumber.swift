/// A phone number as a ward writes it: digits with spaces, + ( ) - . as separators, and
/// optionally an extension ("020 7946 0321 ext 4567", "x4567"). What is printed is the
/// text as written; what a phone dials is its `tel:` link (RFC 3966), whose extension is a
/// parameter (`tel:02079460321;ext=4567`), so the switchboard puts the call through.
public struct PhoneNumber: Sendable, Equatable {
    /// The number without its extension, as written.
    public let main: String
    /// The extension's digits, if any.
    public let extensionDigits: String?

    /// Longest text accepted: a full international number with a long extension.
    public static let maximumLength = 40

    /// The words that introduce an extension, lower-cased, longest first.
    static let extensionMarkers = ["extension", "ext.", "ext", "x"]

    /// Parses `text`, or nil when it is not a number a phone can dial.
    public init?(_ text: String) {
        var body = Substring(text)
        var digits: String?
        let lowered = text.lowercased()
        for marker in PhoneNumber.extensionMarkers {
            guard let range = lowered.range(of: marker, options: .backwards) else { continue }
            let after = lowered[range.upperBound...].drop(while: { $0 == " " })
            guard !after.isEmpty, after.count <= 6, after.allSatisfy(\.isASCIIDigit) else { continue }
            let offset = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
            body = Substring(text.prefix(offset))
            digits = String(after)
            break
        }
        let main = body.trimmingSpaces
        guard !main.isEmpty, main.unicodeScalars.allSatisfy({ PhoneNumber.allowed.contains($0) }),
              main.contains(where: \.isASCIIDigit) else { return nil }
        self.main = main
        extensionDigits = digits
    }

    private static let allowed = Set("0123456789+()-. ".unicodeScalars)

    /// `tel:` and the number without spaces, then `;ext=` and the extension.
    public var telURI: String {
        "tel:" + main.filter { $0 != " " } + (extensionDigits.map { ";ext=" + $0 } ?? "")
    }

    /// The link for a number as written: parsed when it can be, else its characters
    /// without spaces (an emergency number such as "999" parses too).
    public static func telURI(for written: String) -> String {
        PhoneNumber(written)?.telURI ?? "tel:" + written.filter { !$0.isWhitespace }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
