import Foundation

/// Reads `Layouts/<handout>.yaml`.
public enum LayoutLoader {
    public static func load(_ url: URL, displayName: String) throws -> LayoutSpec {
        try parse(YAMLFile.read(url, displayName: displayName))
    }

    public static func parse(_ root: YAMLNode) throws -> LayoutSpec {
        let top = try root.fields(required: ["handout", "scale", "papers", "margins_mm"],
                                  optional: ["pages", "header", "max_pages", "max_pages_by_paper", "large_print_papers", "overflow",
                                             "label_stock"])
        let papersNode = top.required("papers")
        let papers = try papersNode.sequence(maximumCount: 8).map { try $0.choice(Paper.self) }
        guard !papers.isEmpty else { throw papersNode.error("no paper sizes", fix: "list at least one, e.g. [a4, letter]") }
        // A label's margins are from its die-cut edge, in the middle of the sheet where any
        // printer reaches: they only allow for the sheet feeding a little off (about 1 mm).
        let margins = try parseMargins(top.required("margins_mm"), minimum: top["label_stock"] == nil ? 3 : 1.5)
        if let stockNode = top["label_stock"] { return try parseLabelSheet(top, stockNode, papers: papers, margins: margins) }
        guard let pagesNode = top["pages"] else { throw root.error("missing key \"pages\"", fix: "add \"pages: …\" here") }
        let pages = try pagesNode.sequence(maximumCount: 20).map { page in
            try page.sequence(maximumCount: 60).map(parseRow)
        }
        guard !pages.isEmpty else { throw pagesNode.error("no pages", fix: "add at least one page with rows") }
        let maxPages = try top["max_pages"]?.int(in: 1...20) ?? pages.count
        if maxPages < pages.count, let node = top["max_pages"] {
            throw node.error("max_pages is \(maxPages) but the layout lists \(pages.count) pages", fix: "raise max_pages or merge pages")
        }
        var byPaper: [Paper: Int] = [:]
        for (name, node) in try top["max_pages_by_paper"]?.entries() ?? [] {
            guard let paper = Paper(rawValue: name), papers.contains(paper) else {
                throw node.error("\"\(name)\" is not one of this layout's papers", fix: NearestName.hint(for: name, among: papers.map(\.rawValue)))
            }
            byPaper[paper] = try node.int(in: 1...20)
        }
        let largePrint = try top["large_print_papers"]?.sequence(maximumCount: 8).map { try $0.choice(Paper.self) }
            ?? papers.filter { $0 == .a4 || $0 == .letter }
        return LayoutSpec(handout: try top.required("handout").text(), scale: try top.required("scale").text(),
                          papers: papers, margins: margins, header: try top["header"]?.choice(LayoutSpec.HeaderStyle.self) ?? .band,
                          maxPages: maxPages, maxPagesByPaper: byPaper, largePrintPapers: largePrint.isEmpty ? [.a4, .letter] : largePrint,
                          overflow: try top["overflow"]?.choice(LayoutSpec.Overflow.self) ?? .flow,
                          pages: pages, file: root.file)
    }

    /// A sheet of labels: one label (its margins are the label's) at every position of the
    /// stock, one page, no large print, nothing that flows.
    static func parseLabelSheet(_ top: YAMLFields, _ stockNode: YAMLNode, papers: [Paper], margins: Margins) throws -> LayoutSpec {
        for key in ["pages", "header", "max_pages", "max_pages_by_paper", "large_print_papers", "overflow"] {
            if let node = top[key] {
                throw node.error("a sheet of labels takes no \(key)", fix: "remove it: the label's lines are set in label_stock, each stock has one page")
            }
        }
        var spec = LayoutSpec(handout: try top.required("handout").text(), scale: try top.required("scale").text(), papers: papers,
                              margins: margins, header: .none, maxPages: 1, maxPagesByPaper: [:], largePrintPapers: [],
                              overflow: .shrink, pages: [], file: top.owner.file)
        spec.labelStocks = try LabelStockLoader.parse(stockNode, papers: papers)
        return spec
    }

    static func parseMargins(_ node: YAMLNode, minimum: Double = 3) throws -> Margins {
        let fields = try node.fields(required: ["top", "bottom", "left", "right"])
        func value(_ key: String) throws -> Double { points(mm: try fields.required(key).double(in: minimum...60)) }
        return Margins(top: try value("top"), bottom: try value("bottom"), left: try value("left"), right: try value("right"))
    }

    static func parseRow(_ node: YAMLNode) throws -> Row {
        if case .mapping = node.node, try node.entries().contains(where: { $0.key == "columns" }) {
            let columnsNode = try node.fields(required: ["columns"])
            let columns = try columnsNode.required("columns").sequence(maximumCount: 4).map { column in
                try column.sequence(maximumCount: 30).map(parsePlacement)
            }
            guard columns.count >= 2 else {
                throw columnsNode.required("columns").error("a columns row needs at least 2 columns", fix: "or place the blocks as single rows")
            }
            return .columns(columns)
        }
        return .single(try parsePlacement(node))
    }

    /// A placement is a block id on its own, or a mapping with block and component.
    static func parsePlacement(_ node: YAMLNode) throws -> Placement {
        if case .scalar = node.node {
            return Placement(content: .block(try node.text()), component: nil, columns: 1, breakBefore: false, compact: false,
                             location: node.location)
        }
        let fields = try node.fields(optional: ["block", "component", "list_columns", "break_before", "compact"])
        let component = try fields["component"]?.choice(Component.self)
        let content: Placement.Content
        if let block = fields["block"] {
            content = .block(try block.text())
            if component == .contacts || component == .sources {
                throw block.error("the \(component!.rawValue) component takes no block", fix: "remove block:")
            }
        } else if component == .contacts {
            content = .contacts
        } else if component == .sources {
            content = .sources
        } else {
            throw node.error("placement names no block", fix: "add block: <id>, or use component: contacts or sources")
        }
        return Placement(content: content, component: component, columns: try fields["list_columns"]?.int(in: 1...3) ?? 1,
                         breakBefore: try fields["break_before"]?.bool() ?? false, compact: try fields["compact"]?.bool() ?? false,
                         location: node.location)
    }
}
