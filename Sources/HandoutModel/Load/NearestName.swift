/// Suggestions for misspelt names: "phnoes" -> "phones".
public enum NearestName {
    /// The closest candidate within a small edit distance, or nil when nothing is close enough
    /// to be a plausible typo (so we never suggest something unrelated).
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, min(lowered.count, best.name.count) / 3)
        return best.distance <= allowed ? best.name : nil
    }

    /// "did you mean `x`?" or the list of valid names when none is close.
    public static func hint(for name: String, among candidates: [String], noun: String = "one of") -> String {
        if let close = suggestion(for: name, among: candidates) {
            return "did you mean \"\(close)\"?"
        }
        let shown = candidates.prefix(30).map { "\"\($0)\"" }.joined(separator: ", ")
        let more = candidates.count > 30 ? ", …" : ""
        return "expected \(noun): \(shown)\(more)"
    }

    /// Damerau-Levenshtein (optimal string alignment) distance: a swap of two neighbours
    /// counts as one edit, the commonest typo.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Long strings are never names; bound the work.
        if a.count > 64 || b.count > 64 { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
