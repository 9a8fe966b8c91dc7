import Foundation

/// The structured guide in one language: text only, no geometry. Every clinical statement
/// carries source keys that resolve in `sources.yaml`.
public struct Guide: Sendable {
    /// BCP 47 tag exactly as the file names it, e.g. "en", "zh-Hans".
    public let language: String
    /// The language's name in itself ("English", "Español"), for `list` and menus.
    public let languageName: String
    public let direction: TextDirection
    public let review: Review
    public let locale: LocaleFacts
    public let strings: UIStrings
    /// Title, subtitle and keywords of each handout, keyed by handout id.
    public let handouts: [String: HandoutText]
    /// Blocks keyed by id; `blockOrder` keeps the file's order for reports.
    public let blocks: [String: Block]
    public let blockOrder: [String]
    /// How errors name this file, e.g. "Guide/en.yaml".
    public let file: String
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

/// Facts that differ by place, taken from the guide rather than hard-coded.
public struct LocaleFacts: Sendable, Equatable {
    /// The emergency telephone number the red flags point to ("999", "911", "119").
    public let emergencyNumber: String
}

/// The few words the engine itself prints around the guide's blocks.
public struct UIStrings: Sendable, Equatable {
    public static let keys = [
        "sources", "page", "draft_notice", "reviewed_notice", "contacts_heading",
        "contacts_write_in", "emergency_legend", "contact_ward", "contact_infant_feeding", "contact_nicu",
        "contact_24h", "contact_emergency", "more_help", "hours",
    ]
    public let values: [String: String]
    public subscript(_ key: String) -> String { values[key] ?? key }
}

public struct HandoutText: Sendable, Equatable {
    public let title: String
    public let subtitle: String
    public let keywords: [String]
}

/// One unit of content with a stable id: a paragraph, a list, a table or a tracker.
public struct Block: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case paragraph, bullets, steps, checklist, callout, table, tracker
    }
    public let id: String
    public let kind: Kind
    public let heading: String?
    /// The paragraph itself, or a lead-in line before a list, table or tracker.
    public let text: String?
    public let items: [Item]
    public let table: Table?
    public let tracker: Tracker?
    /// Sources for the whole block; items and rows may add their own.
    public let sources: [String]
    /// False for blocks that make no clinical statement (instructions on how to use the
    /// tracker, say), which then need no source.
    public let clinical: Bool
    public let location: SourceLocation
}

public struct Item: Sendable {
    public let text: String
    public let sources: [String]
    /// Marked ✱ on the page: call the emergency number or go now.
    public let urgent: Bool
    public let items: [Item]
    public let location: SourceLocation
}

/// A small comparison table (colostrum against mature milk, say).
public struct Table: Sendable {
    public let columns: [String]
    public let rows: [Row]
    public struct Row: Sendable {
        public let cells: [String]
        public let sources: [String]
        public let location: SourceLocation
    }
}

/// The day-by-day tracker: one row per day, one column per thing to count, each cell a
/// row of tick boxes with the day's target beside it.
public struct Tracker: Sendable {
    public let dayHeading: String
    public let columns: [Column]
    public let rows: [Row]
    public struct Column: Sendable {
        public let id: String
        public let label: String
        /// How many tick boxes each day gets in this column.
        public let boxes: Int
    }
    public struct Row: Sendable {
        public let label: String
        /// The day's target per column id ("8–12", "3+ green-brown").
        public let targets: [String: String]
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

/// A date without a time or zone, as written in the guide (2026-12-01).
public struct CalendarDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var components = DateComponents()
        components.year = year; components.month = month; components.day = day
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    public var description: String { "\(year.padded(4))-\(month.padded(2))-\(day.padded(2))" }

    /// Seconds since 1970 at midnight UTC.
    public var epochSeconds: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return Int(date.timeIntervalSince1970)
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
