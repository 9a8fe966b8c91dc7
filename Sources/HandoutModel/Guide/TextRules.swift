/// Checks every piece of prose before it reaches the page: bounded length, balanced
/// `**bold**` markers, known `{placeholders}`, and no invisible bidi overrides.
public enum TextRules {
    /// No block on any handout holds more than this; a longer text is a paste gone wrong,
    /// and stopping here keeps shaping time and memory bounded.
    public static let maximumLength = 3_000

    /// Placeholders the composer fills in, with where their values come from.
    public static let placeholders = ["emergency"]

    /// Explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a
    /// phone number or name display reversed or hide text; the engine isolates numbers itself.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// One pass over the text's scalars (every string of every guide goes through here).
    public static func check(_ text: String, at node: YAMLNode, allowPlaceholders: Bool = true,
                             extraPlaceholders: [String] = []) throws {
        var count = 0, stars = 0, previousWasStar = false
        var placeholder: String.UnicodeScalarView?
        for scalar in text.unicodeScalars {
            count += 1
            if isBidiControl(scalar) {
                throw node.error("invisible direction control U+\(hex(scalar)) is not allowed",
                                 fix: "delete it; numbers and names are kept left-to-right automatically")
            }
            // "**" pairs, counted left to right as the composer splits them.
            if scalar == "*" {
                if previousWasStar { stars += 1; previousWasStar = false } else { previousWasStar = true }
            } else {
                previousWasStar = false
            }
            if scalar == "{" {
                placeholder = String.UnicodeScalarView()
            } else if scalar == "}", let name = placeholder.map(String.init) {
                placeholder = nil
                let known = placeholders + extraPlaceholders
                if !allowPlaceholders || !known.contains(name) {
                    let fix = allowPlaceholders
                        ? NearestName.hint(for: name, among: known, noun: "one of")
                        : "braces are not allowed here"
                    throw node.error("unknown placeholder {\(name)}", fix: fix)
                }
            } else if placeholder != nil {
                placeholder!.append(scalar)
            }
        }
        if count > maximumLength {
            throw node.error("text is \(count) characters long, more than the limit of \(maximumLength)",
                             fix: "split it into shorter items; a handout holds short sentences")
        }
        if stars % 2 == 1 {
            throw node.error("unbalanced ** (bold markers come in pairs)", fix: "write **bold words** with two asterisks on each side")
        }
        if placeholder != nil {
            throw node.error("a { has no matching }", fix: "write {emergency} for the emergency number, or remove the brace")
        }
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
