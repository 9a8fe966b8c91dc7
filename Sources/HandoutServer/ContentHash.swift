/// FNV-1a, 64 bits: a fast, stable hash for ETags and file fingerprints. Not for secrets;
/// a collision only costs a stale preview, and both inputs are ours.
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    mutating func add(_ number: Int) {
        withUnsafeBytes(of: number.littleEndian) { add($0) }
    }

    mutating func add(_ text: String) {
        add(text.utf8)
        add(0)
    }

    /// Sixteen hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func of<Bytes: Sequence>(_ bytes: Bytes) -> ContentHash where Bytes.Element == UInt8 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash
    }
}
