import Foundation
import HandoutModel

/// Everything one render depends on, as a value that crosses task and process boundaries:
/// the handout, the language as asked, the country, the paper, the unit's profile and the
/// print variants. The same request always gives the same bytes.
public struct RenderRequest: Sendable, Hashable, Codable {
    public enum Output: Sendable, Hashable, Codable {
        case pdf
        /// One PNG per page at this resolution (previews).
        case png(dpi: Double)
    }

    public var handout: String
    /// A language tag as a user wrote it ("es-US"): the worker resolves it.
    public var language: String
    /// `--country`; nil leaves the choice to the site profile and the language tag.
    public var country: String?
    /// nil: the country's paper in the handout's sizes.
    public var paper: Paper?
    public var site: Site
    public var options: RenderOptions
    /// Cards to a sheet (2 or 4), with the sheet; nil for the handout's own pages.
    public var nUp: Int?
    public var sheet: Paper?
    /// For a print shop: millimetres of bleed on every side, with crop marks beyond it and
    /// the PDF's TrimBox and BleedBox set; nil prints the page as it is.
    public var bleed: Double?
    /// The PDF's date (SOURCE_DATE_EPOCH), else the guide's review date.
    public var date: Int?
    public var output: Output
    /// A bilingual edition (`--with en`): the staff's language as a user wrote it, set beside
    /// or under the mother's (`language`) block by block; nil for one language.
    public var with: String? = nil

    public init(handout: String, language: String, country: String? = nil, paper: Paper? = nil, site: Site = .neutral,
                options: RenderOptions = .standard, nUp: Int? = nil, sheet: Paper? = nil, bleed: Double? = nil, date: Int? = nil,
                output: Output = .pdf) {
        self.handout = handout; self.language = language; self.country = country; self.paper = paper; self.site = site
        self.options = options; self.nUp = nUp; self.sheet = sheet; self.bleed = bleed; self.date = date; self.output = output
    }
}

/// What a render gives back: the file (or page images) and what was done to make it fit.
public struct RenderResult: Sendable, Codable {
    public let pdf: Data
    /// With `.png`: one image per page.
    public let pngPages: [Data]
    public let pages: Int
    public let paper: Paper
    /// The edition's tag ("es-US"), for file names.
    public let editionTag: String
    /// Choices made other than exactly as asked ("es-MX → es", the country), to be said.
    public let notes: [String]
    /// Whether the country was known (without it no emergency number was printed).
    public let hasCountry: Bool
    public let typeScale: Double
    public let gapScale: Double
    public let lineScale: Double
}

/// Why a render failed, as a value that crosses a process boundary: the one-line message
/// and what kind of mistake it is (for the exit status, or the web service's status code).
public struct RenderFailure: Error, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// A request naming something that does not exist (handout, language, country, paper).
        case request
        /// A file of the project or the site profile is wrong, or text does not fit.
        case data
        /// A file could not be read or written.
        case io
        /// The worker itself failed (a helper process died).
        case internalError
    }
    public let kind: Kind
    public let message: String
    public init(kind: Kind, message: String) { self.kind = kind; self.message = message }
    public var description: String { message }
}
