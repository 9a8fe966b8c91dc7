import Foundation

/// An English readability estimate for one handout: the Flesch-Kincaid grade of its body
/// text and its longest sentences, so a writer sees where plain language slipped. Formulas
/// like this work for English only (CONTENT.md section 2); other languages need a native
/// reviewer.
public struct Readability: Sendable {
    public let handout: String
    public let words: Int
    public let sentences: Int
    public let syllables: Int
    /// The longest sentences, longest first, with their word counts.
    public let longest: [(sentence: String, words: Int)]

    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    public var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// The body text of the blocks a handout places: paragraphs and list items, each list
    /// item at least one sentence. Headings, table cells and tracker targets are labels,
    /// not sentences, and would make any text look simpler than it reads.
    public init(handout: String, blocks: [Block], fill: (Placeholder) -> String) {
        var sentences: [String] = []
        func add(_ prose: Prose) {
            let text = RichText(prose, filling: fill).plainText
            sentences += Readability.sentences(in: text)
        }
        func addItems(_ items: [Item]) { for item in items { add(item.text); addItems(item.items) } }
        for block in blocks {
            if let text = block.text { add(text) }
            addItems(block.items)
            for rules in block.storageRules.keys.sorted() { addItems(block.storageRules[rules]!) }
        }
        var words = 0, syllables = 0
        var measured: [(String, Int)] = []
        for sentence in sentences {
            let list = Readability.words(in: sentence)
            words += list.count
            syllables += list.reduce(0) { $0 + Readability.syllables(in: $1) }
            measured.append((sentence, list.count))
        }
        self.handout = handout
        self.words = words
        self.sentences = sentences.count
        self.syllables = syllables
        longest = Array(measured.sorted { $0.1 > $1.1 }.prefix(3))
    }

    static func sentences(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?".contains(character) {
                let trimmed = current.trimmingCharacters(in: .whitespaces)
                if !words(in: trimmed).isEmpty { result.append(trimmed) }
                current = ""
            }
        }
        let trimmed = current.trimmingCharacters(in: .whitespaces)
        if !words(in: trimmed).isEmpty { result.append(trimmed) }
        return result
    }

    static func words(in sentence: String) -> [String] {
        sentence.split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "–" })
            .map { $0.filter { $0.isLetter || $0.isNumber || $0 == "'" } }
            .filter { !$0.isEmpty }
    }

    /// Vowel groups, less a silent final e, at least one: the usual estimate.
    static func syllables(in word: String) -> Int {
        let lowered = word.lowercased()
        guard lowered.contains(where: \.isLetter) else { return 1 }
        var count = 0, previousWasVowel = false
        for character in lowered {
            let vowel = "aeiouy".contains(character)
            if vowel && !previousWasVowel { count += 1 }
            previousWasVowel = vowel
        }
        if lowered.hasSuffix("e") && !lowered.hasSuffix("le") && count > 1 { count -= 1 }
        return max(1, count)
    }
}
