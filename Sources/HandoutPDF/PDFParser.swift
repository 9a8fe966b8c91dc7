/// Why a PDF could not be read or written: the place (a byte offset or an object) and what
/// was expected there.
public struct PDFError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// Reads PDF values (PDF 32000 7.3) from bytes, from a given offset. Enough of the syntax for
/// the dictionaries, arrays and references Cairo writes; stream data is never parsed here.
struct PDFParser {
    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// How deep arrays and dictionaries may nest: Cairo's go three deep; a limit keeps a
    /// damaged file from exhausting the stack.
    private static let deepest = 64

    mutating func value(depth: Int = 0) throws(PDFError) -> PDFValue {
        guard depth < Self.deepest else { throw fail("values nested too deep") }
        skipSpace()
        guard position < bytes.count else { throw fail("a value, found the end of the file") }
        switch bytes[position] {
        case UInt8(ascii: "/"):
            position += 1
            return .name(String(decoding: token(), as: UTF8.self))
        case UInt8(ascii: "("): return .string(try literalString())
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "<") { return .dictionary(try dictionary(depth: depth)) }
            return .string(try hexString())
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFValue] = []
            while true {
                skipSpace()
                guard position < bytes.count else { throw fail("']' to close an array") }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                items.append(try value(depth: depth + 1))
            }
        default:
            let start = position
            let word = token()
            if word.elementsEqual("true".utf8) { return .bool(true) }
            if word.elementsEqual("false".utf8) { return .bool(false) }
            if word.elementsEqual("null".utf8) { return .null }
            guard !word.isEmpty, word.allSatisfy({ Self.isNumeric($0) }) else {
                position = start
                throw fail("a value")
            }
            // `N G R` is a reference: look ahead for the second integer and the R.
            if let number = Int(String(decoding: word, as: UTF8.self)) {
                let after = position
                skipSpace()
                let second = token()
                skipSpace()
                if let generation = Int(String(decoding: second, as: UTF8.self)), peek(0) == UInt8(ascii: "R"),
                   Self.isDelimiterOrSpace(peek(1)) {
                    position += 1
                    return .reference(PDFReference(number, generation))
                }
                position = after
            }
            return .number(String(decoding: word, as: UTF8.self))
        }
    }

    mutating func dictionary(depth: Int = 0) throws(PDFError) -> PDFDictionary {
        skipSpace()
        guard peek(0) == UInt8(ascii: "<"), peek(1) == UInt8(ascii: "<") else { throw fail("'<<' to open a dictionary") }
        position += 2
        var dictionary = PDFDictionary()
        while true {
            skipSpace()
            if peek(0) == UInt8(ascii: ">"), peek(1) == UInt8(ascii: ">") {
                position += 2
                return dictionary
            }
            guard peek(0) == UInt8(ascii: "/") else { throw fail("a key or '>>' in a dictionary") }
            position += 1
            let key = String(decoding: token(), as: UTF8.self)
            dictionary[key] = try value(depth: depth + 1)
        }
    }

    /// Skips white space and comments.
    mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isSpace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// A run of regular characters (a number, a keyword, a name's body).
    mutating func token() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, !Self.isDelimiterOrSpace(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// The next keyword must be `word` (`obj`, `endobj`, `xref`, `trailer`).
    mutating func expect(_ word: String) throws(PDFError) {
        skipSpace()
        guard token().elementsEqual(word.utf8) else { throw fail("'\(word)'") }
    }

    func fail(_ expected: String) -> PDFError {
        PDFError("expected \(expected) at byte \(position)")
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func literalString() throws(PDFError) -> [UInt8] {
        let start = position
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\\"): position += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return Array(bytes[start..<position]) }
            default: break
            }
        }
        position = start
        throw fail("')' to close a string")
    }

    private mutating func hexString() throws(PDFError) -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
        guard position < bytes.count else {
            position = start
            throw fail("'>' to close a hex string")
        }
        position += 1
        return Array(bytes[start..<position])
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiterOrSpace(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        if isSpace(byte) { return true }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default: return false
        }
    }

    private static func isNumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }
}
