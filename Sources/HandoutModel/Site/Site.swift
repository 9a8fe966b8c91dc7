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
    public let hours: String?
    public let url: String?
    /// Path of a PNG or SVG logo, resolved against the profile's folder.
    public let logoPath: String?
    public let brandColor: RGB?
    public let file: String
    /// What loading changed, for the user to hear about (a brand colour darkened to read).
    public let notes: [String]

    public init(unit: String, country: String? = nil, phones: [Phone], hours: String?, url: String?, logoPath: String?,
                brandColor: RGB?, file: String, notes: [String] = []) {
        self.unit = unit; self.country = country; self.phones = phones; self.hours = hours; self.url = url
        self.logoPath = logoPath; self.brandColor = brandColor; self.file = file; self.notes = notes
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
