/// Which guide (and wording overlay) a requested language tag gets. One resolver for the
/// command line, `check` and the web service, so a tag means the same everywhere.
public struct LanguageResolver: Sendable {
    /// Base guides by tag: "en", "es", "zh-Hans".
    public let guides: [String]
    /// Wording overlays and the guide each one overlays: "en-US" → "en".
    public let overlays: [String: String]

    public init(guides: [String], overlays: [String: String]) {
        self.guides = guides
        self.overlays = overlays
    }

    /// Every tag that can be asked for exactly, bases first.
    public var available: [String] { guides + overlays.keys.sorted() }

    public func resolve(_ requested: String) throws -> LanguageChoice {
        guard let tag = LanguageTag(requested) else {
            throw LanguageError(requested: requested, reason: "not a language tag", available: available)
        }
        // The script decides the writing system: never give Simplified Chinese to a reader
        // of Traditional, whatever else matches.
        var script = tag.impliedScript
        if let given = script, LanguageResolver.usualScripts[tag.language] == given { script = nil }
        let wanted = script.map { "\(tag.language)-\($0)" } ?? tag.language
        let base: String
        if let exact = match(wanted, in: guides) {
            base = exact
        } else if script == nil, let only = onlyScriptVariant(of: tag.language) {
            base = only
        } else if guides.contains(where: { $0 == tag.language || $0.hasPrefix(tag.language + "-") }) {
            let shipped = guides.filter { $0 == tag.language || $0.hasPrefix(tag.language + "-") }
            throw LanguageError(requested: requested,
                                reason: "\(wanted) is not shipped (only \(shipped.joined(separator: ", ")), written differently)",
                                available: available)
        } else {
            throw LanguageError(requested: requested, reason: "no guide for this language", available: available)
        }
        var overlay: String?
        if let region = tag.region {
            let candidate = "\(base)-\(region)"
            if let found = overlays.keys.first(where: { $0.caseInsensitiveCompare(candidate) == .orderedSame }), overlays[found] == base {
                overlay = found
            }
        }
        // Every tag not served exactly as written is said: "es-MX → es", "zh → zh-Hans".
        let used = overlay ?? base
        let notes = used == tag.description ? [] : ["\(tag) → \(used)"]
        return LanguageChoice(requested: requested, guide: base, overlay: overlay, countryFromTag: tag.country, notes: notes)
    }

    /// The overlay a country's readers use for `guide`, if it ships.
    public func overlay(for guide: String, in region: Region) -> String? {
        guard let variant = region.wording[guide], overlays[variant] == guide else { return nil }
        return variant
    }

    /// The script each language's guide is written in when its tag names none (CLDR likely
    /// subtags): "pa-Guru" asks for the "pa" guide, "sr-Latn" would not find a Cyrillic "sr".
    static let usualScripts: [String: String] = [
        "ar": "Arab", "fa": "Arab", "ps": "Arab", "ur": "Arab", "hi": "Deva", "ne": "Deva", "mr": "Deva",
        "bn": "Beng", "pa": "Guru", "my": "Mymr", "th": "Thai", "ja": "Jpan", "ko": "Kore", "ru": "Cyrl", "uk": "Cyrl",
        "en": "Latn", "es": "Latn", "pt": "Latn", "pl": "Latn", "vi": "Latn", "ro": "Latn", "tr": "Latn", "so": "Latn",
        "tl": "Latn", "ht": "Latn", "sq": "Latn", "fr": "Latn", "de": "Latn", "id": "Latn",
    ]

    private func match(_ tag: String, in list: [String]) -> String? {
        list.first { $0.caseInsensitiveCompare(tag) == .orderedSame }
    }

    /// "pa" when only "pa-Guru" ships: a language written in one script here needs no script
    /// subtag to be found.
    private func onlyScriptVariant(of language: String) -> String? {
        let found = guides.filter { $0.hasPrefix(language + "-") }
        return found.count == 1 ? found[0] : nil
    }
}

/// The outcome of resolving a language tag.
public struct LanguageChoice: Sendable, Equatable {
    public let requested: String
    /// The base guide: "es", "zh-Hans".
    public let guide: String
    /// The wording overlay ("en-US"), when one applies.
    public var overlay: String?
    /// The country the tag names ("US" in es-US), if any.
    public let countryFromTag: String?
    /// What was not used exactly as asked, said in the output line.
    public var notes: [String]

    public init(requested: String, guide: String, overlay: String? = nil, countryFromTag: String? = nil, notes: [String] = []) {
        self.requested = requested; self.guide = guide; self.overlay = overlay
        self.countryFromTag = countryFromTag; self.notes = notes
    }

    /// The tag of the words printed: the overlay's, else the guide's.
    public var wording: String { overlay ?? guide }
}

/// A language tag that no shipped guide serves, with what ships.
public struct LanguageError: Error, Sendable, CustomStringConvertible {
    public let requested: String
    public let reason: String
    public let available: [String]
    public var description: String {
        "unknown language \"\(LoadError.oneLine(String(requested.prefix(40))))\": \(reason) — available: \(available.joined(separator: ", "))"
    }
}
