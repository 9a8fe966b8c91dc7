/// Every piece of text in a guide with where it is, for checks that look at all of it
/// (glyph coverage, numbers, readability, exchange with translators).
public struct GuideText: Sendable {
    public let blockID: String?
    /// Where in the block: "heading", "items[2]", "table.rows[3].cells[1]"...
    public let part: String
    public let prose: Prose
    public var location: SourceLocation { prose.location }
}

extension Guide {
    public var allTexts: [GuideText] {
        var texts: [GuideText] = []
        for key in UIStrings.keys { texts.append(GuideText(blockID: nil, part: "strings.\(key)", prose: strings[key])) }
        for (id, handout) in handouts.sorted(by: { $0.key < $1.key }) {
            texts.append(GuideText(blockID: nil, part: "handouts.\(id).title", prose: handout.title))
            texts.append(GuideText(blockID: nil, part: "handouts.\(id).subtitle", prose: handout.subtitle))
        }
        for id in blockOrder {
            guard let block = blocks[id] else { continue }
            texts += block.texts
        }
        return texts
    }
}

extension Block {
    /// Every text of the block, in reading order, each named by its part.
    public var texts: [GuideText] {
        var texts: [GuideText] = []
        func add(_ part: String, _ prose: Prose) { texts.append(GuideText(blockID: id, part: part, prose: prose)) }
        if let heading { add("heading", heading) }
        if let text { add("text", text) }
        func addItems(_ items: [Item], prefix: String) {
            for (index, item) in items.enumerated() {
                add("\(prefix)[\(index + 1)]", item.text)
                addItems(item.items, prefix: "\(prefix)[\(index + 1)].items")
            }
        }
        addItems(items, prefix: "items")
        for rules in storageRules.keys.sorted() { addItems(storageRules[rules]!, prefix: "storage_rules.\(rules)") }
        if let table {
            for (index, column) in table.columns.enumerated() { add("table.columns[\(index + 1)]", column) }
            for (row, cells) in table.rows.enumerated() {
                for (index, cell) in cells.cells.enumerated() { add("table.rows[\(row + 1)].cells[\(index + 1)]", cell) }
            }
        }
        if let figure {
            add("figure.alt", figure.alt)
            if let caption = figure.caption { add("figure.caption", caption) }
        }
        for (index, group) in (swatches?.groups ?? []).enumerated() { add("swatches.groups[\(index + 1)].label", group.label) }
        for (index, field) in fields.enumerated() {
            add("fields[\(index + 1)].label", field.label)
            for (choice, text) in field.choices.enumerated() { add("fields[\(index + 1)].choices[\(choice + 1)]", text) }
        }
        if let tracker {
            add("tracker.day_heading", tracker.dayHeading)
            for (index, column) in tracker.columns.enumerated() { add("tracker.columns[\(index + 1)].label", column.label) }
            for (index, row) in tracker.rows.enumerated() {
                add("tracker.rows[\(index + 1)].label", row.label)
                for column in tracker.columns {
                    if let target = row.targets[column.id] { add("tracker.rows[\(index + 1)].targets.\(column.id)", target) }
                }
            }
        }
        return texts
    }
}
