import HandoutLayout
import HandoutModel

extension Renderer {
    /// A bilingual edition: the handout in the mother's edition, each block paired with the
    /// same block in the staff's (`companion`), both in the mother's country. Without a
    /// paper: the country's, in the handout's sizes.
    public func document(handout: String, edition: Edition, companion: Edition, paper: Paper?, site: Site = .neutral,
                         date: Int? = nil, options: RenderOptions = .standard) throws -> Document {
        let layout = try project.layout(handout)
        if let logo = site.logoPath {
            do { try images.check(logo) } catch let error as EngineError {
                throw LoadError(file: site.file, keyPath: "logo", problem: error.problem, fix: error.fix)
            }
        }
        let sources = try project.sources(), theme = try self.theme
        func composer(_ edition: Edition) throws -> Composer {
            Composer(guide: try project.guide(edition.language.wording), sources: sources, theme: theme, site: site,
                     country: edition.country, date: date, creator: Renderer.creator)
        }
        let papers = options.largePrint ? layout.largePrintPapers : layout.papers
        return try BilingualComposer(mother: composer(edition), staff: composer(companion))
            .compose(layout, paper: paper ?? Paper.preferred(among: papers, country: edition.country.region), options: options)
    }
}
