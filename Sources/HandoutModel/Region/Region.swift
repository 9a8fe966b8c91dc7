/// The facts that depend on the country a handout is used in, never on its language
/// (`Guide/regions/CC.yaml`): a UK ward printing Arabic says 999, a US ward printing
/// Spanish says 911. Every fact names its sources.
public struct Region: Sendable {
    /// ISO 3166-1 alpha-2, upper case: "GB", "US".
    public let code: String
    /// The country's name in English, for messages and `list`.
    public let name: String
    /// The general emergency number.
    public let emergency: Fact<String>
    /// A separate ambulance number, where that is what a parent should ring for a very sick
    /// baby (Brazil's SAMU 192 rather than the police's 190).
    public let ambulance: Fact<String>?
    public let temperature: Fact<TemperatureUnits>
    /// Which milk-storage rule set (`Guide/storage/ID.yaml`) the country's advice follows.
    public let storageRules: Fact<String>
    /// The paper its printers hold.
    public let paper: Fact<Paper>
    /// Which wording variant of a language its readers use: "en" → "en-US" (diaper, not
    /// nappy). Languages not listed use their base guide.
    public let wording: [String: String]
    public let file: String

    /// The number the ✱ items send a parent to.
    public var callNumber: String { ambulance?.value ?? emergency.value }
}

/// A value with the sources that state it.
public struct Fact<Value: Sendable>: Sendable {
    public let value: Value
    public let sources: [String]
    public let location: SourceLocation
}

/// How a country writes temperatures.
public enum TemperatureUnits: Sendable, Equatable {
    case celsius
    /// °F first, then °C: "100.4 °F (38 °C)". `equivalents` holds the °F values the
    /// country's sources print for round °C values (a fridge at 4 °C is "40 °F", not
    /// "39.2 °F"); other values are converted exactly, to one decimal.
    case fahrenheitFirst(equivalents: [Double: Double])

    /// A temperature written once in °C, as this country reads it.
    public func text(celsius: Double) -> String {
        let c = Temperature.text(celsius) + "\u{00A0}°C"
        switch self {
        case .celsius:
            return c
        case .fahrenheitFirst(let equivalents):
            let f = equivalents[celsius] ?? Temperature.fahrenheit(celsius)
            return Temperature.text(f) + "\u{00A0}°F (" + c + ")"
        }
    }
}

/// A milk-storage rule set (`Guide/storage/ID.yaml`): the numbers each line of the card's
/// storage advice states, so `check` can hold every language's text to them.
public struct StorageRules: Sendable {
    public let id: String
    /// How the sources line and messages name it ("CDC", "NHS").
    public let short: String
    public let name: String
    public let sources: [String]
    public let rows: [Row]
    public let file: String

    public struct Row: Sendable {
        /// What the line is about ("fridge"), for messages.
        public let about: String
        /// Every number the line states, temperatures in °C, in any order.
        public let numbers: [Double]
        public let location: SourceLocation
    }

    /// With no country known, the most cautious rule set (CONTENT.md section 4): CDC's
    /// times are the shortest for room temperature and the fridge.
    public static let noCountryDefault = "cdc"
}
