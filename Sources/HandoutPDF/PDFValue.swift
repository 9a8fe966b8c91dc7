/// One PDF object as the finisher needs to read and change it. Numbers, names and strings
/// keep the exact bytes they were written with, so an object read and written back is the
/// same text; only values made here (`text`, `real`) are formatted by us.
public indirect enum PDFValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// As written: `12`, `-0.5`, `841.8898`.
    case number(String)
    /// Without the slash, escapes (`#20`) as written.
    case name(String)
    /// The whole token as written, delimiters included: `(Ward 1)` or `<FEFF…>`.
    case string([UInt8])
    case array([PDFValue])
    case dictionary(PDFDictionary)
    case reference(PDFReference)

    /// A text string (PDF 32000 7.9.2.2): printable ASCII as a literal, anything else as
    /// UTF-16BE with a byte-order mark, which every reader decodes.
    public static func text(_ value: String) -> PDFValue {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var bytes: [UInt8] = [UInt8(ascii: "(")]
            for byte in value.utf8 {
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") {
                    bytes.append(UInt8(ascii: "\\"))
                }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: ")"))
            return .string(bytes)
        }
        var bytes: [UInt8] = Array("<FEFF".utf8)
        for unit in value.utf16 { bytes.append(contentsOf: hexDigits(of: unit)) }
        bytes.append(UInt8(ascii: ">"))
        return .string(bytes)
    }

    /// A real with at most `places` decimals and no trailing zeros (`8.504`, `0`, `-3.5`).
    public static func real(_ value: Double, places: Int = 3) -> PDFValue {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        var whole = String(Int(scaled / scale))
        var fraction = String(Int(scaled.truncatingRemainder(dividingBy: scale)))
        fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        if !fraction.isEmpty { whole += "." + fraction }
        return .number(value < 0 && scaled != 0 ? "-" + whole : whole)
    }

    public var dictionary: PDFDictionary? {
        if case .dictionary(let dictionary) = self { return dictionary }
        return nil
    }

    public var reference: PDFReference? {
        if case .reference(let reference) = self { return reference }
        return nil
    }

    public var integer: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    private static func hexDigits(of unit: UInt16) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [12, 8, 4, 0].map { digits[Int(unit >> UInt16($0)) & 0xF] }
    }
}

/// `N G R`: a pointer to an object in the file's cross-reference table.
public struct PDFReference: Hashable, Sendable {
    public let number: Int
    public let generation: Int

    public init(_ number: Int, _ generation: Int = 0) {
        self.number = number
        self.generation = generation
    }
}

/// A dictionary that keeps its keys in the order they were read, so a changed object is
/// written with its old entries where they were and the new ones after.
public struct PDFDictionary: Equatable, Sendable {
    public private(set) var entries: [(key: String, value: PDFValue)] = []

    public init(_ entries: [(key: String, value: PDFValue)] = []) {
        for entry in entries { self[entry.key] = entry.value }
    }

    public subscript(key: String) -> PDFValue? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            let index = entries.firstIndex(where: { $0.key == key })
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    public static func == (left: PDFDictionary, right: PDFDictionary) -> Bool {
        left.entries.count == right.entries.count
            && zip(left.entries, right.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension PDFValue {
    /// The value as PDF text, compact (one space between tokens where one is needed).
    public func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .name(let name):
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: name.utf8)
        case .string(let bytes): out.append(contentsOf: bytes)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            out.append(contentsOf: "<<".utf8)
            for entry in dictionary.entries {
                out.append(UInt8(ascii: "/"))
                out.append(contentsOf: entry.key.utf8)
                out.append(UInt8(ascii: " "))
                entry.value.write(into: &out)
            }
            out.append(contentsOf: ">>".utf8)
        case .reference(let reference):
            out.append(contentsOf: "\(reference.number) \(reference.generation) R".utf8)
        }
    }
}
