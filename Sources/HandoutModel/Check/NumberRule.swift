/// The numbers a text states, so a translation can be held to the text it was made from:
/// a changed digit in a dose, a day or a temperature is an error, in any script.
public struct NumberSignature: Sendable, Equatable, CustomStringConvertible {
    /// Every number written as digits (any script's digits), sorted.
    public let numbers: [Double]
    /// Every `{temp:N}`, in °C, sorted.
    public let temperatures: [Double]
    /// Units named (mL, cm, % …), each as its symbol, sorted.
    public let units: [String]
    /// ✱ marks written into the text.
    public let stars: Int

    public init(_ prose: Prose) {
        var numbers: [Double] = [], temperatures: [Double] = [], units: [String] = [], stars = 0
        for run in prose.runs {
            switch run.content {
            case .placeholder(.temperature(let celsius)): temperatures.append(celsius)
            case .placeholder: break
            case .text(let text):
                numbers += NumberSignature.numbers(in: text)
                units += NumberSignature.units(in: text)
                stars += text.unicodeScalars.filter { $0 == "✱" }.count
            }
        }
        self.numbers = numbers.sorted(); self.temperatures = temperatures.sorted(); self.units = units.sorted(); self.stars = stars
    }

    /// All numbers, temperatures included, as a rule set's row lists them.
    public var allNumbers: [Double] { (numbers + temperatures).sorted() }

    public var isEmpty: Bool { numbers.isEmpty && temperatures.isEmpty && units.isEmpty && stars == 0 }

    public var description: String {
        var parts = numbers.map(NumberSignature.format)
        parts += temperatures.map { "\(NumberSignature.format($0)) °C" }
        parts += units
        if stars > 0 { parts.append(String(repeating: "✱", count: stars)) }
        return parts.isEmpty ? "no numbers" : parts.joined(separator: ", ")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : value.fixed(1)
    }

    /// Numbers in digits of any script: "2 to 10", "2–10", "6." and "٣٨" each count; a
    /// decimal comma or point between digits makes one number ("2,5" is 2.5); a minus
    /// counts only before a number that does not follow a digit ("2-3" is 2 and 3).
    static func numbers(in text: String) -> [Double] {
        var found: [Double] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard let first = digit(scalars[index]) else { index += 1; continue }
            var value = Double(first)
            var end = index + 1
            while end < scalars.count, let next = digit(scalars[end]) { value = value * 10 + Double(next); end += 1 }
            if end + 1 < scalars.count, [".", ",", "\u{066B}"].contains(scalars[end]), let _ = digit(scalars[end + 1]) {
                var scale = 0.1
                end += 1
                while end < scalars.count, let next = digit(scalars[end]) { value += Double(next) * scale; scale /= 10; end += 1 }
            }
            if index > 0, ["-", "−"].contains(scalars[index - 1]), index < 2 || digit(scalars[index - 2]) == nil,
               index < 2 || !scalars[index - 2].properties.isAlphabetic {
                value = -value
            }
            found.append(value)
            index = end
        }
        return found
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return Int(value)
    }

    /// Unit symbols, with the spellings the shipped scripts use for them.
    static let unitSpellings: [(symbol: String, spellings: [String])] = [
        ("%", ["%", "٪"]),
        ("mL", ["mL", "ml", "мл", "مل", "ملل", "मिली", "মিলি", "ਮਿਲੀ", "มล.", "毫升", "밀리리터", "ミリリットル"]),
        ("cm", ["cm", "см", "سم", "सेमी", "সেমি", "ਸੈਮੀ", "ซม.", "厘米", "公分", "센티미터", "センチ"]),
    ]

    static func isWrittenWithoutSpaces(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x3040...0x30FF).contains(value) || (0x3400...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x0E00...0x0E7F).contains(value) || (0x1000...0x109F).contains(value)
    }

    /// Units count where they name a number's unit: right after the number (spaces
    /// allowed, "30 mL", "30مل", "30毫升"), or a percent sign right before it ("%10").
    /// A unit's letters inside a word ("عمل", "html") are not a unit.
    static func units(in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        for (symbol, spellings) in unitSpellings {
            for spelling in spellings {
                let unit = Array(spelling)
                var index = 0
                while index + unit.count <= characters.count {
                    guard Array(characters[index..<index + unit.count]) == unit else { index += 1; continue }
                    var before = index - 1
                    while before >= 0, characters[before].isWhitespace { before -= 1 }
                    let afterNumber = before >= 0 && characters[before].isNumber
                    let beforeNumber = symbol == "%" && index + unit.count < characters.count && characters[index + unit.count].isNumber
                    let end = index + unit.count
                    // Scripts written without spaces (Chinese, Japanese) run on into the next word.
                    let wordGoesOn = end < characters.count && characters[end].isLetter && unit.last!.isLetter
                        && !NumberSignature.isWrittenWithoutSpaces(characters[end])
                    if (afterNumber || beforeNumber) && !wordGoesOn { found.append(symbol) }
                    index = end
                }
            }
        }
        return found
    }
}

/// `check`'s rule on numbers: every text of a translation states the same numbers, units
/// and ✱ marks as the text it was translated from; every storage line states the numbers
/// of its rule set.
public enum NumberRule {
    public static func compare(_ guide: Guide, with reference: Guide) -> [Finding] {
        var findings: [Finding] = []
        for id in reference.blockOrder {
            guard let mine = guide.blocks[id], let theirs = reference.blocks[id] else { continue }
            if mine.numbersDiffer != nil { continue }
            let theirTexts = Dictionary(theirs.texts.map { ($0.part, $0) }, uniquingKeysWith: { a, _ in a })
            for text in mine.texts {
                guard let pivot = theirTexts[text.part] else { continue }
                let a = NumberSignature(text.prose), b = NumberSignature(pivot.prose)
                if a != b {
                    findings.append(Finding(.error, .numbers, language: guide.language, location: text.location.description,
                                            message: "block \(id) \(text.part): \(a) — \(reference.language) (\(reference.file)) has \(b); "
                                                + "keep every number, unit and ✱ as in \(reference.language), or give the block numbers_differ: \"reason\""))
                }
            }
        }
        for key in UIStrings.keys {
            let a = NumberSignature(guide.strings[key]), b = NumberSignature(reference.strings[key])
            if a != b {
                findings.append(Finding(.error, .numbers, language: guide.language, location: guide.strings[key].location.description,
                                        message: "strings.\(key): \(a) — \(reference.language) has \(b)"))
            }
        }
        return findings
    }

    /// Each storage line against its rule set's row: same numbers, temperatures in °C.
    public static func check(_ guide: Guide, rules: [StorageRules]) -> [Finding] {
        var findings: [Finding] = []
        for id in guide.blockOrder {
            guard let block = guide.blocks[id], !block.storageRules.isEmpty else { continue }
            for set in rules {
                guard let lines = block.storageRules[set.id] else {
                    findings.append(Finding(.error, .numbers, language: guide.language, location: block.location.description,
                                            message: "block \(id) has no lines for the \(set.short) storage rules — add storage_rules: \(set.id): with \(set.rows.count) lines, one per row of \(set.file)"))
                    continue
                }
                guard lines.count == set.rows.count else {
                    findings.append(Finding(.error, .numbers, language: guide.language, location: block.location.description,
                                            message: "block \(id) has \(lines.count) lines for the \(set.short) storage rules; \(set.file) has \(set.rows.count) rows"))
                    continue
                }
                for (line, row) in zip(lines, set.rows) {
                    let stated = NumberSignature(line.text).allNumbers
                    if stated != row.numbers.sorted() {
                        findings.append(Finding(.error, .numbers, language: guide.language, location: line.location.description,
                                                message: "block \(id), \(set.short) \(row.about): the text states \(stated.map(NumberSignature.format).joined(separator: ", ")), \(set.file) says \(row.numbers.sorted().map(NumberSignature.format).joined(separator: ", "))"))
                    }
                }
            }
            for extra in block.storageRules.keys.sorted() where !rules.contains(where: { $0.id == extra }) {
                findings.append(Finding(.error, .numbers, language: guide.language, location: block.location.description,
                                        message: "block \(id): storage rules \"\(extra)\" have no file in Guide/storage/"))
            }
        }
        return findings
    }
}
