import HandoutEngine
import HandoutModel
import Hummingbird

/// One handout as a request asks for it, every part checked against the catalogue: the
/// handout, the language tag, the unit, the country, the paper and the variant. Nothing
/// here is ever used as a path.
struct HandoutChoice: Sendable, Equatable {
    var handout: String
    var language: String
    var unit: String?
    var country: String?
    var paper: Paper?
    var variant: Variant
    /// The staff's language beside the mother's (`with=en`: a bilingual edition), or nil.
    var with: String? = nil

    /// The longest value a parameter may have: every real one is a few letters.
    static let longestValue = 100

    /// From a query (`lang=ar&paper=a4&unit=riverside&country=GB&variant=large`). `handout`
    /// is the path's, or the query's `handout` on the page.
    static func parse(handout: String, query: Parameters, project: Project, units: UnitProfiles,
                      defaultUnit: String? = nil) throws -> HandoutChoice {
        func value(_ name: String) throws -> String? {
            guard let text = query.get(name), !text.isEmpty else { return nil }
            guard text.count <= longestValue else {
                throw RequestError(.badRequest, "\(name)= is longer than \(longestValue) characters — give a short id such as the page's menus offer")
            }
            return text
        }
        guard project.handouts.contains(handout) else {
            throw RequestError(.notFound, "unknown handout \"\(LoadError.oneLine(String(handout.prefix(60))))\" — "
                                   + NearestName.hint(for: handout, among: project.handouts, noun: "one of"))
        }
        let language = try value("lang") ?? "en"
        // The same check and message as `--lang`.
        _ = try project.languageResolver.resolve(language)
        let country = try value("country")?.uppercased()
        if let code = country, !project.regions.contains(code) { throw project.unknownCountry(code) }
        var paper: Paper?
        if let text = try value("paper") {
            guard let parsed = Paper(rawValue: text.lowercased()) else {
                throw RequestError(.badRequest, "unknown paper \"\(text.prefix(40))\" — "
                                       + NearestName.hint(for: text.lowercased(), among: Paper.allCases.map(\.rawValue), noun: "one of"))
            }
            paper = parsed
        }
        let unit: String?
        if let text = try value("unit") {
            // "none" is the page's choice of no profile (write-in lines).
            unit = text == "none" ? nil : try units.unit(text, countries: project.regions).id
        } else {
            unit = defaultUnit
        }
        let variant = try Variant.parse(try value("variant"))
        let with = try value("with")
        if let with {
            try bilingualCheck(handout: handout, language: language, with: with, largePrint: variant.options.largePrint, project: project)
        }
        return HandoutChoice(handout: handout, language: language, unit: unit, country: country, paper: paper,
                             variant: variant, with: with)
    }

    /// The command line's rules for `--with`, in the page's words (its tick box, not a flag).
    private static func bilingualCheck(handout: String, language: String, with: String, largePrint: Bool, project: Project) throws {
        let untick = "untick \u{201C}\(NursePage.withEnglishLabel)\u{201D}"
        let staff = try project.languageResolver.resolve(with)
        let layout = try project.layout(handout)
        // The model's rule (LayoutSpec.bilingualProblem) decides; only the words are the page's.
        if layout.bilingualProblem(largePrint: largePrint) != nil {
            throw RequestError(.badRequest, layout.isLabelSheet
                ? "the milk labels have no bilingual edition: each label already carries its English line — \(untick)"
                : "the pocket card has no room for a second language — \(untick), or print it as large print (a bilingual A4 or Letter sheet)")
        }
        if staff.guide == (try project.languageResolver.resolve(language)).guide {
            throw RequestError(.badRequest, "the handout is already in the staff's language (\(staff.guide)) — \(untick), "
                                   + "or choose the mother's language")
        }
    }

    /// The engine's request: the unit's profile as it is on disk now.
    func request(units: UnitProfiles, project: Project, date: Int?, output: RenderRequest.Output) throws -> RenderRequest {
        let site = try unit.map { try units.unit($0, countries: project.regions).site } ?? .neutral
        var request = RenderRequest(handout: handout, language: language, country: country, paper: paper, site: site,
                                    options: variant.options, date: date, output: output)
        request.with = with
        return request
    }

    /// The parameters that ask for this choice again (without the handout).
    var parameters: [(name: String, value: String)] {
        var parts = [("lang", language)]
        if let paper { parts.append(("paper", paper.rawValue)) }
        parts.append(("unit", unit ?? "none"))
        if let country { parts.append(("country", country)) }
        if variant != .standard { parts.append(("variant", variant.rawValue)) }
        if let with { parts.append(("with", with)) }
        return parts
    }

    /// The query that asks for this choice again (links on the page, for other systems).
    var query: String {
        parameters.map { "\($0.name)=\(HandoutChoice.percentEncoded($0.value))" }.joined(separator: "&")
    }

    /// Ids are plain ASCII, but a language tag as typed may not be: encode what is not.
    private static func percentEncoded(_ part: String) -> String {
        var result = ""
        for byte in part.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
