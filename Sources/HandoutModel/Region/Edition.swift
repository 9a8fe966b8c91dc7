/// Which words and which country's facts one handout prints: the language chosen from a
/// tag, the country chosen by the order of choice, and the wording variant the country's
/// readers use (`--lang en --country US` prints the en-US words).
public struct Edition: Sendable {
    public let language: LanguageChoice
    public let country: CountryFacts

    public init(language: LanguageChoice, country: CountryFacts) {
        self.language = language
        self.country = country
    }

    /// The tag that names the edition's files: the wording, with the country when the
    /// wording does not already say it ("es-US", "en-US", "ar-GB"; "ar" with no country).
    public var tag: String {
        guard let code = country.region?.code, LanguageTag(language.wording)?.region != code else { return language.wording }
        return "\(language.wording)-\(code)"
    }

    /// What was chosen other than exactly as asked, for the output line.
    public var notes: [String] {
        var notes = language.notes
        if let region = country.region { notes.append("country \(region.code) from \(country.chosenBy.rawValue)") }
        return notes
    }
}

extension Project {
    /// The edition for a language tag, an optional `--country` and a site profile.
    public func edition(language requested: String, country option: String?, site: Site) throws -> Edition {
        let resolver = languageResolver
        var language = try resolver.resolve(requested)
        let facts = try countryFacts(option: option, site: site, language: language)
        if language.overlay == nil, let region = facts.region, let overlay = resolver.overlay(for: language.guide, in: region) {
            language.overlay = overlay
            language.notes.append("\(region.code) wording: \(overlay)")
        }
        return Edition(language: language, country: facts)
    }
}
