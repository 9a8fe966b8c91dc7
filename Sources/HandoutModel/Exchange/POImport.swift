/// A PO file read back into a translation: each `msgstr` that differs from the guide's text
/// replaces it where it is written, and each block whose texts were all just translated or
/// confirmed (no entry left fuzzy, all made from today's English) records today's English
/// fingerprint. Nothing else in the file changes; with no edits, not one byte.
public enum POImport {
    public struct Summary: Sendable {
        /// The edited file, or nil when there is nothing to change.
        public let text: String?
        public let changedTexts: [String]
        public let stampedBlocks: [String]
        /// Whether `review.status` went from reviewed back to draft.
        public let reopenedReview: Bool
        public let warnings: [String]
    }

    /// `poName` is how errors name the PO file.
    public static func apply(_ po: POFile, poName: String, to editor: inout GuideEditor) throws -> Summary {
        let file = editor.guide.file
        func entryError(_ entry: POFile.Entry, _ problem: String, _ fix: String) -> LoadError {
            LoadError(file: poName, line: entry.line, keyPath: entry.context.map { "msgctxt \"\($0)\"" } ?? "",
                      problem: problem, fix: fix)
        }
        if let type = po.headerField("Content-Type"), let charset = type.split(separator: "=").last,
           type.lowercased().contains("charset="), charset.lowercased() != "utf-8" {
            throw LoadError(file: poName, line: 1, problem: "the file is in \(charset), not UTF-8",
                            fix: "save it as UTF-8 (in Poedit: Catalogue > Properties > Charset)")
        }
        let units = editor.units
        let byContext = Dictionary(units.map { ($0.context, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Int] = [:]
        var changed: [String] = []
        var warnings: [String] = []
        // Per block: entries seen, and whether any keeps it from being stamped.
        var covered: [String: Int] = [:]
        var unconfirmed: Set<String> = []
        var editedBlocks: Set<String> = []
        for (index, entry) in po.entries.enumerated() {
            guard let context = entry.context else {
                throw entryError(entry, "entry without msgctxt", "use a PO file written by handouts export-po --lang \(editor.guide.language)")
            }
            if let first = seen[context] {
                throw entryError(entry, "msgctxt \"\(context)\" appears twice (first at line \(first))", "keep one of the two entries")
            }
            seen[context] = entry.line
            guard let unit = byContext[context] else {
                let near = NearestName.suggestion(for: context, among: units.map(\.context)).map { "did you mean \"\($0)\"? Else " } ?? ""
                throw entryError(entry, "no such text in \(file)",
                                 near + "export a fresh file with handouts export-po --lang \(editor.guide.language) and copy the translations over")
            }
            if let id = unit.blockID {
                covered[id, default: 0] += 1
                if entry.isFuzzy { unconfirmed.insert(id) }
            }
            if entry.id != unit.english.source {
                // Translated from an older English: imported, but the block stays stale.
                warnings.append("\(poName):\(entry.line): msgctxt \"\(context)\": the English has changed since this file was exported; imported, but left for review (export again to see the new English)")
                if let id = unit.blockID { unconfirmed.insert(id) }
            }
            guard !entry.string.isEmpty else {
                if unit.translation != nil {
                    throw entryError(entry, "the translation is empty", "translate it, or restore the text from \(file)")
                }
                continue
            }
            guard let translation = unit.translation else {
                throw entryError(entry, "\(file) has no text here yet, so there is nowhere to put this translation",
                                 "add the key to \(file) first (handouts check --lang \(editor.guide.language) lists what is missing)")
            }
            if translation.source != entry.string {
                try editor.setText(unit, to: entry.string, tag: index)
                changed.append(context)
                if let id = unit.blockID { editedBlocks.insert(id) }
            }
        }
        var stamped: [String] = []
        let textsPerBlock = Dictionary(grouping: units.compactMap(\.blockID), by: { $0 }).mapValues(\.count)
        for id in editor.guide.blockOrder {
            guard let count = textsPerBlock[id], covered[id] == count, !unconfirmed.contains(id),
                  let block = editor.guide.blocks[id], let english = editor.english.blocks[id] else { continue }
            let fingerprint = english.englishFingerprint
            let stale = block.fromEnglish.map { $0 != fingerprint } ?? false
            if (editedBlocks.contains(id) || stale) && block.fromEnglish != fingerprint {
                try editor.stamp(id)
                stamped.append(id)
            }
        }
        var reopened = false
        if editor.hasChanges, editor.guide.recordedReview.status == .reviewed {
            try editor.reopenReview()
            reopened = true
        }
        let entries = po.entries
        let edited = try editor.finishEdited { tag, error in
            entryError(entries[tag], error.problem, error.fix)
        }
        // The loader's checks hold for every new text; check's number rule is said here too,
        // as a warning, since a number changed in translation is the costliest mistake.
        if let edited, edited.guide.variant == nil {
            for finding in NumberRule.compare(edited.guide, with: editor.english)
            where changed.contains(where: { finding.message.hasPrefix("block \($0):") || finding.message.hasPrefix("\($0):") }) {
                warnings.append("\(finding.location): \(finding.message)")
            }
        }
        return Summary(text: edited?.text, changedTexts: changed, stampedBlocks: stamped, reopenedReview: reopened, warnings: warnings)
    }
}
