/// A short, stable name for what an English block says, recorded on each translated block
/// as `from_en`: when the English changes, the two no longer match and the translation is
/// known to be stale. FNV-1a (64-bit) over the block's texts in `part` order, each part name
/// and text separated by characters no guide text may hold, so moving words between parts
/// or adding an item changes it too. Eight hex digits (the high 32 bits): enough to tell
/// versions of one block apart, short enough to read in a diff.
public enum EnglishFingerprint {
    public static func of(_ block: Block) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        for text in block.texts {
            add(text.part)
            add("\u{1F}")
            add(text.prose.source)
            add("\u{1E}")
        }
        let high = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - high.count) + high
    }
}

extension Block {
    /// This block's fingerprint as a translation records it (`from_en`).
    public var englishFingerprint: String { EnglishFingerprint.of(self) }
}
