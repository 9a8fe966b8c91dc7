/// The staff's language of a bilingual handout (`--with en`): its words, in the mother's
/// edition's country, so both languages print the same emergency number, units and storage
/// times, and the staff's wording is the one that country reads (en-US in the US).
extension Project {
    public func companionEdition(language requested: String, besides mother: Edition) throws -> Edition {
        let resolver = languageResolver
        var language = try resolver.resolve(requested)
        guard language.guide != mother.language.guide else { throw CompanionError(requested: requested, mother: mother.language.guide) }
        if language.overlay == nil, let region = mother.country.region, let overlay = resolver.overlay(for: language.guide, in: region) {
            language.overlay = overlay
        }
        return Edition(language: language, country: mother.country)
    }
}

extension Edition {
    /// The tag naming a bilingual edition's files: the mother's, "+", the staff's words ("ar+en", "es-US+en-US").
    public func tag(with companion: Edition?) -> String {
        companion.map { tag + "+" + $0.language.wording } ?? tag
    }
}

/// A second language that cannot go with the handout's: it is the handout's own.
public struct CompanionError: Error, Sendable, CustomStringConvertible {
    public let requested: String
    public let mother: String
    public var description: String {
        let example = mother == "en" ? "--lang ar --with en" : "--lang \(mother) --with en"
        return "--with \(LoadError.oneLine(String(requested.prefix(40)))) is the handout's own language (\(mother)): "
            + "the second language is the staff's, so name a different one, e.g. \(example)"
    }
}

extension LayoutSpec {
    /// Why this handout has no bilingual edition (`--with`), or nil. The pocket card's faces
    /// are fixed and already shrink their type towards the 9 pt floor to hold one language;
    /// a sheet of labels carries its own English line. The large-print card flows on A4 and
    /// Letter, so it can take a second language.
    public func bilingualProblem(largePrint: Bool) -> String? {
        if isLabelSheet {
            return "\(handout) has no bilingual edition: each label already carries its English line — leave out --with"
        }
        guard overflow == .shrink && !largePrint else { return nil }
        return "\(handout) is a pocket card with fixed faces: there is no room on it for a second language — "
            + "leave out --with (give the mother the card in her language and keep one in yours), "
            + "or add --large-print for a bilingual A4 or Letter version"
    }
}
