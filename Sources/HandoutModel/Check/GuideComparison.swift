/// A translation checked against the English guide: the same blocks, kinds, shapes,
/// sources and placeholders, so no handout silently loses a section in one language.
public enum GuideComparison {
    public static func compare(_ guide: Guide, with reference: Guide, sources: SourceList) -> [Finding] {
        var findings: [Finding] = []
        let language = guide.language
        func error(_ kind: Finding.Kind, _ location: SourceLocation?, _ message: String) {
            findings.append(Finding(.error, kind, language: language, location: location?.description ?? guide.file, message: message))
        }

        for id in reference.blockOrder where guide.blocks[id] == nil {
            error(.keys, nil, "block \(id) is missing (it is in \(reference.file))")
        }
        for id in guide.blockOrder where reference.blocks[id] == nil {
            error(.keys, guide.blocks[id]?.location, "block \(id) is not in \(reference.file) (extra, or a misspelt id)")
        }
        for id in reference.handouts.keys.sorted() where guide.handouts[id] == nil {
            error(.keys, nil, "handouts.\(id) is missing")
        }
        for key in UIStrings.keys {
            let mine = guide.strings[key].placeholders.map(\.kind)
            for placeholder in reference.strings[key].placeholders where !mine.contains(placeholder.kind) {
                error(.keys, guide.strings[key].location, "strings.\(key) lacks \(placeholder.written)")
            }
        }
        for id in reference.blockOrder {
            guard let mine = guide.blocks[id], let theirs = reference.blocks[id] else { continue }
            let place = mine.location
            if mine.kind != theirs.kind {
                error(.keys, place, "block \(id) is a \(mine.kind.rawValue), in English a \(theirs.kind.rawValue)")
                continue
            }
            if (mine.heading == nil) != (theirs.heading == nil) { error(.keys, place, "block \(id): heading \(mine.heading == nil ? "missing" : "extra")") }
            if (mine.text == nil) != (theirs.text == nil) { error(.keys, place, "block \(id): text \(mine.text == nil ? "missing" : "extra")") }
            compareItems(mine.items, theirs.items, path: "block \(id)", place: place, error: error)
            if let table = mine.table, let english = theirs.table {
                if table.columns.count != english.columns.count || table.rows.count != english.rows.count {
                    error(.keys, place, "block \(id): table is \(table.columns.count)×\(table.rows.count), in English \(english.columns.count)×\(english.rows.count)")
                }
            }
            if let tracker = mine.tracker, let english = theirs.tracker {
                if tracker.columns.map(\.id) != english.columns.map(\.id) || tracker.columns.map(\.boxes) != english.columns.map(\.boxes) {
                    error(.keys, place, "block \(id): tracker columns differ from English (ids or boxes)")
                }
                if tracker.rows.count != english.rows.count { error(.keys, place, "block \(id): tracker has \(tracker.rows.count) rows, English \(english.rows.count)") }
            }
            // A block whose numbers differ on purpose (numbers_differ) cites its own sources.
            if mine.numbersDiffer == nil, Set(citedKeys(mine)) != Set(citedKeys(theirs)) {
                error(.sources, place, "block \(id) cites \(citedKeys(mine).sorted().joined(separator: ", ")); English cites \(citedKeys(theirs).sorted().joined(separator: ", "))")
            }
        }
        findings += unresolvedSources(guide, sources)
        return findings
    }

    /// Source keys a guide cites that `sources.yaml` does not have.
    public static func unresolvedSources(_ guide: Guide, _ sources: SourceList) -> [Finding] {
        var findings: [Finding] = []
        for id in guide.blockOrder {
            guard let block = guide.blocks[id] else { continue }
            for key in Set(citedKeys(block)).sorted() where sources[key] == nil {
                findings.append(Finding(.error, .sources, language: guide.language, location: block.location.description,
                                        message: "block \(id) cites \"\(key)\", which is not in \(sources.file) — \(NearestName.hint(for: key, among: sources.order, noun: "a key such as"))"))
            }
        }
        return findings
    }

    static func citedKeys(_ block: Block) -> [String] {
        block.sources + block.items.flatMap { $0.sources + $0.items.flatMap(\.sources) } + (block.table?.rows.flatMap(\.sources) ?? [])
    }

    private static func compareItems(_ mine: [Item], _ theirs: [Item], path: String, place: SourceLocation,
                                     error: (Finding.Kind, SourceLocation?, String) -> Void) {
        guard mine.count == theirs.count else {
            error(.keys, place, "\(path) has \(mine.count) items, English has \(theirs.count)")
            return
        }
        for (index, (a, b)) in zip(mine, theirs).enumerated() {
            if a.urgent != b.urgent { error(.keys, a.location, "\(path) item \(index + 1): urgent is \(a.urgent), in English \(b.urgent)") }
            compareItems(a.items, b.items, path: "\(path) item \(index + 1)", place: a.location, error: error)
        }
    }

}
