/// A BCP 47 language tag taken apart: "zh-Hant-TW" is language zh, script Hant, region TW.
/// Only what handouts need: language, optional script, optional region; other subtags are
/// kept so a message can say they were ignored.
public struct LanguageTag: Sendable, Equatable, CustomStringConvertible {
    public let language: String
    public let script: String?
    public let region: String?
    public let ignored: [String]

    /// Parses and canonicalises case ("EN_us" → "en-US"); nil when it is not a tag.
    public init?(_ text: String) {
        let parts = text.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false)
            .map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        language = first.lowercased()
        var rest = parts.dropFirst()
        if let next = rest.first, next.count == 4, next.allSatisfy({ $0.isASCII && $0.isLetter }) {
            script = next.prefix(1).uppercased() + next.dropFirst().lowercased()
            rest = rest.dropFirst()
        } else {
            script = nil
        }
        if let next = rest.first, (next.count == 2 && next.allSatisfy({ $0.isASCII && $0.isLetter }))
            || (next.count == 3 && next.allSatisfy({ $0.isASCII && $0.isNumber })) {
            region = next.uppercased()
            rest = rest.dropFirst()
        } else {
            region = nil
        }
        guard rest.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
            return nil
        }
        ignored = Array(rest)
    }

    /// Whether `text` is a well-formed tag already in canonical case.
    public static func isWellFormed(_ text: String) -> Bool {
        LanguageTag(text)?.description == text
    }

    public var description: String {
        ([language] + [script, region].compactMap { $0 } + ignored).joined(separator: "-")
    }

    /// Language and script only: "zh-Hant", "en".
    public var base: String { script.map { "\(language)-\($0)" } ?? language }

    /// The script Chinese is written in when the tag does not say: Traditional in Taiwan,
    /// Hong Kong and Macau, Simplified elsewhere (CLDR likely subtags).
    public var impliedScript: String? {
        if let script { return script }
        guard language == "zh" else { return nil }
        return ["TW", "HK", "MO"].contains(region ?? "") ? "Hant" : "Hans"
    }

    /// The region subtag when it names a country (not "419", Latin America).
    public var country: String? {
        guard let region, region.count == 2 else { return nil }
        return region
    }
}
