extension PDFFile {
    /// How many objects go into one object stream: a reader decompresses a whole stream to
    /// reach one object in it, so they are kept small (qpdf uses the same number).
    static let objectsPerStream = 100

    /// The file with its changes, written again in full: stream objects (page contents,
    /// fonts, images) copied byte for byte, every other object compacted into compressed
    /// object streams, and a compressed cross-reference stream (PDF 1.5) in place of the
    /// table. The structure tree and annotations are many small dictionaries; this writes
    /// them in about a third of the space. The ID is a hash of the content, so the same
    /// document gives the same bytes.
    public func written() throws(PDFError) -> [UInt8] {
        var out = Array(bytes[header])
        Self.raiseVersion(&out)
        // Entry per object number: (type, field 2, field 3) as in PDF 32000 table 18.
        let size = (stored.map(\.number).max() ?? 0) + 1
        var entries = [(kind: UInt8, field2: Int, field3: Int)](repeating: (0, 0, 0), count: size)
        entries[0] = (0, 0, 65_535)
        var plain: [(number: Int, value: PDFValue)] = []
        for object in stored {
            if object.isStream {
                entries[object.number] = (1, out.count, 0)
                out.append(contentsOf: bytes[object.whole])
                out.append(0x0A)
            } else {
                if let replacement = replaced[object.number] {
                    plain.append((object.number, replacement))
                } else {
                    plain.append((object.number, try value(of: object)))
                }
            }
        }
        var nextNumber = size
        var start = 0
        while start < plain.count {
            let group = plain[start..<min(start + Self.objectsPerStream, plain.count)]
            var offsets: [UInt8] = []
            var objects: [UInt8] = []
            for (position, object) in group.enumerated() {
                entries[object.number] = (2, nextNumber, position)
                offsets.append(contentsOf: "\(object.number) \(objects.count) ".utf8)
                object.value.write(into: &objects)
                objects.append(0x0A)
            }
            let data = try Deflate.compress(offsets + objects)
            entries.append((1, out.count, 0))
            out.append(contentsOf: "\(nextNumber) 0 obj\n<</Type/ObjStm/N \(group.count)/First \(offsets.count)/Filter/FlateDecode/Length \(data.count)>>\nstream\n".utf8)
            out.append(contentsOf: data)
            out.append(contentsOf: "\nendstream\nendobj\n".utf8)
            nextNumber += 1
            start += Self.objectsPerStream
        }
        try writeCrossReferenceStream(number: nextNumber, entries: entries, into: &out)
        return out
    }

    /// The cross-reference stream, which also carries the trailer's entries.
    private func writeCrossReferenceStream(number: Int, entries: [(kind: UInt8, field2: Int, field3: Int)],
                                           into out: inout [UInt8]) throws(PDFError) {
        let offset = out.count
        let entries = entries + [(1, offset, 0)]
        let width2 = Self.bytesNeeded(entries.map(\.field2).max() ?? 0)
        let width3 = Self.bytesNeeded(entries.map(\.field3).max() ?? 0)
        var table: [UInt8] = []
        table.reserveCapacity(entries.count * (1 + width2 + width3))
        for entry in entries {
            table.append(entry.kind)
            Self.appendBigEndian(entry.field2, width: width2, to: &table)
            Self.appendBigEndian(entry.field3, width: width3, to: &table)
        }
        let data = try Deflate.compress(table)
        var dictionary = PDFDictionary([("Type", .name("XRef")), ("Size", .number(String(entries.count))),
                                        ("W", .array([.number("1"), .number(String(width2)), .number(String(width3))]))])
        for key in ["Root", "Info"] { dictionary[key] = trailer[key] }
        let id = PDFValue.string(Array("<\(Self.contentHash(out))>".utf8))
        dictionary["ID"] = .array([id, id])
        dictionary["Filter"] = .name("FlateDecode")
        dictionary["Length"] = .number(String(data.count))
        out.append(contentsOf: "\(number) 0 obj\n".utf8)
        PDFValue.dictionary(dictionary).write(into: &out)
        out.append(contentsOf: "\nstream\n".utf8)
        out.append(contentsOf: data)
        out.append(contentsOf: "\nendstream\nendobj\nstartxref\n\(offset)\n%%EOF\n".utf8)
    }

    private func value(of object: Stored) throws(PDFError) -> PDFValue {
        var parser = PDFParser(bytes, at: object.body.lowerBound)
        let value = try parser.value()
        parser.skipSpace()
        // Nothing but space and comments may follow the value before `endobj`.
        guard parser.position == object.whole.upperBound - "endobj".utf8.count else { throw PDFError("object \(object.number): \(parser.fail("'endobj'"))") }
        return value
    }

    /// Object streams need PDF 1.5; Cairo 1.16 writes 1.5 unless told otherwise.
    private static func raiseVersion(_ header: inout [UInt8]) {
        let prefix = Array("%PDF-1.".utf8)
        if header.starts(with: prefix), header.count > prefix.count, header[prefix.count] < UInt8(ascii: "5") {
            header[prefix.count] = UInt8(ascii: "5")
        }
    }

    private static func bytesNeeded(_ value: Int) -> Int {
        var width = 1
        while width < 8, value >> (8 * width) != 0 { width += 1 }
        return width
    }

    private static func appendBigEndian(_ value: Int, width: Int, to out: inout [UInt8]) {
        for shift in stride(from: 8 * (width - 1), through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// 128 bits of FNV-1a over the content (two 64-bit lanes with different offsets), in hex:
    /// the file identifier only has to differ between documents, not resist an attacker.
    private static func contentHash(_ bytes: [UInt8]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(first) + hex(second)
    }
}
