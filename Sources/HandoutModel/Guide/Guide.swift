import Foundation

/// The structured guide in one language: text only, no geometry, and no fact that depends
/// on the country (those come from `Guide/regions/`). Every clinical statement carries
/// source keys that resolve in `sources.yaml`. All text is `Prose`, checked on load.
public struct Guide: Sendable {
    /// BCP 47 tag exactly as the file names it, e.g. "en", "zh-Hans", "en-US".
    public let language: String
    /// The language's name in itself ("English", "Español"), for `list` and menus.
    public let languageName: String
    /// Its name in English ("Spanish"), beside the own name everywhere: "Español — Spanish".
    public let englishName: String
    public let direction: TextDirection
    /// The review as the file records it (`review:`). For an overlay, the less reviewed of
    /// the overlay's and its base's.
    public let recordedReview: Review
    /// Blocks whose English text changed since they were translated (their `from_en`
    /// differs from the English block's fingerprint); set by `checkingFreshness(against:)`.
    public internal(set) var staleBlocks: [StaleBlock] = []
    public let strings: UIStrings
    /// Title, subtitle and keywords of each handout, keyed by handout id.
    public let handouts: [String: HandoutText]
    /// Blocks keyed by id; `blockOrder` keeps the file's order for reports.
    public let blocks: [String: Block]
    public let blockOrder: [String]
    /// How errors name this file, e.g. "Guide/en.yaml".
    public let file: String
    /// For a wording variant ("en-US"): the guide it overlays, and the blocks it replaces.
    public let variant: Variant?

    public struct Variant: Sendable, Equatable {
        /// The base guide's tag ("en").
        public let base: String
        /// The overlay file ("Guide/en-US.yaml").
        public let file: String
        /// Blocks the overlay replaces; every other block is the base guide's.
        public let replacedBlocks: [String]
    }

    /// The review as the guide prints: the recorded one, except that a reviewed guide with
    /// stale blocks is a draft again until they are re-reviewed (the English it was signed
    /// against is no longer the English it answers to).
    public var review: Review {
        guard recordedReview.status == .reviewed, !staleBlocks.isEmpty else { return recordedReview }
        return Review(status: .draft, reviewer: recordedReview.reviewer, date: recordedReview.date,
                      note: "\(staleBlocks.count) block\(staleBlocks.count == 1 ? "" : "s") changed in English since the review")
    }

    /// "العربية — Arabic"; "English" alone for English.
    public var displayName: String { languageName == englishName ? languageName : "\(languageName) — \(englishName)" }

    /// Every guide but the English ones is a translation of English.
    public var isTranslation: Bool { language != "en" && !language.hasPrefix("en-") }
}

public enum TextDirection: String, Sendable, CaseIterable {
    case ltr, rtl
}

/// Who checked this text and when. Translations are drafts until a qualified reviewer
/// signs them; the handout says so in its footer.
public struct Review: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable { case draft, reviewed }
    public let status: Status
    public let reviewer: String?
    /// The date of the last review or edit; also the PDFs' creation date when
    /// SOURCE_DATE_EPOCH is not set, so output is reproducible.
    public let date: CalendarDate
    public let note: String?
}

/// The few words the engine itself prints around the guide's blocks.
public struct UIStrings: Sendable, Equatable {
    /// Each key with the placeholders its text may (and, if listed, must) use.
    public static let placeholders: [String: Set<Placeholder.Kind>] = [
        "sources": [], "page": [.page, .pages], "draft_notice": [], "reviewed_notice": [.reviewer, .date],
        "contacts_write_in": [], "emergency_legend": [.emergency], "emergency_legend_no_country": [],
        "contact_ward": [], "contact_infant_feeding": [], "contact_nicu": [], "contact_24h": [], "contact_emergency": [],
        "more_help": [], "hours": [], "storage_no_country": [], "continued": [],
        // The milk labels' fields (LabelField), in the words of the card's "Label each one" line.
        "label_baby_name": [], "label_hospital_number": [], "label_date_time": [], "label_fresh": [], "label_frozen": [],
        "label_medicines": [],
    ]
    public static let keys = placeholders.keys.sorted()

    public let values: [String: Prose]
    public subscript(_ key: String) -> Prose { values[key]! }
}

public struct HandoutText: Sendable, Equatable {
    public let title: Prose
    public let subtitle: Prose
    public let keywords: [String]
}

/// One unit of content with a stable id: a paragraph, a list, a table or a tracker.
public struct Block: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case paragraph, bullets, steps, checklist, callout, table, tracker
        /// A picture from `Guide/figures/`, with alt text and a caption.
        case figure
        /// Numbered colour swatches (the stool-colour card), colours from a source.
        case swatches
        /// Lines to write on (the baby's name, birth weight).
        case fields
    }
    public let id: String
    public let kind: Kind
    public let heading: Prose?
    /// The paragraph itself, or a lead-in line before a list, table or tracker.
    public let text: Prose?
    public let items: [Item]
    /// Lines that depend on the country's milk-storage rule set, by rule-set id
    /// (`Guide/storage/ID.yaml`): the country picks one, and its file supplies the sources.
    public let storageRules: [String: [Item]]
    public let table: Table?
    public let tracker: Tracker?
    public let figure: Figure?
    public let swatches: Swatches?
    public let fields: [WriteInField]
    /// Sources for the whole block; items and rows may add their own.
    public let sources: [String]
    /// False for blocks that make no clinical statement (instructions on how to use the
    /// tracker, say), which then need no source.
    public let clinical: Bool
    /// A translation whose numbers differ from English on purpose says why (the Japanese
    /// colostrum timeline follows Japanese sources); `check` then does not compare them.
    public let numbersDiffer: String?
    /// In a translation: the fingerprint of the English block it was made from (`from_en`,
    /// see `Block.englishFingerprint`), so a later change to the English shows as stale.
    public let fromEnglish: String?
    public let location: SourceLocation
}

public struct Item: Sendable {
    public let text: Prose
    public let sources: [String]
    /// Marked ✱ on the page: call the emergency number or go now.
    public let urgent: Bool
    public let items: [Item]
    public let location: SourceLocation
}

/// A picture without words (labels come from the guide, so they translate and mirror).
public struct Figure: Sendable {
    /// The file's id: `Guide/figures/ID.svg`.
    public let id: String
    /// Printed exactly this wide (a size drawn to scale), else as wide as the column allows.
    public let widthMM: Double?
    /// What the picture shows, for screen readers (the PDF's Figure element).
    public let alt: Prose
    public let caption: Prose?
}

/// Numbered colour swatches: each group's numbers with what they mean. The colours come
/// from the source (`colours:` in sources.yaml), never from a translation.
public struct Swatches: Sendable {
    /// The source key whose `colours` give each numbered swatch its sRGB value.
    public let source: String
    public let groups: [Group]
    public struct Group: Sendable {
        public let label: Prose
        public let numbers: [Int]
        /// A group that means "call today": its label is bold and marked.
        public let alert: Bool
        public let location: SourceLocation
    }
}

/// A place to write by hand: a line, or tick boxes for one of a few choices.
public struct WriteInField: Sendable {
    public let label: Prose
    /// Tick-box choices ("Fresh", "Frozen"); empty for a line.
    public let choices: [Prose]
    public let location: SourceLocation
}

/// A small comparison table (colostrum against mature milk, say).
public struct Table: Sendable {
    public let columns: [Prose]
    public let rows: [Row]
    public struct Row: Sendable {
        public let cells: [Prose]
        public let sources: [String]
        public let location: SourceLocation
    }
}

/// The day-by-day tracker: one row per day, one column per thing to count, each cell a
/// row of tick boxes with the day's target beside it.
public struct Tracker: Sendable {
    public let dayHeading: Prose
    public let columns: [Column]
    public let rows: [Row]
    public struct Column: Sendable {
        public let id: String
        public let label: Prose
        /// How many tick boxes each day gets in this column; 0 makes it a line to write on.
        public let boxes: Int
    }
    public struct Row: Sendable {
        public let label: Prose
        /// The day's target per column id ("8–12", "3+ green-brown").
        public let targets: [String: Prose]
        public let location: SourceLocation
    }
}

public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let keyPath: String
    public var description: String {
        var text = file
        if let line { text += ":\(line)"; if let column { text += ":\(column)" } }
        return text
    }
}

/// A date without a time or zone, as written in the guide (2026-12-01), and the one place
/// that converts between calendar dates and seconds since 1970 (UTC). Plain arithmetic
/// after Howard Hinnant's civil-date algorithms: no Calendar or DateFormatter, which start
/// ICU for a few strings per PDF.
public struct CalendarDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
        // 2026-02-30 comes back as March 2: not a date.
        guard CalendarDate(days: daysSince1970) == self else { return nil }
    }

    /// The date `days` days after 1970-01-01.
    init(days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public var description: String { "\(year.padded(4))-\(month.padded(2))-\(day.padded(2))" }

    /// Seconds since 1970 at midnight UTC.
    public var epochSeconds: Int { daysSince1970 * 86_400 }

    /// "2026-11-30T00:00:00Z" for seconds since 1970, in UTC (the PDF's dates).
    public static func isoTimestamp(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        return "\(CalendarDate(days: days))T\((secondOfDay / 3_600).padded(2)):"
            + "\((secondOfDay % 3_600 / 60).padded(2)):\((secondOfDay % 60).padded(2))Z"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension YAMLNode {
    var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column, keyPath: keyPath)
    }
}
