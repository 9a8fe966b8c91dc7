import HandoutModel

/// The print variants as one choice, for a link (`variant=large-grey`) and a menu.
enum Variant: String, CaseIterable, Sendable {
    case standard
    case large
    case grey
    case largeGrey = "large-grey"

    var options: RenderOptions {
        RenderOptions(largePrint: self == .large || self == .largeGrey, grayscale: self == .grey || self == .largeGrey)
    }

    /// As the command line names its files: "-large", "-grey".
    var fileSuffix: String { (options.largePrint ? "-large" : "") + (options.grayscale ? "-grey" : "") }

    var label: String {
        switch self {
        case .standard: return "Standard"
        case .large: return "Large print (16 pt and up)"
        case .grey: return "Greyscale, for a black-and-white printer"
        case .largeGrey: return "Large print, greyscale"
        }
    }

    static func parse(_ text: String?) throws -> Variant {
        guard let text, !text.isEmpty else { return .standard }
        guard let variant = Variant(rawValue: text) else {
            throw RequestError(.badRequest, "unknown variant \"\(text.prefix(40))\" — use "
                                   + Variant.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return variant
    }
}
