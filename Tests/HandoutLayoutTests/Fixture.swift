import Foundation
import HandoutLayout
@testable import HandoutModel

/// Small documents for layout tests, composed from inline YAML with the shipped theme.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func yaml(_ text: String, _ file: String) throws -> YAMLNode {
        try YAMLFile.parse(Data(text.utf8), displayName: file)
    }

    static let sources = """
        sources:
          s1: {short: S1, title: Source one, evidence: seen}
        """

    static let strings = """
        strings:
          sources: Sources
          page: "Page {page} of {pages}"
          draft_notice: Draft.
          reviewed_notice: "Checked by {reviewer}."
          contacts_write_in: Write numbers here
          emergency_legend: "✱ Call {emergency} now."
          emergency_legend_no_country: "✱ Call your emergency number now."
          storage_no_country: Follow your unit's rules.
          contact_ward: Ward
          contact_infant_feeding: Feeding team
          contact_nicu: Neonatal unit
          contact_24h: 24-hour line
          contact_emergency: Emergency
          more_help: More help
          hours: Hours
          continued: (continued)
          label_baby_name: Baby's name
          label_hospital_number: Hospital number
          label_date_time: Date and time
          label_fresh: Fresh
          label_frozen: Frozen
          label_medicines: Medicines
        """

    /// A guide with `blocks` (YAML, indented by 2) and a layout with `pages` (YAML list of pages).
    static func document(blocks: String, pages: String, paper: Paper = .a4, scale: String = "sheet", maxPages: Int = 1,
                         overflow: String = "flow", direction: TextDirection = .ltr) throws -> Document {
        let guide = try GuideLoader.parse(yaml("""
            language: \(direction == .rtl ? "he" : "en")
            name: Test
            english_name: Test
            direction: \(direction.rawValue)
            review: {status: draft, date: 2026-12-01}
            \(strings)
            handouts:
              test: {title: Test handout, subtitle: For layout tests}
            blocks:
            \(blocks)
            """, "Guide/test.yaml"))
        let layout = try LayoutLoader.parse(yaml("""
            handout: test
            scale: \(scale)
            papers: [\(paper.rawValue)]
            margins_mm: {top: 10, bottom: 10, left: 15, right: 15}
            max_pages: \(maxPages)
            overflow: \(overflow)
            pages:
            \(pages)
            """, "Layouts/test.yaml"))
        let theme = try ThemeLoader.load(root.appendingPathComponent("Layouts/theme.yaml"), displayName: "Layouts/theme.yaml")
        let sourceList = try SourceList.parse(yaml(sources, "Guide/sources.yaml"))
        let country = CountryFacts(region: nil, chosenBy: .none, siteEmergency: "999",
                                   storage: StorageRules(id: "cdc", short: "CDC", name: "CDC", sources: ["s1"], rows: [], file: "cdc.yaml"))
        return try Composer(guide: guide, sources: sourceList, theme: theme, site: .neutral, country: country).compose(layout, paper: paper)
    }

    /// A bullet block with `count` items of `words` words each.
    static func bullets(_ id: String, heading: String = "A heading", count: Int, words: Int = 12) -> String {
        var text = "  \(id):\n    kind: bullets\n    heading: \(heading)\n    sources: [s1]\n    items:\n"
        for index in 0..<count {
            text += "      - text: Item \(index + 1) " + Array(repeating: "word", count: words).joined(separator: " ") + "\n"
        }
        return text
    }

    static func paragraph(_ id: String, heading: String = "A heading", words: Int) -> String {
        "  \(id):\n    kind: paragraph\n    heading: \(heading)\n    sources: [s1]\n    text: "
            + Array(repeating: "word", count: words).joined(separator: " ") + "\n"
    }
}

extension LaidOutPage {
    var textFrames: [(text: TypesetText, origin: Point)] {
        frames.compactMap { frame in
            if case let .text(text, origin, _) = frame { return (text, origin) }
            return nil
        }
    }

    /// Tag depth never goes negative and ends at zero.
    var tagsAreBalanced: Bool {
        var depth = 0
        for item in items {
            switch item {
            case .beginTag: depth += 1
            case .endTag: depth -= 1; if depth < 0 { return false }
            default: break
            }
        }
        return depth == 0
    }
}
