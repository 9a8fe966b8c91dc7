/// A translation as a PO file for translators: one entry per text, the English as `msgid`,
/// the translation as `msgstr`, and comments that say what each text is (its block, sources,
/// rule set, placeholders) and where it is written. Entries of stale blocks are `fuzzy`,
/// which translation tools show as needing work.
public enum POExport {
    public static func file(for guide: Guide, english: Guide, base: Guide? = nil) -> POFile {
        var po = POFile()
        po.comments = [
            "Handouts: \(guide.displayName) (\(guide.file)), the breastfeeding guide for translators.",
            "msgid is the English (\(english.file)); translate it in msgstr. Keep each {placeholder}",
            "(such as {temp:38}) exactly as written, **bold** markers in pairs, and ✱ marks.",
            "An entry marked fuzzy: its English changed since it was translated. Check the",
            "translation, correct it if needed, then clear the fuzzy mark.",
            "Read it back with: handouts import-po FILE.po --lang \(guide.language)",
        ]
        po.header = [
            ("Project-Id-Version", "Handouts \(guide.language)"),
            ("POT-Creation-Date", timestamp(english.recordedReview.date)),
            ("PO-Revision-Date", timestamp(guide.recordedReview.date)),
            ("Last-Translator", ""),
            ("Language-Team", ""),
            ("Language", gettextLanguage(guide.language)),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("X-Source-Language", "en"),
            ("X-Handouts-Guide", guide.file),
        ]
        let stale = Dictionary(guide.staleBlocks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for unit in guide.translationUnits(english: english, base: base) {
            var entry = POFile.Entry(context: unit.context, id: unit.english.source, string: unit.translation?.source ?? "")
            let block = unit.blockID.flatMap { english.blocks[$0] }
            entry.extractedComments = comments(unit, block: block, base: base)
            if let id = unit.blockID, let stale = stale[id] {
                entry.extractedComments.append("The English changed since this translation (from_en \(stale.recorded), English now \(stale.english)): check it, then clear the fuzzy mark.")
                entry.flags.append("fuzzy")
            }
            // Tools then check that each {placeholder} is kept (a block whose numbers differ
            // on purpose may have others).
            if !unit.english.placeholders.isEmpty, block?.numbersDiffer == nil, unit.blockID.flatMap({ guide.blocks[$0]?.numbersDiffer }) == nil {
                entry.flags.append("python-brace-format")
            }
            if let translation = unit.translation, let line = translation.location.line {
                entry.references = ["\(translation.location.file):\(line)"]
            }
            po.entries.append(entry)
        }
        return po
    }

    /// The `#.` lines: what the text is, its sources, and what to keep as written.
    static func comments(_ unit: TranslationUnit, block: Block?, base: Guide?) -> [String] {
        var lines: [String] = []
        if let block {
            let note = PartNote(block: block, part: unit.part)
            lines.append("Block \(block.id) (\(block.kind.rawValue)), \(unit.part).")
            if let rules = note.ruleSet {
                lines.append("Storage line for rule set \(rules): its times and sources are in Guide/storage/\(rules).yaml.")
            } else if !note.sources.isEmpty {
                lines.append("Sources: \(note.sources.joined(separator: ", ")).")
            }
            if note.urgent { lines.append("Urgent: printed with ✱ (call the emergency number or go now).") }
        } else if unit.part.hasPrefix("strings.") {
            lines.append("Interface text \(unit.part), printed by the program around the guide's blocks.")
        } else {
            lines.append("Handout \(unit.part.dropFirst("handouts.".count).split(separator: ".").first ?? ""): \(unit.part.hasSuffix(".title") ? "title" : "subtitle").")
        }
        for placeholder in Set(unit.english.placeholders.map(\.written)).sorted() {
            lines.append(placeholder.hasPrefix("{temp:")
                ? "\(placeholder) is a temperature the program writes in the country's units (°C or °F): keep it as written."
                : "\(placeholder) is filled in by the program: keep it as written.")
        }
        if let base, let said = unit.base {
            lines.append("\(base.file) says: \(said.source.replacingOccurrences(of: "\n", with: " "))")
        }
        return lines
    }

    /// "es", "pt_PT", "zh_Hans": gettext writes the subtags after an underscore.
    public static func gettextLanguage(_ tag: String) -> String {
        tag.replacingOccurrences(of: "-", with: "_")
    }

    static func timestamp(_ date: CalendarDate) -> String { "\(date) 00:00+0000" }
}

/// What an English block says about one of its texts: the sources that back it (its own,
/// its parent item's or the block's), whether it is urgent, and a storage line's rule set.
struct PartNote {
    var sources: [String] = []
    var urgent = false
    var ruleSet: String?

    init(block: Block, part: String) {
        sources = block.sources
        if part.hasPrefix("storage_rules.") {
            ruleSet = String(part.dropFirst("storage_rules.".count).prefix { $0 != "[" })
            sources = []
            return
        }
        if part.hasPrefix("items[") {
            var items = block.items
            for index in PartNote.indices(part) {
                guard index >= 1, index <= items.count else { break }
                let item = items[index - 1]
                if !item.sources.isEmpty { sources = item.sources }
                urgent = item.urgent
                items = item.items
            }
        } else if part.hasPrefix("table.rows["), let row = PartNote.indices(part).first, let table = block.table,
                  row >= 1, row <= table.rows.count, !table.rows[row - 1].sources.isEmpty {
            sources = table.rows[row - 1].sources
        }
    }

    /// The bracketed numbers of a part name: "items[2].items[1]" is [2, 1].
    static func indices(_ part: String) -> [Int] {
        part.split(separator: "[").dropFirst().compactMap { Int($0.prefix { $0 != "]" }) }
    }
}
