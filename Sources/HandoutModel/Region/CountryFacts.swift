/// The country facts one handout prints, once the country is chosen: from `--country`,
/// else the site profile's `country:`, else the region of the language tag (`es-US`). With
/// none of them no emergency number is printed (a write-in line instead) and the most
/// cautious storage times are used: a wrong number on a frightened parent's sheet is the
/// worst error this program can make.
public struct CountryFacts: Sendable {
    /// Where the country came from, said in the output line.
    public enum Choice: String, Sendable, Equatable {
        case option = "--country"
        case site = "the site profile"
        case languageTag = "the language tag"
        case none = "no country"
    }

    public let region: Region?
    public let chosenBy: Choice
    /// The number ✱ items send a parent to: the site profile's own, else the country's;
    /// nil when neither is known.
    public let emergencyNumber: String?
    public let temperature: TemperatureUnits
    public let storage: StorageRules

    public init(region: Region?, chosenBy: Choice, siteEmergency: String?, storage: StorageRules) {
        self.region = region
        self.chosenBy = region == nil ? .none : chosenBy
        emergencyNumber = siteEmergency ?? region?.callNumber
        temperature = region?.temperature.value ?? .celsius
        self.storage = storage
    }

    /// "country US from the language tag", for the output line.
    public var summary: String {
        guard let region else { return "no country given" }
        return "country \(region.code) from \(chosenBy.rawValue)"
    }
}
