/// Whether two blocks — one block of two guides — can be set item by item against each
/// other: the same parts in the same order, lists with as many items (and sub-items), tables
/// and trackers with the same rows and columns. A translation that dropped an item would
/// otherwise pair every later item with the wrong words.
enum BlockShape {
    /// What differs, as words that follow "it", or nil when the two pair.
    static func difference(_ own: DocumentBlock, _ other: DocumentBlock) -> String? {
        if (own.heading == nil) != (other.heading == nil) { return own.heading == nil ? "has a heading the other lacks" : "lacks a heading" }
        if (own.urgentLegend == nil) != (other.urgentLegend == nil) { return "differs in its urgent items" }
        guard own.content.count == other.content.count else {
            return "has \(other.content.count) parts where the other has \(own.content.count)"
        }
        for (index, (a, b)) in zip(own.content, other.content).enumerated() {
            if let difference = difference(a, b) { return "\(difference) (part \(index + 1))" }
        }
        return nil
    }

    private static func difference(_ a: DocumentContent, _ b: DocumentContent) -> String? {
        switch (a, b) {
        case (.paragraph, .paragraph):
            return nil
        case let (.list(styleA, itemsA), .list(styleB, itemsB)):
            guard styleA == styleB else { return "is a different kind of list" }
            return items(itemsA, itemsB)
        case let (.table(headerA, rowsA), .table(headerB, rowsB)):
            guard headerA.count == headerB.count, rowsA.count == rowsB.count,
                  zip(rowsA, rowsB).allSatisfy({ $0.count == $1.count }) else { return "has a table of another size" }
            return nil
        case let (.tracker(trackerA), .tracker(trackerB)):
            guard trackerA.rows.count == trackerB.rows.count,
                  trackerA.columns.map(\.boxes) == trackerB.columns.map(\.boxes) else { return "has a tracker with other rows or columns" }
            return nil
        case let (.contacts(contactsA), .contacts(contactsB)):
            return contactsA.count == contactsB.count ? nil : "lists \(contactsB.count) numbers where the other lists \(contactsA.count)"
        case (.qrCode, .qrCode):
            return nil
        case let (.figure(figureA), .figure(figureB)):
            guard figureA.id == figureB.id, (figureA.caption == nil) == (figureB.caption == nil) else { return "shows another figure" }
            return nil
        case let (.swatches(groupsA), .swatches(groupsB)):
            guard groupsA.map(\.swatches.count) == groupsB.map(\.swatches.count) else { return "groups its colours differently" }
            return nil
        case let (.writeIns(fieldsA), .writeIns(fieldsB)):
            guard fieldsA.map(\.choices.count) == fieldsB.map(\.choices.count) else { return "has other fields to fill in" }
            return nil
        default:
            return "has a different kind of content"
        }
    }

    private static func items(_ a: [DocumentItem], _ b: [DocumentItem]) -> String? {
        guard a.count == b.count else { return "has \(b.count) items where the other has \(a.count)" }
        for (index, (itemA, itemB)) in zip(a, b).enumerated() {
            if itemA.urgent != itemB.urgent { return "marks item \(index + 1) urgent in one guide only" }
            if itemA.children.count != itemB.children.count {
                return "has \(itemB.children.count) sub-items under item \(index + 1) where the other has \(itemA.children.count)"
            }
        }
        return nil
    }
}
