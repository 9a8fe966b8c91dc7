import Foundation

/// Reads `Layouts/<handout>.yaml`.
public enum LayoutLoader {
    public static func load(_ url: URL, displayName: String) throws -> LayoutSpec {
        try parse(YAMLFile.read(url, displayName: displayName))
    }

    public static func parse(_ root: YAMLNode) throws -> LayoutSpec {
        let top = try root.fields(required: ["handout", "scale", "papers", "margins_mm", "pages"],
                                  optional: ["header", "max_pages", "max_pages_by_paper", "large_print_papers", "overflow"])
        let papersNode = top.required("papers")
        let papers = try papersNode.sequence(maximumCount: 8).map { try $0.choice(Paper.self) }
        guard !papers.isEmpty else { throw papersNode.error("no paper sizes", fix: "list at least one, e.g. [a4, letter]") }
        let margins = try parseMargins(top.required("margins_mm"))
        let pagesNode = top.required("pages")
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

    static func parseMargins(_ node: YAMLNode) throws -> Margins {
        let fields = try node.fields(required: ["top", "bottom", "left", "right"])
        func value(_ key: String) throws -> Double { points(mm: try fields.required(key).double(in: 3...60)) }
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
