/// Every piece of text in a guide with where it is, for checks that look at all of it
/// (glyph coverage, placeholders).
public struct GuideText: Sendable {
    public let blockID: String?
    public let location: SourceLocation
    public let text: String
}

extension Guide {
    public var allTexts: [GuideText] {
        let file = self.file
        func at(_ keyPath: String) -> SourceLocation { SourceLocation(file: file, line: nil, column: nil, keyPath: keyPath) }
        var texts: [GuideText] = [GuideText(blockID: nil, location: at("name"), text: languageName)]
        for key in UIStrings.keys { texts.append(GuideText(blockID: nil, location: at("strings.\(key)"), text: strings[key])) }
        for (id, handout) in handouts.sorted(by: { $0.key < $1.key }) {
            texts.append(GuideText(blockID: nil, location: at("handouts.\(id).title"), text: handout.title))
            texts.append(GuideText(blockID: nil, location: at("handouts.\(id).subtitle"), text: handout.subtitle))
        }
        for id in blockOrder {
            guard let block = blocks[id] else { continue }
            let place = block.location
            if let heading = block.heading { texts.append(GuideText(blockID: id, location: place, text: heading)) }
            if let text = block.text { texts.append(GuideText(blockID: id, location: place, text: text)) }
            for item in block.items {
                texts.append(GuideText(blockID: id, location: item.location, text: item.text))
                for child in item.items { texts.append(GuideText(blockID: id, location: child.location, text: child.text)) }
            }
            if let table = block.table {
                for column in table.columns { texts.append(GuideText(blockID: id, location: place, text: column)) }
                for row in table.rows { for cell in row.cells { texts.append(GuideText(blockID: id, location: row.location, text: cell)) } }
            }
            if let tracker = block.tracker {
                texts.append(GuideText(blockID: id, location: place, text: tracker.dayHeading))
                for column in tracker.columns { texts.append(GuideText(blockID: id, location: place, text: column.label)) }
                for row in tracker.rows {
                    texts.append(GuideText(blockID: id, location: row.location, text: row.label))
                    for target in row.targets.values { texts.append(GuideText(blockID: id, location: row.location, text: target)) }
                }
            }
        }
        return texts
    }
}
