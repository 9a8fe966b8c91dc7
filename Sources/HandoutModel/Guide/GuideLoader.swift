import Foundation

/// Reads `Guide/<lang>.yaml` into a `Guide`, checking every key and every text as it goes;
/// reads a wording overlay (`Guide/en-US.yaml`) onto its base guide.
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
        let top = try root.fields(required: ["language", "name", "english_name", "review", "strings", "handouts", "blocks"],
                                  optional: ["direction"])
        let (blocks, order) = try parseBlocks(top.required("blocks"))
        var handouts: [String: HandoutText] = [:]
        for (id, node) in try top.required("handouts").entries() {
            handouts[id] = try parseHandoutText(node)
        }
        return Guide(language: try top.required("language").text(), languageName: try parseName(top.required("name")),
                     englishName: try parseName(top.required("english_name")),
                     direction: try top["direction"]?.choice(TextDirection.self) ?? .ltr,
                     recordedReview: try parseReview(top.required("review")),
                     strings: UIStrings(values: try parseStrings(top.required("strings"), partial: false)),
                     handouts: handouts, blocks: blocks, blockOrder: order, file: root.file, variant: nil)
    }

    public static func loadOverlay(_ url: URL, displayName: String, onto base: Guide) throws -> Guide {
        try parseOverlay(YAMLFile.read(url, displayName: displayName), onto: base)
    }

    /// A wording variant holds only what differs: some strings, some handout titles, whole
    /// blocks. Everything else is the base guide's, block by block.
    public static func parseOverlay(_ root: YAMLNode, onto base: Guide) throws -> Guide {
        let top = try root.fields(required: ["language", "variant_of", "name", "english_name", "review"],
                                  optional: ["strings", "handouts", "blocks"])
        let variantOf = top.required("variant_of")
        guard try variantOf.text() == base.language else {
            throw variantOf.error("this file says variant_of: \(try variantOf.string()), but overlays \(base.language)",
                                  fix: "name the base guide's language, \(base.language)")
        }
        var strings = base.strings.values
        if let node = top["strings"] {
            for (key, value) in try parseStrings(node, partial: true) { strings[key] = value }
        }
        var handouts = base.handouts
        for (id, node) in try top["handouts"]?.entries() ?? [] {
            guard base.handouts[id] != nil else {
                throw node.error("\(base.file) has no handout \"\(id)\"", fix: NearestName.hint(for: id, among: base.handouts.keys.sorted()))
            }
            handouts[id] = try parseHandoutText(node)
        }
        var blocks = base.blocks
        var replaced: [String] = []
        if let node = top["blocks"] {
            let (overlayBlocks, order) = try parseBlocks(node)
            for id in order {
                guard base.blocks[id] != nil else {
                    throw overlayBlocks[id]!.location.error("\(base.file) has no block \"\(id)\" to replace",
                                                           fix: NearestName.hint(for: id, among: base.blockOrder, noun: "a block id such as"))
                }
                blocks[id] = overlayBlocks[id]
                replaced.append(id)
            }
        }
        let own = try parseReview(top.required("review"))
        // A variant is as reviewed as the less reviewed of the two files it prints from.
        // The base's review as recorded: its stale blocks are in the merged guide, which is
        // checked for freshness as a whole (Project.guide).
        let review = own.status == .reviewed && base.recordedReview.status == .reviewed
            ? own : Review(status: .draft, reviewer: own.reviewer, date: max(own.date, base.recordedReview.date), note: own.note)
        return Guide(language: try top.required("language").text(), languageName: try parseName(top.required("name")),
                     englishName: try parseName(top.required("english_name")), direction: base.direction, recordedReview: review, strings: UIStrings(values: strings), handouts: handouts,
                     blocks: blocks, blockOrder: base.blockOrder, file: root.file,
                     variant: Guide.Variant(base: base.language, file: root.file, replacedBlocks: replaced))
    }

    static func parseName(_ node: YAMLNode) throws -> String {
        try Prose.parse(try node.text(), at: node, rules: .oneLine).source
    }

    static func parseBlocks(_ node: YAMLNode) throws -> ([String: Block], [String]) {
        var blocks: [String: Block] = [:]
        var order: [String] = []
        for (id, blockNode) in try node.entries(maximumCount: 500) {
            guard isValidID(id) else {
                throw blockNode.error("block id \"\(id)\" has characters that are not allowed",
                                      fix: "use lower-case letters, digits, dots and dashes, e.g. first-week.latch")
            }
            blocks[id] = try parseBlock(id: id, blockNode)
            order.append(id)
        }
        return (blocks, order)
    }

    static func parseReview(_ node: YAMLNode) throws -> Review {
        let fields = try node.fields(required: ["status", "date"], optional: ["reviewer", "note"])
        let status = try fields.required("status").choice(Review.Status.self)
        let dateNode = fields.required("date")
        guard let date = CalendarDate(try dateNode.text()) else {
            throw dateNode.error("\"\(try dateNode.string())\" is not a date", fix: "write it as YYYY-MM-DD, e.g. 2026-12-01")
        }
        let reviewer = try fields["reviewer"].map { try Prose.parse(try $0.text(), at: $0, rules: .oneLine).source }
        if status == .reviewed && reviewer == nil {
            throw node.error("a reviewed guide must name its reviewer", fix: "add reviewer: \"Name, role\" or set status: draft")
        }
        return Review(status: status, reviewer: reviewer, date: date, note: try fields["note"]?.text())
    }

    static func parseStrings(_ node: YAMLNode, partial: Bool) throws -> [String: Prose] {
        let fields = try partial ? node.fields(optional: UIStrings.keys) : node.fields(required: UIStrings.keys)
        var values: [String: Prose] = [:]
        for key in UIStrings.keys {
            guard let value = fields[key] else { continue }
            let allowed = UIStrings.placeholders[key]!
            values[key] = try Prose.parse(try value.text(), at: value, rules: Prose.Rules(placeholders: allowed))
        }
        return values
    }

    static func parseHandoutText(_ node: YAMLNode) throws -> HandoutText {
        let fields = try node.fields(required: ["title", "subtitle"], optional: ["keywords"])
        func line(_ key: String) throws -> Prose {
            let value = fields.required(key)
            return try Prose.parse(try value.text(), at: value, rules: .oneLine)
        }
        let keywords = try fields["keywords"]?.sequence(maximumCount: 30).map { node in
            try Prose.parse(try node.text(), at: node, rules: .oneLine).source
        } ?? []
        return HandoutText(title: try line("title"), subtitle: try line("subtitle"), keywords: keywords)
    }

    /// A text field of a block: read, then checked as prose that may hold temperatures.
    static func prose(_ node: YAMLNode, rules: Prose.Rules = .body) throws -> Prose {
        try Prose.parse(try node.text(), at: node, rules: rules)
    }

    static func parseBlock(id: String, _ node: YAMLNode) throws -> Block {
        let fields = try node.fields(required: ["kind"],
                                     optional: ["heading", "text", "items", "storage_rules", "table", "tracker", "figure",
                                                "swatches", "fields", "sources", "clinical", "numbers_differ", "from_en"])
        let kind = try fields.required("kind").choice(Block.Kind.self)
        let heading = try fields["heading"].map { try prose($0, rules: .plain) }
        let text = try fields["text"].map { try prose($0) }
        let items = try fields["items"]?.sequence(maximumCount: 60).map { try parseItem($0, depth: 0) } ?? []
        var storage: [String: [Item]] = [:]
        for (rules, list) in try fields["storage_rules"]?.entries(maximumCount: 10) ?? [] {
            guard isValidID(rules) else { throw list.error("\"\(rules)\" is not a rule-set id", fix: "name a file of Guide/storage/, e.g. cdc") }
            storage[rules] = try list.sequence(maximumCount: 12).map { try parseItem($0, depth: 1) }
        }
        let sources = try parseSourceKeys(fields["sources"])
        let clinical = try fields["clinical"]?.bool() ?? true
        let numbersDiffer = try fields["numbers_differ"]?.text()
        let fromEnglish = try fields["from_en"].map(parseFingerprint)

        // Each kind takes its own part and no other kind's.
        let parts = ["items", "storage_rules", "table", "tracker", "figure", "swatches", "fields"]
        func only(_ allowed: [String]) throws { try forbid(parts.filter { !allowed.contains($0) }, in: fields, kind: kind) }
        var table: Table?
        var tracker: Tracker?
        var figure: Figure?
        var swatches: Swatches?
        var writeIns: [WriteInField] = []
        switch kind {
        case .paragraph:
            guard text != nil else { throw node.error("a paragraph needs text", fix: "add text: …") }
            try only([])
        case .bullets, .steps, .checklist:
            guard !items.isEmpty || !storage.isEmpty else {
                throw node.error("a \(kind.rawValue) block needs items", fix: "add items: with one \"- text: …\" per line")
            }
            try only(["items", "storage_rules"])
        case .callout:
            guard text != nil || !items.isEmpty else { throw node.error("a callout needs text or items") }
            try only(["items"])
        case .table:
            guard let tableNode = fields["table"] else { throw node.error("a table block needs table:", fix: "add table: with columns: and rows:") }
            table = try parseTable(tableNode)
            try only(["table"])
        case .tracker:
            guard let trackerNode = fields["tracker"] else { throw node.error("a tracker block needs tracker:", fix: "add tracker: with columns: and rows:") }
            tracker = try parseTracker(trackerNode)
            try only(["tracker"])
        case .figure:
            guard let figureNode = fields["figure"] else { throw node.error("a figure block needs figure:", fix: "add figure: with id: and alt:") }
            figure = try parseFigure(figureNode)
            try only(["figure"])
        case .swatches:
            guard let swatchNode = fields["swatches"] else { throw node.error("a swatches block needs swatches:", fix: "add swatches: with colours_from: and groups:") }
            swatches = try parseSwatches(swatchNode)
            try only(["swatches"])
        case .fields:
            guard let fieldsNode = fields["fields"] else { throw node.error("a fields block needs fields:", fix: "add fields: with one \"- label: …\" per line") }
            writeIns = try fieldsNode.sequence(maximumCount: 12).map(parseWriteIn)
            guard !writeIns.isEmpty else { throw fieldsNode.error("a fields block needs at least one field") }
            try only(["fields"])
        }
        if clinical && ![.figure, .swatches, .fields].contains(kind) {
            try requireSources(block: sources, items: items, table: table, hasStorageRules: !storage.isEmpty, at: node)
        }
        if clinical && [.figure, .swatches].contains(kind) && sources.isEmpty {
            throw node.error("clinical \(kind.rawValue) without a source", fix: "add sources: [key] from Guide/sources.yaml, or clinical: false")
        }
        return Block(id: id, kind: kind, heading: heading, text: text, items: items, storageRules: storage, table: table,
                     tracker: tracker, figure: figure, swatches: swatches, fields: writeIns, sources: sources, clinical: clinical,
                     numbersDiffer: numbersDiffer, fromEnglish: fromEnglish, location: node.location)
    }

    /// `from_en`: eight lower-case hex digits, as `handouts fingerprint` writes them.
    static func parseFingerprint(_ node: YAMLNode) throws -> String {
        let value = try node.text()
        guard value.utf8.count == 8, value.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw node.error("from_en \"\(value.prefix(40))\" is not a fingerprint (8 hex digits, e.g. 3f2a9c1b)",
                             fix: "run handouts fingerprint to write it, or remove the key")
        }
        return value
    }

    static func forbid(_ keys: [String], in fields: YAMLFields, kind: Block.Kind) throws {
        for key in keys {
            if let node = fields[key] {
                throw node.error("a \(kind.rawValue) block has no \(key)", fix: "remove \(key):, or change kind:")
            }
        }
    }

    /// Every clinical statement names a source: the block's own sources cover everything in
    /// it; otherwise every item (and sub-item) or table row must carry its own. Storage
    /// lines take theirs from their rule set's file.
    static func requireSources(block: [String], items: [Item], table: Table?, hasStorageRules: Bool, at node: YAMLNode) throws {
        if !block.isEmpty { return }
        func check(_ items: [Item], inherited: Bool) throws {
            for item in items {
                let covered = inherited || !item.sources.isEmpty
                if !covered {
                    throw item.location.error("clinical statement without a source",
                                              fix: "add sources: [key] from Guide/sources.yaml, or clinical: false on the block")
                }
                try check(item.items, inherited: covered)
            }
        }
        if let table {
            for row in table.rows where row.sources.isEmpty {
                throw row.location.error("table row without a source", fix: "add sources: [key] to the row or to the block")
            }
            return
        }
        if items.isEmpty {
            if hasStorageRules { return }
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
        var children: [Item] = []
        if let sub = fields["items"] {
            guard depth == 0 else { throw sub.error("lists nest one level at most", fix: "move these items up a level") }
            children = try sub.sequence(maximumCount: 20).map { try parseItem($0, depth: depth + 1) }
        }
        return Item(text: try prose(fields.required("text")), sources: try parseSourceKeys(fields["sources"]),
                    urgent: try fields["urgent"]?.bool() ?? false, items: children, location: node.location)
    }

    static func parseFigure(_ node: YAMLNode) throws -> Figure {
        let fields = try node.fields(required: ["id", "alt"], optional: ["width_mm", "caption"])
        let idNode = fields.required("id")
        let id = try idNode.text()
        guard isValidID(id) else {
            throw idNode.error("figure id \"\(id)\" has characters that are not allowed", fix: "name a file of Guide/figures/ without .svg, e.g. stool-size")
        }
        return Figure(id: id, widthMM: try fields["width_mm"]?.double(in: 5...200), alt: try prose(fields.required("alt"), rules: .plain),
                      caption: try fields["caption"].map { try prose($0) })
    }

    static func parseSwatches(_ node: YAMLNode) throws -> Swatches {
        let fields = try node.fields(required: ["colours_from", "groups"])
        let groups = try fields.required("groups").sequence(maximumCount: 6).map { groupNode -> Swatches.Group in
            let group = try groupNode.fields(required: ["label", "numbers"], optional: ["alert"])
            let numbers = try group.required("numbers").sequence(maximumCount: 20).map { try $0.int(in: 1...20) }
            guard !numbers.isEmpty else { throw group.required("numbers").error("a group needs swatch numbers", fix: "e.g. numbers: [1, 2, 3]") }
            return Swatches.Group(label: try prose(group.required("label")), numbers: numbers,
                                  alert: try group["alert"]?.bool() ?? false, location: groupNode.location)
        }
        guard !groups.isEmpty else { throw fields.required("groups").error("swatches need at least one group") }
        return Swatches(source: try fields.required("colours_from").text(), groups: groups)
    }

    static func parseWriteIn(_ node: YAMLNode) throws -> WriteInField {
        let fields = try node.fields(required: ["label"], optional: ["choices"])
        let choices = try fields["choices"]?.sequence(maximumCount: 4).map { try prose($0, rules: .plain) } ?? []
        return WriteInField(label: try prose(fields.required("label"), rules: .plain), choices: choices, location: node.location)
    }

    static func parseTable(_ node: YAMLNode) throws -> Table {
        let fields = try node.fields(required: ["columns", "rows"])
        let columns = try fields.required("columns").sequence(maximumCount: 6).map { try prose($0, rules: .plain) }
        guard columns.count >= 2 else { throw fields.required("columns").error("a table needs at least 2 columns") }
        let rows = try fields.required("rows").sequence(maximumCount: 30).map { rowNode -> Table.Row in
            let rowFields = try rowNode.fields(required: ["cells"], optional: ["sources"])
            let cellsNode = rowFields.required("cells")
            let cells = try cellsNode.sequence(maximumCount: 6).map { try prose($0) }
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
            let idNode = column.required("id")
            let id = try idNode.text()
            guard isValidID(id) else { throw idNode.error("column id \"\(id)\" has characters that are not allowed", fix: "use lower-case letters, e.g. feeds") }
            return Tracker.Column(id: id, label: try prose(column.required("label"), rules: .plain),
                                  boxes: try column.required("boxes").int(in: 0...16))
        }
        guard !columns.isEmpty else { throw fields.required("columns").error("a tracker needs columns") }
        let ids = columns.map(\.id)
        let rows = try fields.required("rows").sequence(maximumCount: 31).map { rowNode -> Tracker.Row in
            let row = try rowNode.fields(required: ["label", "targets"])
            var targets: [String: Prose] = [:]
            for (id, value) in try row.required("targets").entries() {
                guard ids.contains(id) else {
                    throw value.error("no tracker column \"\(id)\"", fix: NearestName.hint(for: id, among: ids))
                }
                targets[id] = try prose(value)
            }
            return Tracker.Row(label: try prose(row.required("label"), rules: .plain), targets: targets, location: rowNode.location)
        }
        guard !rows.isEmpty else { throw fields.required("rows").error("a tracker needs rows, one per day") }
        return Tracker(dayHeading: try prose(fields.required("day_heading"), rules: .plain), columns: columns, rows: rows)
    }
}

extension SourceLocation {
    /// A load error at this place.
    func error(_ problem: String, fix: String = "") -> LoadError {
        LoadError(file: file, line: line, column: column, keyPath: keyPath, problem: problem, fix: fix)
    }
}
