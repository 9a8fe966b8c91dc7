import HandoutModel

/// `--with`: the staff's language paired with each of the mother's editions.
enum Bilingual {
    /// One partner per edition, in that edition's country; nil for the edition that is the
    /// partner's own language under `--lang all` (said once in the notes). With one
    /// language, `--with` equal to it is an error.
    static func companions(for editions: [Edition], with: String, project: Project) throws -> ([Edition?], [String]) {
        guard with != "all" else {
            throw UsageError(message: "--with takes one language, the staff's (e.g. --with en), not all")
        }
        var companions: [Edition?] = []
        var left: [String] = []
        for edition in editions {
            do {
                companions.append(try project.companionEdition(language: with, besides: edition))
            } catch let error as CompanionError {
                guard editions.count > 1 else { throw UsageError(message: error.description) }
                companions.append(nil)
                left.append(edition.language.wording)
            } catch let error as LanguageError {
                throw UsageError(message: "--with: " + error.description)
            }
        }
        let notes = left.isEmpty ? [] : ["\(left.joined(separator: ", ")) left out: --with \(with) pairs every other language with it"]
        return (companions, notes)
    }
}
