import HandoutModel

/// What the page's menus offer, read from the project and the units folder at each
/// request (both change on disk): handouts with their English titles, languages named in
/// their own script and in English, units, countries.
struct PageCatalogue: Sendable {
    struct Handout: Sendable {
        let id: String
        let title: String
        let subtitle: String
        let papers: [Paper]
        let largePrintPapers: [Paper]
        let maxPages: Int
    }

    struct Language: Sendable {
        let tag: String
        /// "العربية — Arabic"
        let displayName: String
        let languageName: String
        let englishName: String
        /// A translation whose reviewer has not signed it (marked on the page as on paper).
        let isDraft: Bool
        /// "draft" or "reviewed", as the guide says.
        let review: String
        let isRightToLeft: Bool
    }

    struct Unit: Sendable {
        let id: String
        let name: String
        let country: String?
    }

    struct Country: Sendable {
        let code: String
        let name: String
    }

    let handouts: [Handout]
    let languages: [Language]
    let units: [Unit]
    /// Units whose profile does not load, with the profile's one-line error.
    let brokenUnits: [(id: String, message: String)]
    let countries: [Country]

    init(project: Project, units profiles: UnitProfiles) {
        let english = try? project.guide("en")
        handouts = project.handouts.compactMap { id in
            guard let layout = try? project.layout(id) else { return nil }
            let text = english?.handouts[id]
            return Handout(id: id, title: text?.title.source ?? id, subtitle: text?.subtitle.source ?? "", papers: layout.papers,
                           largePrintPapers: layout.largePrintPapers, maxPages: layout.maxPages)
        }
        languages = project.languages.map { tag in
            guard let guide = try? project.guide(tag) else {
                return Language(tag: tag, displayName: tag, languageName: tag, englishName: tag, isDraft: true, review: "draft", isRightToLeft: false)
            }
            return Language(tag: tag, displayName: guide.displayName, languageName: guide.languageName, englishName: guide.englishName,
                            isDraft: guide.review.status == .draft && guide.isTranslation,
                            review: guide.review.status.rawValue, isRightToLeft: guide.direction == .rtl)
        }
        var loaded: [Unit] = [], broken: [(String, String)] = []
        for id in profiles.ids {
            do {
                let unit = try profiles.unit(id, countries: project.regions)
                loaded.append(Unit(id: id, name: unit.site.unit, country: unit.site.country))
            } catch {
                broken.append((id, RequestError.from(error).message))
            }
        }
        units = loaded
        brokenUnits = broken
        countries = project.regions.map { code in Country(code: code, name: (try? project.region(code).name) ?? code) }
    }

    func handout(_ id: String?) -> Handout? { handouts.first { $0.id == id } }
    func language(_ tag: String) -> Language? { languages.first { $0.tag == tag } }
    func country(_ code: String?) -> Country? { countries.first { $0.code == code } }
    func unit(_ id: String?) -> Unit? { units.first { $0.id == id } }

    /// "1 page", "up to 2 pages"
    static func pagesText(_ handout: Handout) -> String {
        handout.maxPages == 1 ? "1 page" : "up to \(handout.maxPages) pages"
    }
}
