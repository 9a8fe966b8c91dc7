import CPangoCairo
import Foundation
import HandoutLayout
import HandoutModel

/// The whole pipeline for one project: load -> compose -> typeset and lay out -> paint.
/// Fonts load once per renderer; guides and layouts come from the project, which reads a
/// file again when it changes. It holds all the C state (fonts, shaping, pictures), so it
/// is not Sendable: the program's one `RenderWorker` owns it.
public final class Renderer {
    public let project: Project
    public let fonts: FontLibrary
    public let typesetter: PangoTypesetter
    public let images: ImageLibrary

    /// The theme as it is on disk now.
    public var theme: Theme { get throws { try project.theme() } }

    public static let version = "0.1.0"

    /// "Handouts 0.1.0 (Pango 1.50.12, cairo 1.16.0)": the PDF's creator field.
    public static var creator: String {
        "Handouts \(version) (Pango \(String(cString: pango_version_string())), cairo \(String(cString: cairo_version_string())))"
    }

    public init(project: Project) throws {
        _ = HeapTrimming.applied
        self.project = project
        images = ImageLibrary(assets: project)
        fonts = try FontLibrary(folder: project.fontFolder)
        typesetter = PangoTypesetter(fonts: fonts, family: try project.theme().fontFamily)
    }

    /// One handout in one edition (language and country) on one paper, as a semantic
    /// document. Without a paper: the country's, in the handout's sizes, else its first.
    public func document(handout: String, edition: Edition, paper: Paper?, site: Site = .neutral, date: Int? = nil,
                         options: RenderOptions = .standard) throws -> Document {
        let layout = try project.layout(handout)
        let guide = try project.guide(edition.language.wording)
        if let logo = site.logoPath {
            do { try images.check(logo) } catch let error as EngineError {
                throw site.error(at: "logo", error.problem, fix: error.fix)
            }
        }
        let composer = Composer(guide: guide, sources: try project.sources(), theme: try theme, site: site, country: edition.country,
                                date: date, creator: Renderer.creator)
        let papers = options.largePrint ? layout.largePrintPapers : layout.papers
        if options.largePrint, let problem = layout.largePrintProblem {
            throw LoadError(file: layout.file, keyPath: "label_stock", problem: problem)
        }
        let document = try composer.compose(layout, paper: paper ?? Paper.preferred(among: papers, country: edition.country.region),
                                            options: options)
        guard let stock = layout.labelStocks[document.paper] else { return document }
        let english = guide.isTranslation ? try project.guide("en") : nil
        return document.withLabel(LabelComposer(guide: guide, english: english, site: site).label(on: stock))
    }

    /// Typesets and lays out a document: a sheet of labels as one label placed on its stock.
    /// A character no font has is blamed on the file it came from: `site`'s line when the
    /// unit's profile wrote it, else the guide's.
    public func layout(_ document: Document, site: Site? = nil) throws -> LaidOutDocument {
        do {
            if document.label != nil { return try LabelSheetLayouter(measurer: typesetter).layout(document) }
            return try DocumentLayouter(measurer: typesetter, qrEncoder: LibQREncoder(), images: images).layout(document)
        } catch LayoutError.typeset(let blockID, let error) {
            throw blame(error, blockID: blockID, document: document, site: site)
        }
    }

    /// Paints a laid-out document into PDF bytes.
    public func pdf(_ laidOut: LaidOutDocument) throws -> Data {
        let painter = CairoPainter(images: images, faces: typesetter.faces)
        try laidOut.paint(on: painter)
        return painter.pdf
    }

    /// Paints a laid-out document as one PNG per page (previews).
    public func png(_ laidOut: LaidOutDocument, dpi: Double) throws -> [Data] {
        let painter = CairoPainter(output: .png(dpi: dpi), images: images, faces: typesetter.faces)
        try laidOut.paint(on: painter)
        return painter.pngPages
    }

    /// A two-faced card laid out at the cell size of `imposition` and placed n-up on its sheet.
    public func imposedCard(handout: String, edition: Edition, paper: Paper?, site: Site = .neutral, date: Int? = nil,
                            options: RenderOptions = .standard, imposition: Imposition) throws -> LaidOutDocument {
        let plain = try document(handout: handout, edition: edition, paper: paper, site: site, date: date, options: options)
        var cellOptions = options
        cellOptions.pageSize = imposition.cellSize(for: plain.pageSize)
        let cell = try document(handout: handout, edition: edition, paper: paper, site: site, date: date, options: cellOptions)
        return imposition.impose(try layout(cell, site: site))
    }

    /// Compose, lay out and paint in one go.
    public func renderPDF(handout: String, edition: Edition, paper: Paper?, site: Site = .neutral, date: Int? = nil,
                          options: RenderOptions = .standard) throws -> (pdf: Data, document: LaidOutDocument) {
        let laidOut = try layout(document(handout: handout, edition: edition, paper: paper, site: site, date: date,
                                          options: options), site: site)
        return (try pdf(laidOut), laidOut)
    }
}

/// A handout that cannot be rendered, named with its language.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public let handout: String
    public let language: String
    public let message: String
    public let fix: String
    public var description: String { "\(handout) (\(language)): \(message)" + (fix.isEmpty ? "" : " — \(fix)") }
}
