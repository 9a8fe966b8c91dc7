import HandoutModel

/// `GET /handouts`: what exists, for other systems to build links from.
struct CatalogueJSON: Encodable {
    struct Handout: Encodable {
        let id: String
        let title: String
        let subtitle: String
        let papers: [String]
        let largePrintPapers: [String]
        let maxPages: Int
        let pdf: String
    }

    struct Language: Encodable {
        let tag: String
        let name: String
        let englishName: String
        let displayName: String
        let direction: String
        let review: String
    }

    struct Unit: Encodable {
        let id: String
        let name: String
        let country: String?
    }

    struct Country: Encodable {
        let code: String
        let name: String
    }

    let handouts: [Handout]
    let languages: [Language]
    /// Wording variants ("en-US" → "en"), chosen by the country or asked for by tag.
    let wordingVariants: [String: String]
    let countries: [Country]
    let units: [Unit]
    let variants: [String]
    let link: String

    init(_ catalogue: PageCatalogue, overlays: [String: String]) {
        handouts = catalogue.handouts.map {
            Handout(id: $0.id, title: $0.title, subtitle: $0.subtitle, papers: $0.papers.map(\.rawValue),
                    largePrintPapers: $0.largePrintPapers.map(\.rawValue), maxPages: $0.maxPages, pdf: "/handouts/\($0.id).pdf")
        }
        languages = catalogue.languages.map {
            Language(tag: $0.tag, name: $0.languageName, englishName: $0.englishName, displayName: $0.displayName,
                     direction: $0.isRightToLeft ? "rtl" : "ltr", review: $0.review)
        }
        wordingVariants = overlays
        countries = catalogue.countries.map { Country(code: $0.code, name: $0.name) }
        units = catalogue.units.map { Unit(id: $0.id, name: $0.name, country: $0.country) }
        variants = Variant.allCases.map(\.rawValue)
        link = "/handouts/{handout}.pdf?lang={tag}&paper={paper}&unit={unit}&country={CC}&variant={variant}"
    }
}

/// `GET /healthz`
struct Health: Encodable {
    let status: String
    let version: String
    let workers: Int
    let handouts: Int
    let languages: Int
    let cache: RenderCache.Statistics
}
