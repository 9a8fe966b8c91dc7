/// One text a translator translates, with its English original: one entry of a PO file.
public struct TranslationUnit: Sendable {
    /// The PO `msgctxt`: "BLOCK PART" for a block's text ("colostrum.key-messages items[2]"),
    /// else the part itself ("strings.page", "handouts.first-week.title"). Unique in a guide.
    public let context: String
    public let blockID: String?
    public let part: String
    public let english: Prose
    /// The translation's text here; nil where the translation has none yet.
    public let translation: Prose?
    /// For a wording overlay (es-ES): what its base guide (es) says here.
    public let base: Prose?

    static func context(blockID: String?, part: String) -> String {
        blockID.map { "\($0) \(part)" } ?? part
    }
}

extension Guide {
    /// Every text this guide's own file translates, in the English guide's order. A full
    /// translation answers for every English text (missing ones with no translation); a
    /// wording overlay only for the texts it replaces, since the rest are its base guide's.
    public func translationUnits(english: Guide, base: Guide? = nil) -> [TranslationUnit] {
        var mine: [String: Prose] = [:]
        for text in allTexts { mine[TranslationUnit.context(blockID: text.blockID, part: text.part)] = text.prose }
        var theirs: [String: Prose] = [:]
        for text in base?.allTexts ?? [] { theirs[TranslationUnit.context(blockID: text.blockID, part: text.part)] = text.prose }
        return english.allTexts.compactMap { text in
            let context = TranslationUnit.context(blockID: text.blockID, part: text.part)
            let translation = mine[context]
            if variant != nil, translation?.location.file != file { return nil }
            return TranslationUnit(context: context, blockID: text.blockID, part: text.part, english: text.prose,
                                   translation: translation, base: theirs[context])
        }
    }
}
