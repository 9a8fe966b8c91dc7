import Foundation

/// Reads `Guide/<lang>.yaml` into a `Guide`, checking every key as it goes.
public enum GuideLoader {
    /// Lower-case letters and digits in words joined by single dots or dashes
    /// ("first-week.latch"), checked by hand: a regular expression per block was a visible
    /// share of load time.
    static func isValidID(_ id: String) -> Bool {
        var previousWasSeparator = true
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasSeparator = false
            case UInt8(ascii: "."), UInt8(ascii: "-"):
                if previousWasSeparator { return false }
                previousWasSeparator = true
            default:
                return false
            }
        }
        return !id.isEmpty && !previousWasSeparator
    }

    public static func load(_ url: URL, displayName: String) throws -> Guide {
        try parse(YAMLFile.read(url, displayName: displayName))
    }

    public static func parse(_ root: YAMLNode) throws -> Guide {
        let top = try root.fields(required: ["language", "name", "review", "locale", "strings", "handouts", "blocks"],
                                  optional: ["direction"])
        let language = try top.required("language").text()
        let direction = try top["direction"]?.choice(TextDirection.self) ?? .ltr
        let review = try parseReview(top.required("review"))

        let localeFields = try top.required("locale").fields(required: ["emergency_number"])
        let emergency = try localeFields.required("emergency_number").text()
        try TextRules.check(emergency, at: localeFields.required("emergency_number"), allowPlaceholders: false)

        let strings = try parseStrings(top.required("strings"))
        var handouts: [String: HandoutText] = [:]
        for (id, node) in try top.required("handouts").entries() {
            handouts[id] = try parseHandoutText(node)
        }
        var blocks: [String: Block] = [:]
        var order: [String] = []
        for (id, node) in try top.required("blocks").entries(maximumCount: 500) {
            guard isValidID(id) else {
                throw node.error("block id \"\(id)\" has characters that are not allowed",
                                 fix: "use lower-case letters, digits, dots and dashes, e.g. first-week.latch")
            }
            blocks[id] = try parseBlock(id: id, node)
            order.append(id)
        }
        return Guide(language: language, languageName: try top.required("name").text(), direction: direction,
                     review: review, locale: LocaleFacts(emergencyNumber: emergency), strings: strings,
                     handouts: handouts, blocks: blocks, blockOrder: order, file: root.file)
    }

    static func parseReview(_ node: YAMLNode) throws -> Review {
        let fields = try node.fields(required: ["status", "date"], optional: ["reviewer", "note"])
        let status = try fields.required("status").choice(Review.Status.self)
        let dateNode = fields.required("date")
        guard let date = CalendarDate(try dateNode.text()) else {
            throw dateNode.error("\"\(try dateNode.string())\" is not a date", fix: "write it as YYYY-MM-DD, e.g. 2026-12-01")
        }
        let reviewer = try fields["reviewer"]?.text()
        if status == .reviewed && reviewer == nil {
            throw node.error("a reviewed guide must name its reviewer", fix: "add reviewer: \"Name, role\" or set status: draft")
        }
        return Review(status: status, reviewer: reviewer, date: date, note: try fields["note"]?.text())
    }

    static func parseStrings(_ node: YAMLNode) throws -> UIStrings {
        let fields = try node.fields(required: UIStrings.keys)
        var values: [String: String] = [:]
        for key in UIStrings.keys {
            let value = fields.required(key)
            let text = try value.text()
            try TextRules.check(text, at: value, extraPlaceholders: ["page", "pages", "reviewer", "date"])
            values[key] = text
        }
        return UIStrings(values: values)
    }

    static func parseHandoutText(_ node: YAMLNode) throws -> HandoutText {
        let fields = try node.fields(required: ["title", "subtitle"], optional: ["keywords"])
        let title = try fields.required("title").text()
        let subtitle = try fields.required("subtitle").text()
        try TextRules.check(title, at: fields.required("title"), allowPlaceholders: false)
        try TextRules.check(subtitle, at: fields.required("subtitle"), allowPlaceholders: false)
        let keywords = try fields["keywords"]?.sequence(maximumCount: 30).map { try $0.text() } ?? []
        return HandoutText(title: title, subtitle: subtitle, keywords: keywords)
    }

    static func parseBlock(id: String, _ node: YAMLNode) throws -> Block {
        let fields = try node.fields(required: ["kind"],
                                     optional: ["heading", "text", "items", "table", "tracker", "sources", "clinical"])
        let kind = try fields.required("kind").choice(Block.Kind.self)
        let heading = try fields["heading"]?.text()
        if let heading, let node = fields["heading"] { try TextRules.check(heading, at: node, allowPlaceholders: false) }
        let text = try fields["text"]?.text()
        if let text, let node = fields["text"] { try TextRules.check(text, at: node) }
        let items = try fields["items"]?.sequence(maximumCount: 60).map { try parseItem($0, depth: 0) } ?? []
        let sources = try parseSourceKeys(fields["sources"])
        let clinical = try fields["clinical"]?.bool() ?? true

        var table: Table?
        var tracker: Tracker?
        switch kind {
        case .paragraph:
            guard text != nil else { throw node.error("a paragraph needs text", fix: "add text: …") }
            try forbid(["items", "table", "tracker"], in: fields, kind: kind)
        case .bullets, .steps, .checklist:
            guard !items.isEmpty else { throw node.error("a \(kind.rawValue) block needs items", fix: "add items: with one \"- text: …\" per line") }
            try forbid(["table", "tracker"], in: fields, kind: kind)
        case .callout:
            guard text != nil || !items.isEmpty else { throw node.error("a callout needs text or items") }
            try forbid(["table", "tracker"], in: fields, kind: kind)
        case .table:
            guard let tableNode = fields["table"] else { throw node.error("a table block needs table:", fix: "add table: with columns: and rows:") }
            table = try parseTable(tableNode)
            try forbid(["items", "tracker"], in: fields, kind: kind)
        case .tracker:
            guard let trackerNode = fields["tracker"] else { throw node.error("a tracker block needs tracker:", fix: "add tracker: with columns: and rows:") }
            tracker = try parseTracker(trackerNode)
            try forbid(["items", "table"], in: fields, kind: kind)
        }
        if clinical {
            try requireSources(block: sources, items: items, table: table, at: node)
        }
        return Block(id: id, kind: kind, heading: heading, text: text, items: items, table: table, tracker: tracker,
                     sources: sources, clinical: clinical, location: node.location)
    }

    static func forbid(_ keys: [String], in fields: YAMLFields, kind: Block.Kind) throws {
        for key in keys {
            if let node = fields[key] {
                throw node.error("a \(kind.rawValue) block has no \(key)", fix: "remove \(key):, or change kind:")
            }
        }
    }

    /// Every clinical statement names a source: the block's own sources cover everything in
    /// it; otherwise every item (and sub-item) or table row must carry its own.
    static func requireSources(block: [String], items: [Item], table: Table?, at node: YAMLNode) throws {
        if !block.isEmpty { return }
        func check(_ items: [Item], inherited: Bool) throws {
            for item in items {
                let covered = inherited || !item.sources.isEmpty
                if !covered {
                    throw LoadError(file: item.location.file, line: item.location.line, column: item.location.column,
                                    keyPath: item.location.keyPath, problem: "clinical statement without a source",
                                    fix: "add sources: [key] from Guide/sources.yaml, or clinical: false on the block")
                }
                try check(item.items, inherited: covered)
            }
        }
        if let table {
            for row in table.rows where row.sources.isEmpty {
                throw LoadError(file: row.location.file, line: row.location.line, column: row.location.column,
                                keyPath: row.location.keyPath, problem: "table row without a source",
                                fix: "add sources: [key] to the row or to the block")
            }
            return
        }
        if items.isEmpty {
            throw node.error("clinical block without a source", fix: "add sources: [key] from Guide/sources.yaml, or clinical: false")
        }
        try check(items, inherited: false)
    }

    static func parseSourceKeys(_ node: YAMLNode?) throws -> [String] {
        guard let node else { return [] }
        return try node.sequence(maximumCount: 20).map { try $0.text() }
    }

    static func parseItem(_ node: YAMLNode, depth: Int) throws -> Item {
        let fields = try node.fields(required: ["text"], optional: ["sources", "urgent", "items"])
        let text = try fields.required("text").text()
        try TextRules.check(text, at: fields.required("text"))
        var children: [Item] = []
        if let sub = fields["items"] {
            guard depth == 0 else { throw sub.error("lists nest one level at most", fix: "move these items up a level") }
            children = try sub.sequence(maximumCount: 20).map { try parseItem($0, depth: depth + 1) }
        }
        return Item(text: text, sources: try parseSourceKeys(fields["sources"]), urgent: try fields["urgent"]?.bool() ?? false,
                    items: children, location: node.location)
    }

    static func parseTable(_ node: YAMLNode) throws -> Table {
        let fields = try node.fields(required: ["columns", "rows"])
        let columns = try fields.required("columns").sequence(maximumCount: 6).map { try $0.string() }
        guard columns.count >= 2 else { throw fields.required("columns").error("a table needs at least 2 columns") }
        let rows = try fields.required("rows").sequence(maximumCount: 30).map { rowNode -> Table.Row in
            let rowFields = try rowNode.fields(required: ["cells"], optional: ["sources"])
            let cellsNode = rowFields.required("cells")
            let cells = try cellsNode.sequence(maximumCount: 6).map { cell -> String in
                let text = try cell.text()
                try TextRules.check(text, at: cell)
                return text
            }
            guard cells.count == columns.count else {
                throw cellsNode.error("row has \(cells.count) cells but the table has \(columns.count) columns",
                                      fix: "give every row one cell per column")
            }
            return Table.Row(cells: cells, sources: try parseSourceKeys(rowFields["sources"]), location: rowNode.location)
        }
        guard !rows.isEmpty else { throw fields.required("rows").error("a table needs rows") }
        return Table(columns: columns, rows: rows)
    }

    static func parseTracker(_ node: YAMLNode) throws -> Tracker {
        let fields = try node.fields(required: ["day_heading", "columns", "rows"])
        let columns = try fields.required("columns").sequence(maximumCount: 5).map { columnNode -> Tracker.Column in
            let column = try columnNode.fields(required: ["id", "label", "boxes"])
            return Tracker.Column(id: try column.required("id").text(), label: try column.required("label").text(),
                                  boxes: try column.required("boxes").int(in: 1...16))
        }
        guard !columns.isEmpty else { throw fields.required("columns").error("a tracker needs columns") }
        let ids = columns.map(\.id)
        let rows = try fields.required("rows").sequence(maximumCount: 31).map { rowNode -> Tracker.Row in
            let row = try rowNode.fields(required: ["label", "targets"])
            var targets: [String: String] = [:]
            for (id, value) in try row.required("targets").entries() {
                guard ids.contains(id) else {
                    throw value.error("no tracker column \"\(id)\"", fix: NearestName.hint(for: id, among: ids))
                }
                targets[id] = try value.string()
            }
            return Tracker.Row(label: try row.required("label").text(), targets: targets, location: rowNode.location)
        }
        guard !rows.isEmpty else { throw fields.required("rows").error("a tracker needs rows, one per day") }
        return Tracker(dayHeading: try fields.required("day_heading").text(), columns: columns, rows: rows)
    }
}
