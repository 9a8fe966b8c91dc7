import Foundation

/// One translation's file being edited in place: texts, `from_en` stamps and the review
/// status, each changed where it is written and nothing else. `finish()` reads the result
/// back with the guide loader, so an edit is kept only if the file loads as before with
/// exactly the intended changes.
public struct GuideEditor {
    /// The guide as the file's text is now, its stale blocks marked against English.
    public let guide: Guide
    public let english: Guide
    /// For a wording overlay (es-ES), the guide it overlays.
    public let base: Guide?
    private let root: YAMLNode
    private var edits: YAMLTextEdits
    private var expectedTexts: [String: String] = [:]
    private var expectedStamps: [String: String] = [:]
    private var expectedStatus: Review.Status?

    /// `text` is the file's content; `file` how errors name it ("Guide/es.yaml").
    public init(text: String, file: String, english: Guide, base: Guide?) throws {
        let root = try YAMLFile.parse(Data(text.utf8), displayName: file)
        self.root = root
        let loaded = try base.map { try GuideLoader.parseOverlay(root, onto: $0) } ?? GuideLoader.parse(root)
        guide = loaded.checkingFreshness(against: english)
        self.english = english
        self.base = base
        edits = try YAMLTextEdits(text: text, file: file)
    }

    /// The texts this file translates, as export-po lists them.
    public var units: [TranslationUnit] { guide.translationUnits(english: english, base: base) }

    public var hasChanges: Bool { !edits.isEmpty }

    /// Writes `value` in place of the unit's translation; `tag` names the request in errors.
    public mutating func setText(_ unit: TranslationUnit, to value: String, tag: Int) throws {
        guard let translation = unit.translation else {
            throw LoadError(file: guide.file, keyPath: unit.context, problem: "this file has no text here to replace",
                            fix: "add the key to the file first")
        }
        guard translation.source != value else { return }
        try edits.replaceScalar(line: translation.location.line, column: translation.location.column, with: value, tag: tag)
        expectedTexts[unit.context] = value
    }

    /// Records on block `id` that it now translates the current English (`from_en`).
    public mutating func stamp(_ id: String) throws {
        guard let english = english.blocks[id] else {
            throw LoadError(file: guide.file, keyPath: "blocks.\(id)", problem: "block \(id) is not in \(self.english.file)",
                            fix: "remove it or correct its id (handouts check names the nearest)")
        }
        let fingerprint = english.englishFingerprint
        guard guide.blocks[id]?.fromEnglish != fingerprint else { return }
        guard let blocks = root.keyAndValue("blocks")?.value, let block = try blockNode(id, in: blocks) else {
            throw LoadError(file: guide.file, keyPath: "blocks.\(id)", problem: "block \(id) is not written in this file",
                            fix: "stamp it in the file that holds it")
        }
        if let (_, value) = block.keyAndValue("from_en") {
            try edits.replaceScalar(line: value.line, column: value.column, with: fingerprint, tag: nil)
        } else {
            guard !block.isFlowMapping, let (key, value) = block.keyAndValue("kind"), let column = key.column else {
                throw block.error("block \(id) is written on one line ({…}), so from_en cannot be added",
                                  fix: "write it one key per line, or add from_en: \(fingerprint) by hand")
            }
            try edits.insertLine(String(repeating: " ", count: column - 1) + "from_en: " + fingerprint,
                                 afterScalarAt: value.line, column: value.column)
        }
        expectedStamps[id] = fingerprint
    }

    /// Sets `review.status: draft` in this file, if it says reviewed.
    public mutating func reopenReview() throws {
        guard let status = root.keyAndValue("review")?.value.keyAndValue("status")?.value,
              try status.string() == Review.Status.reviewed.rawValue else { return }
        try edits.replaceScalar(line: status.line, column: status.column, with: Review.Status.draft.rawValue, tag: nil)
        expectedStatus = .draft
    }

    /// The edited file's text, or nil if nothing changed. It is loaded again first: a
    /// load error inside a tagged edit goes to `describe` (to name the PO entry); any
    /// other difference from what was asked is an error, and nothing should be written.
    public func finish(describe: (Int, LoadError) -> LoadError = { $1 }) throws -> String? {
        try finishEdited(describe: describe)?.text
    }

    /// `finish()`, with the edited guide as it loaded.
    public func finishEdited(describe: (Int, LoadError) -> LoadError = { $1 }) throws -> (text: String, guide: Guide)? {
        guard hasChanges else { return nil }
        let (text, lines) = edits.applied()
        let edited: Guide
        do {
            let root = try YAMLFile.parse(Data(text.utf8), displayName: guide.file)
            edited = try base.map { try GuideLoader.parseOverlay(root, onto: $0) } ?? GuideLoader.parse(root)
        } catch let error as LoadError {
            if let line = error.line, let tag = lines.first(where: { $0.value.contains(line) })?.key { throw describe(tag, error) }
            throw error
        }
        try verify(edited)
        return (text, edited)
    }

    /// Every text, stamp and status of the edited guide is the old one or the one asked for.
    private func verify(_ edited: Guide) throws {
        func fail(_ what: String) -> LoadError {
            LoadError(file: guide.file, problem: "the edit of \(what) did not read back as intended, so nothing was written",
                      fix: "make this change by hand, and report it as a bug")
        }
        let before = units, after = edited.translationUnits(english: english, base: base)
        guard before.map(\.context) == after.map(\.context), edited.blockOrder == guide.blockOrder else { throw fail("the file's structure") }
        for (old, new) in zip(before, after) where new.translation?.source != (expectedTexts[old.context] ?? old.translation?.source) {
            throw fail(old.context)
        }
        for id in guide.blockOrder where edited.blocks[id]?.fromEnglish != (expectedStamps[id] ?? guide.blocks[id]?.fromEnglish) {
            throw fail("blocks.\(id).from_en")
        }
        if edited.recordedReview.status != (expectedStatus ?? guide.recordedReview.status), base == nil { throw fail("review.status") }
    }

    private func blockNode(_ id: String, in blocks: YAMLNode) throws -> YAMLNode? {
        try blocks.entries().first { $0.key == id }?.value
    }
}
