import ArgumentParser
import Foundation
import HandoutModel

/// Options every command that makes a handout shares: which language and paper, the unit's
/// profile, where the files are, and the print variants.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language, as a tag such as en, es or es-US (render also takes all). A region in the tag (es-US) also sets the country.", valueName: "tag"))
    var lang = "en"

    @Option(name: .long, help: ArgumentHelp("Country the handout is used in (ISO code such as GB, US, BR): its emergency number, units and milk-storage rules. Default: the site profile's country:, else the region of --lang; with none, no emergency number is printed.",
                                            valueName: "CC"))
    var country: String?

    @Option(name: .long, help: ArgumentHelp("Paper size: a4, letter, a5 (sheets), a6 or 4x6 (the card). Default: the handout's first.",
                                            valueName: "size"))
    var paper: String?

    @Option(name: .long, help: ArgumentHelp("Your unit's profile (YAML): name, phone numbers, hours, web link, logo, colour. See docs/site.example.yaml.",
                                            valueName: "file"))
    var site: String?

    @Flag(name: .customLong("large-print"), help: "Large print: every text at least 16 pt, one column, more pages.")
    var largePrint = false

    @Flag(name: .long, help: "Greys only, for black-and-white printers (text contrast at least 7:1).")
    var grayscale = false

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    var renderOptions: RenderOptions { RenderOptions(largePrint: largePrint, grayscale: grayscale) }

    /// "-large", "-grey": so variants never overwrite the standard files.
    var fileSuffix: String { (largePrint ? "-large" : "") + (grayscale ? "-grey" : "") }

    func parsedPaper() throws -> Paper? {
        guard let paper else { return nil }
        guard let value = Paper(rawValue: paper.lowercased()) else {
            throw UsageError(message: "unknown paper \"\(paper)\" — \(NearestName.hint(for: paper.lowercased(), among: Paper.allCases.map(\.rawValue), noun: "one of"))")
        }
        return value
    }

    /// The site profile, or the neutral one (write-in lines) without --site. Notes such as
    /// a darkened brand colour are said once, as warnings.
    func loadSite(_ project: Project) throws -> Site {
        guard let site else { return .neutral }
        let loaded = try SiteLoader.load(URL(fileURLWithPath: site), displayName: site, countries: project.regions)
        for note in loaded.notes { Console.warning(note) }
        return loaded
    }

    /// The editions to make: one language (with its country), or every guide for --lang all.
    func editions(_ project: Project, site: Site, allowAll: Bool) throws -> [Edition] {
        if let country, !project.regions.contains(country.uppercased()) {
            throw UsageError(message: String(describing: project.unknownCountry(country)))
        }
        let tags: [String]
        if lang == "all" {
            guard allowAll else { throw UsageError(message: "--lang all is for render; name one language here, e.g. --lang es") }
            tags = project.languages
        } else {
            tags = [lang]
        }
        do {
            return try tags.map { try project.edition(language: $0, country: country, site: site) }
        } catch let error as LanguageError {
            throw UsageError(message: error.description)
        }
    }
}
