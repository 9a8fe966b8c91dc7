/// The unit's own details (`site.yaml`): name, phone numbers, hours, link, logo, colour.
/// Phone labels come from the guide, so one profile serves every language.
public struct Site: Sendable, Hashable, Codable {
    public enum PhoneRole: String, Sendable, CaseIterable, Codable {
        case ward
        case infantFeeding = "infant_feeding"
        case nicu
        case line24h = "24h"
        case emergency

        /// The guide string that labels this role.
        public var labelKey: String {
            switch self {
            case .ward: return "contact_ward"
            case .infantFeeding: return "contact_infant_feeding"
            case .nicu: return "contact_nicu"
            case .line24h: return "contact_24h"
            case .emergency: return "contact_emergency"
            }
        }
    }

    public struct Phone: Sendable, Hashable, Codable {
        public let role: PhoneRole
        public let number: String
        public init(role: PhoneRole, number: String) { self.role = role; self.number = number }
    }

    public let unit: String
    /// The country the unit is in (ISO 3166-1 alpha-2), for its emergency number, units and
    /// milk-storage rules; `--country` overrides it.
    public let country: String?
    public let phones: [Phone]
    /// The opening hours as the ward wrote them (the one text, or the entry for English or
    /// the first language when it wrote them per language).
    public let hours: String?
    /// The hours translated by the ward, by language tag (`hours: {en: …, ar: …}`).
    public let hoursByLanguage: [String: String]
    public let url: String?
    /// Path of a PNG or SVG logo, resolved against the profile's folder.
    public let logoPath: String?
    public let brandColor: RGB?
    public let file: String
    /// What loading changed, for the user to hear about (a brand colour darkened to read).
    public let notes: [String]
    /// Where each value was written (`unit`, `hours`, `hours.ar`, `url`, `logo`,
    /// `phones.ward`), so a problem found later (a character no font has, a logo that does
    /// not decode) is still reported at its line.
    public let places: [String: Place]

    public struct Place: Sendable, Hashable, Codable {
        public let line: Int?
        public let column: Int?
        public init(line: Int?, column: Int?) { self.line = line; self.column = column }
    }

    public init(unit: String, country: String? = nil, phones: [Phone], hours: String?, hoursByLanguage: [String: String] = [:],
                url: String?, logoPath: String?, brandColor: RGB?, file: String, notes: [String] = [], places: [String: Place] = [:]) {
        self.unit = unit; self.country = country; self.phones = phones; self.hours = hours; self.hoursByLanguage = hoursByLanguage
        self.url = url; self.logoPath = logoPath; self.brandColor = brandColor; self.file = file; self.notes = notes
        self.places = places
    }

    /// An error at the line of one of the profile's values.
    public func error(at key: String, _ problem: String, fix: String) -> LoadError {
        LoadError(file: file, line: places[key]?.line, column: places[key]?.column, keyPath: key, problem: problem, fix: fix)
    }

    /// The hours for a page in `language` (a tag such as "ar" or "pt-PT"), and whether the
    /// ward translated them into it: its own translation for the tag or its base language,
    /// else the hours as written.
    public func hours(for language: String) -> (text: String, translated: Bool)? {
        let base = String(language.prefix(while: { $0 != "-" }))
        if let text = hoursByLanguage[language] ?? hoursByLanguage[base] { return (text, true) }
        return hours.map { ($0, false) }
    }

    /// Every text of the profile that is printed, with the key it was written under.
    public var printedTexts: [(key: String, text: String)] {
        var texts: [(String, String)] = unit.isEmpty ? [] : [("unit", unit)]
        texts += phones.map { ("phones.\($0.role.rawValue)", $0.number) }
        if hoursByLanguage.isEmpty, let hours { texts.append(("hours", hours)) }
        texts += hoursByLanguage.keys.sorted().map { ("hours.\($0)", hoursByLanguage[$0]!) }
        if let url { texts.append(("url", url)) }
        return texts
    }

    /// The address as printed beside its QR code: no scheme, no trailing slash.
    public static func shortForm(of url: String) -> String {
        var text = url
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// With no profile, handouts carry write-in lines for the numbers instead of made-up ones.
    public static let neutral = Site(unit: "", phones: [], hours: nil, url: nil, logoPath: nil, brandColor: nil, file: "(built-in)")

    public var isNeutral: Bool { unit.isEmpty && phones.isEmpty }

    /// The emergency number the unit wants printed, if it set one.
    public var emergencyNumber: String? { phones.first { $0.role == .emergency }?.number }
}
