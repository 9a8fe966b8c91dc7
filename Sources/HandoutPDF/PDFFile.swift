/// A PDF with a classic cross-reference table, as Cairo 1.16 writes it, opened for changing
/// a few objects: every object stays as the bytes it was written with until it is replaced.
/// Reading is lazy; only the objects asked for are parsed.
public struct PDFFile {
    /// One object of the file: where its body lies and whether it is a stream.
    struct Stored {
        let number: Int
        /// The whole `N 0 obj … endobj`, for copying a stream object as it is.
        let whole: Range<Int>
        /// Between `obj` and `endobj`, for copying a plain object into an object stream.
        let body: Range<Int>
        let isStream: Bool
    }

    let bytes: [UInt8]
    /// The bytes before the first object: the `%PDF-1.x` line and the binary comment.
    let header: Range<Int>
    /// In the order they appear in the file.
    let stored: [Stored]
    public let trailer: PDFDictionary
    private(set) var replaced: [Int: PDFValue] = [:]
    private let index: [Int: Int]

    public init(_ bytes: [UInt8]) throws(PDFError) {
        self.bytes = bytes
        let xref = try Self.crossReferenceOffset(bytes)
        var parser = PDFParser(bytes, at: xref)
        try parser.expect("xref")
        var offsets: [(number: Int, offset: Int)] = []
        while true {
            parser.skipSpace()
            let start = parser.position
            let first = parser.token()
            if first.elementsEqual("trailer".utf8) { break }
            parser.skipSpace()
            guard let base = Int(String(decoding: first, as: UTF8.self)),
                  let count = Int(String(decoding: parser.token(), as: UTF8.self)), base >= 0, count >= 0,
                  count <= bytes.count / 20 else {
                parser.position = start
                throw parser.fail("a cross-reference subsection ('first count')")
            }
            for number in base..<(base + count) {
                parser.skipSpace()
                let offset = Int(String(decoding: parser.token(), as: UTF8.self))
                parser.skipSpace()
                _ = parser.token()
                parser.skipSpace()
                let kind = parser.token()
                guard let offset, kind.count == 1 else { throw parser.fail("a cross-reference entry") }
                if kind.first == UInt8(ascii: "n") { offsets.append((number, offset)) }
            }
        }
        trailer = try parser.dictionary()
        offsets.sort { $0.offset < $1.offset }
        guard let first = offsets.first, first.offset > 0, offsets.last!.offset < xref else {
            throw PDFError("the cross-reference table points outside the file")
        }
        header = 0..<first.offset
        var stored: [Stored] = []
        for (position, entry) in offsets.enumerated() {
            let end = position + 1 < offsets.count ? offsets[position + 1].offset : xref
            stored.append(try Self.object(entry.number, in: bytes, from: entry.offset, to: end))
        }
        self.stored = stored
        index = Dictionary(stored.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The object's value as it is now (a replacement if there is one). Stream objects are
    /// not read: the finisher never changes one.
    public func object(_ reference: PDFReference) throws(PDFError) -> PDFValue {
        if let value = replaced[reference.number] { return value }
        guard let position = index[reference.number] else { throw PDFError("object \(reference.number) is not in the file") }
        let object = stored[position]
        guard !object.isStream else { throw PDFError("object \(reference.number) is a stream") }
        var parser = PDFParser(bytes, at: object.body.lowerBound)
        return try parser.value()
    }

    /// A value, or the object it refers to.
    public func resolve(_ value: PDFValue) throws(PDFError) -> PDFValue {
        if case .reference(let reference) = value { return try object(reference) }
        return value
    }

    public mutating func replace(_ reference: PDFReference, with value: PDFValue) throws(PDFError) {
        guard let position = index[reference.number], !stored[position].isStream else {
            throw PDFError("object \(reference.number) cannot be replaced")
        }
        replaced[reference.number] = value
    }

    /// Where `startxref` says the table is.
    private static func crossReferenceOffset(_ bytes: [UInt8]) throws(PDFError) -> Int {
        let keyword = Array("startxref".utf8)
        let tail = max(0, bytes.count - 1024)
        guard let start = lastIndex(of: keyword, in: bytes, from: tail, to: bytes.count) else {
            throw PDFError("no 'startxref' at the end of the file")
        }
        var parser = PDFParser(bytes, at: start + keyword.count)
        parser.skipSpace()
        guard let offset = Int(String(decoding: parser.token(), as: UTF8.self)), offset >= 0, offset < start else {
            throw PDFError("'startxref' is not followed by an offset in the file")
        }
        // A file that stops before its end marker was cut short while it was written.
        var end = parser.position
        while end < bytes.count, PDFParser.isSpace(bytes[end]) { end += 1 }
        guard bytes[end...].starts(with: "%%EOF".utf8) else { throw PDFError("the file does not end with %%EOF") }
        return offset
    }

    /// The object that starts at `offset`; it ends with the last `endobj` before `end` (the
    /// next object), so stream data is never searched for keywords.
    private static func object(_ number: Int, in bytes: [UInt8], from offset: Int, to end: Int) throws(PDFError) -> Stored {
        var parser = PDFParser(bytes, at: offset)
        let heading = parser.token()
        parser.skipSpace()
        _ = parser.token()
        parser.skipSpace()
        guard Int(String(decoding: heading, as: UTF8.self)) == number, parser.token().elementsEqual("obj".utf8),
              let endobj = lastIndex(of: Array("endobj".utf8), in: bytes, from: parser.position, to: end) else {
            throw PDFError("object \(number) is not where the cross-reference table says (byte \(offset))")
        }
        parser.skipSpace()
        var last = endobj
        while last > parser.position, PDFParser.isSpace(bytes[last - 1]) { last -= 1 }
        let isStream = bytes[parser.position..<last].reversed().starts(with: "endstream".utf8.reversed())
        return Stored(number: number, whole: offset..<(endobj + 6), body: parser.position..<last, isStream: isStream)
    }

    private static func lastIndex(of word: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard end - start >= word.count else { return nil }
        var candidate = end - word.count
        while candidate >= start {
            if bytes[candidate] == word[0], bytes[candidate..<(candidate + word.count)].elementsEqual(word) { return candidate }
            candidate -= 1
        }
        return nil
    }
}
