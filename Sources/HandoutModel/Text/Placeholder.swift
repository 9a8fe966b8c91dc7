/// A `{name}` in guide text, filled in when a handout is composed. Facts that depend on the
/// country (the emergency number, temperature units) are placeholders, never typed into a
/// translation, so the country, not the language, decides them.
public enum Placeholder: Sendable, Hashable {
    /// `{emergency}`: the number a parent rings for a very sick baby, from the country or
    /// the site profile. Allowed only where the guide also has words for "no country known".
    case emergency
    /// `{temp:38}`: a temperature written once in °C, set as "38 °C" or "100.4 °F (38 °C)".
    case temperature(celsius: Double)
    /// Footer and review strings.
    case page, pages, reviewer, date

    public enum Kind: String, Sendable, CaseIterable {
        case emergency, temperature = "temp", page, pages, reviewer, date

        /// Where a guide may write it, for error messages.
        var allowedIn: String {
            switch self {
            case .emergency: return "strings.emergency_legend (a country's number is never typed into a block)"
            case .temperature: return "block text"
            case .page, .pages: return "strings.page"
            case .reviewer, .date: return "strings.reviewed_notice"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .emergency: return .emergency
        case .temperature: return .temperature
        case .page: return .page
        case .pages: return .pages
        case .reviewer: return .reviewer
        case .date: return .date
        }
    }

    /// "emergency", "temp:38", "temp:-18", "temp:37.5"; nil for anything else.
    init?(parsing name: String) {
        if name.hasPrefix("temp:") {
            let number = name.dropFirst(5).replacingOccurrences(of: "−", with: "-")
            guard let value = Double(number), value.isFinite, abs(value) < 1000,
                  number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
            self = .temperature(celsius: value)
            return
        }
        switch name {
        case "emergency": self = .emergency
        case "page": self = .page
        case "pages": self = .pages
        case "reviewer": self = .reviewer
        case "date": self = .date
        default: return nil
        }
    }

    /// How the placeholder is written in a guide.
    public var written: String {
        switch self {
        case .temperature(let celsius): return "{temp:\(Temperature.text(celsius, minus: "-"))}"
        default: return "{\(kind.rawValue)}"
        }
    }

    /// The fix for an unknown or misplaced placeholder: the allowed ones, or the nearest.
    static func hint(for name: String, allowed: Set<Placeholder.Kind>) -> String {
        let examples = Kind.allCases.filter(allowed.contains).map { $0 == .temperature ? "{temp:38}" : "{\($0.rawValue)}" }
        let bare = name.split(separator: ":").first.map(String.init) ?? name
        if let near = NearestName.suggestion(for: bare, among: Kind.allCases.map(\.rawValue)) {
            let kind = Kind(rawValue: near)!
            let written = kind == .temperature ? "{temp:NUMBER}, e.g. {temp:38}" : "{\(near)}"
            guard allowed.contains(kind) else { return "did you mean \(written)? It is allowed only in \(kind.allowedIn)" }
            return "did you mean \(written)?"
        }
        return examples.isEmpty ? "braces are not allowed here" : "allowed here: \(examples.joined(separator: ", "))"
    }
}

/// Temperatures as the country reads them.
public enum Temperature {
    /// "38", "-18", "37.5": at most one decimal, no trailing ".0", a real minus sign.
    public static func text(_ value: Double, minus: String = "−") -> String {
        let rounded = (value * 10).rounded() / 10
        let body = rounded == rounded.rounded() ? String(Int(abs(rounded))) : abs(rounded).fixed(1)
        return (rounded < 0 ? minus : "") + body
    }

    /// Exact conversion to °F, to one decimal: 38 → 100.4.
    public static func fahrenheit(_ celsius: Double) -> Double { ((celsius * 9 / 5 + 32) * 10).rounded() / 10 }
}
