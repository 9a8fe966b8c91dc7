/// A translated block whose English has changed since it was translated.
public struct StaleBlock: Sendable, Equatable {
    public let id: String
    /// The fingerprint the translation recorded (`from_en`).
    public let recorded: String
    /// The English block's fingerprint now.
    public let english: String
    /// Where the translated block is written.
    public let location: SourceLocation
}

extension Guide {
    /// The guide with `staleBlocks` filled in against the English guide, so that its
    /// `review` prints as a draft while any are stale. English and its wording variants
    /// are not translations and are returned as they are.
    public func checkingFreshness(against english: Guide) -> Guide {
        guard isTranslation else { return self }
        var checked = self
        checked.staleBlocks = blockOrder.compactMap { id in
            guard let block = blocks[id], let recorded = block.fromEnglish, let source = english.blocks[id] else { return nil }
            let now = source.englishFingerprint
            return recorded == now ? nil : StaleBlock(id: id, recorded: recorded, english: now, location: block.location)
        }
        return checked
    }

    /// Blocks of this file (not an overlay's base) that record no `from_en`, so nobody can
    /// tell whether their English changed.
    public var unstampedBlocks: [String] {
        guard isTranslation else { return [] }
        return blockOrder.filter { id in blocks[id].map { $0.fromEnglish == nil && $0.location.file == file } ?? false }
    }
}

extension Guide {
    /// `check`'s warnings: one per stale block of this file, and one for all the blocks that
    /// record no fingerprint. (An overlay answers for its own blocks; its base for the rest.)
    public var freshnessFindings: [Finding] {
        var findings = staleBlocks.filter { $0.location.file == file }.map { stale in
            Finding(.warning, .review, language: language, location: stale.location.description,
                    message: "block \(stale.id): the English text changed since this translation (from_en \(stale.recorded), English now \(stale.english)) — review it, then run handouts fingerprint --lang \(language) --block \(stale.id)")
        }
        let unstamped = unstampedBlocks
        if !unstamped.isEmpty {
            let shown = unstamped.prefix(3).joined(separator: ", ") + (unstamped.count > 3 ? ", …" : "")
            findings.append(Finding(.warning, .review, language: language, location: file,
                                    message: "\(unstamped.count) block\(unstamped.count == 1 ? "" : "s") (\(shown)) record no from_en fingerprint, so a change to their English cannot be seen — once they match the current English, run handouts fingerprint --lang \(language)"))
        }
        return findings
    }
}
