/// Layout + guide + site -> a `Document`: resolves block ids, components and placeholders,
/// and checks the cross-file references (layout to guide, guide to sources).
public struct Composer {
    public let guide: Guide
    public let sources: SourceList
    public let theme: Theme
    public let site: Site
    /// Creation date of the PDF, seconds since 1970; nil uses the guide's review date.
    public let date: Int?
    public let creator: String

    public init(guide: Guide, sources: SourceList, theme: Theme, site: Site, date: Int? = nil,
                creator: String = "Handouts") {
        self.guide = guide; self.sources = sources; self.theme = theme; self.site = site
        self.date = date; self.creator = creator
    }

    public func compose(_ layout: LayoutSpec, paper: Paper, options: RenderOptions = .standard) throws -> Document {
        let papers = options.largePrint ? layout.largePrintPapers : layout.papers
        guard papers.contains(paper) else {
            throw LoadError(file: layout.file, keyPath: options.largePrint ? "large_print_papers" : "papers",
                            problem: "\(layout.handout)\(options.largePrint ? " in large print" : "") is not made for \(paper.rawValue) paper",
                            fix: "use one of: \(papers.map(\.rawValue).joined(separator: ", "))")
        }
        guard let text = guide.handouts[layout.handout] else {
            throw LoadError(file: guide.file, keyPath: "handouts",
                            problem: "no title for handout \"\(layout.handout)\"",
                            fix: "add handouts: \(layout.handout): {title: …, subtitle: …}")
        }
        let scaleName = options.largePrint ? "large" : layout.scale
        guard var scale = theme.scales[scaleName] else {
            throw LoadError(file: options.largePrint ? theme.file : layout.file, keyPath: "scale",
                            problem: "the theme has no type scale \"\(scaleName)\"",
                            fix: NearestName.hint(for: scaleName, among: theme.scales.keys.sorted()))
        }
        var citedKeys: [String] = []
        var pages: [[DocumentRow]] = []
        for page in layout.pages {
            var rows: [DocumentRow] = []
            for row in page {
                switch row {
                case .single(let placement):
                    rows.append(.single(try block(for: placement, cited: &citedKeys)))
                case .columns(let columns):
                    rows.append(.columns(try columns.map { try $0.map { try block(for: $0, cited: &citedKeys) } }))
                }
            }
            pages.append(rows)
        }
        // The sources line is filled in last, once every cited key is known.
        let sourcesLine = try self.sourcesLine(citedKeys)
        pages = pages.map { rows in rows.map { row in row.replacingSources(with: sourcesLine) } }

        let metadata = Document.Metadata(
            title: text.title, subject: text.subtitle,
            author: site.isNeutral ? creator : site.unit,
            keywords: text.keywords, creator: creator,
            date: date ?? guide.review.date.epochSeconds)
        if options.pageSize != nil { scale = scale.withFloor(scale.imposedBodyFloor) }
        var colors = options.grayscale ? theme.grayscaleColors : theme.colors
        if !options.grayscale, let brand = site.brandColor { colors = colors.replacing("accent", with: brand) }
        var margins = layout.margins
        var maxPages = layout.maxPages(on: paper)
        var overflow = layout.overflow
        if options.largePrint {
            // Large print: wider margins, and as many pages as the text needs (within reason).
            margins = Margins(top: max(margins.top, points(mm: 10)), bottom: max(margins.bottom, points(mm: 10)),
                              left: max(margins.left, points(mm: 18)), right: max(margins.right, points(mm: 18)))
            maxPages = max(maxPages * 4, 8)
            overflow = .flow
        }
        return Document(handout: layout.handout, language: guide.language, direction: guide.direction, paper: paper,
                        pageSize: options.pageSize ?? paper.size, options: options, colors: colors,
                        metadata: metadata, title: text.title, subtitle: text.subtitle, header: layout.header,
                        scale: scale, theme: theme, margins: margins, maxPages: maxPages,
                        overflow: overflow, pages: pages, footer: footer(title: text.title), logo: site.logoPath)
    }

    // MARK: Blocks

    private func block(for placement: Placement, cited: inout [String]) throws -> DocumentBlock {
        switch placement.content {
        case .contacts:
            var content: [DocumentContent] = [.contacts(contacts())]
            if let hours = site.hours, !placement.compact {
                content.append(.paragraph(directional(RichText(runs: [.init(guide.strings["hours"] + ": ", bold: true), .init(hours)]))))
            }
            if let url = site.url {
                if !placement.compact {
                    content.append(.qrCode(url: url, caption: RichText(plain: guide.strings["more_help"], bold: true),
                                           shortURL: Site.shortForm(of: url)))
                } else {
                    content.append(.paragraph(RichText(runs: [.init(guide.strings["more_help"] + ": ", bold: true),
                                                              .init(Site.shortForm(of: url), link: url)])))
                }
            }
            return DocumentBlock(id: "contacts", component: .contacts,
                                 // The unit's own name heads its numbers; without a profile, the write-in prompt.
                                 heading: directional(RichText(plain: site.isNeutral ? guide.strings["contacts_write_in"] : site.unit)),
                                 content: content, listColumns: placement.columns,
                                 breakBefore: placement.breakBefore, urgentLegend: nil)
        case .sources:
            return DocumentBlock(id: "sources", component: .sources, heading: nil, content: [],
                                 listColumns: 1, breakBefore: placement.breakBefore, urgentLegend: nil)
        case .block(let id):
            guard let block = guide.blocks[id] else {
                throw layoutError(placement, "the guide \(guide.file) has no block \"\(id)\"",
                                  fix: NearestName.hint(for: id, among: guide.blockOrder, noun: "a block id such as"))
            }
            let component = placement.component ?? Component.default(for: block.kind)
            guard component.accepts(block.kind) else {
                throw layoutError(placement, "component \"\(component.rawValue)\" cannot draw a \(block.kind.rawValue) block",
                                  fix: "use component: \(Component.default(for: block.kind).rawValue)")
            }
            try collectSources(of: block, into: &cited)
            let hasUrgent = block.items.contains { $0.urgent || $0.items.contains(where: \.urgent) }
            return DocumentBlock(id: id, component: component, heading: block.heading.map { directional(RichText(markup: $0)) },
                                 content: content(of: block), listColumns: placement.columns,
                                 breakBefore: placement.breakBefore,
                                 urgentLegend: hasUrgent ? rich(guide.strings["emergency_legend"]) : nil)
        }
    }

    private func content(of block: Block) -> [DocumentContent] {
        var content: [DocumentContent] = []
        if let text = block.text { content.append(.paragraph(rich(text))) }
        switch block.kind {
        case .paragraph, .callout:
            if !block.items.isEmpty { content.append(.list(.bullet, block.items.map(item))) }
        case .bullets: content.append(.list(.bullet, block.items.map(item)))
        case .steps: content.append(.list(.number, block.items.map(item)))
        case .checklist: content.append(.list(.checkbox, block.items.map(item)))
        case .table:
            let table = block.table!
            content.append(.table(header: table.columns.map { directional(RichText(markup: $0)) },
                                  rows: table.rows.map { $0.cells.map(rich) }))
        case .tracker:
            let tracker = block.tracker!
            content.append(.tracker(DocumentTracker(
                dayHeading: tracker.dayHeading,
                columns: tracker.columns.map { (isolated($0.label), $0.boxes) },
                rows: tracker.rows.map { row in (isolated(row.label), tracker.columns.map { isolated(row.targets[$0.id] ?? "") }) })))
        }
        return content
    }

    private func item(_ item: Item) -> DocumentItem {
        DocumentItem(text: rich(item.text), urgent: item.urgent, children: item.items.map(self.item))
    }

    /// Fills placeholders, then parses bold markers; on right-to-left pages numbers are
    /// isolated so they read left to right.
    private func rich(_ text: String) -> RichText {
        let emergency = site.emergencyNumber(default: guide.locale.emergencyNumber)
        return directional(RichText(markup: text.filling("{emergency}", with: emergency)))
    }

    private func isolated(_ text: String) -> String {
        guide.direction == .rtl ? BidiIsolation.isolateNumbers(text) : text
    }

    private func directional(_ text: RichText) -> RichText {
        guide.direction == .rtl ? text.isolatingNumbers() : text
    }

    private func contacts() -> [Contact] {
        let strings = guide.strings
        let emergency = Contact(label: strings["contact_emergency"],
                                number: site.emergencyNumber(default: guide.locale.emergencyNumber))
        if site.isNeutral {
            // No profile: lines where the ward writes its own numbers by hand.
            return [Site.PhoneRole.ward, .infantFeeding, .line24h].map { Contact(label: strings[$0.labelKey], number: "") }
                + [emergency]
        }
        var list = site.phones.filter { $0.role != .emergency }.map { Contact(label: strings[$0.role.labelKey], number: $0.number) }
        list.append(emergency)
        return list
    }

    private func footer(title: String) -> Document.Footer {
        let strings = guide.strings
        let leading: RichText
        if site.isNeutral {
            leading = RichText(plain: title)
        } else if let main = site.phones.first(where: { $0.role == .ward }) ?? site.phones.first {
            leading = RichText(runs: [.init(site.unit, bold: true), .init(" · "), .init(main.number, link: "tel:" + main.number.filter { !$0.isWhitespace })])
        } else {
            leading = RichText(plain: site.unit, bold: true)
        }
        let notice: String
        switch guide.review.status {
        case .draft where isTranslation:
            // Staff who cannot read the language still see that it is an unchecked draft.
            notice = strings["draft_notice"] + " " + isolatedLatin("[Translation not yet reviewed]")
        case .draft:
            notice = strings["draft_notice"]
        case .reviewed:
            notice = strings["reviewed_notice"]
                .filling("{reviewer}", with: guide.review.reviewer ?? "")
                .filling("{date}", with: guide.review.date.description)
        }
        return Document.Footer(leading: directional(leading), pageTemplate: strings["page"], notice: notice)
    }

    /// Every guide but English is a translation of it.
    private var isTranslation: Bool { guide.language != "en" && !guide.language.hasPrefix("en-") }

    /// English inside right-to-left text keeps its own order.
    private func isolatedLatin(_ text: String) -> String {
        guide.direction == .rtl ? BidiIsolation.leftToRightIsolate + text + BidiIsolation.popDirectionalIsolate : text
    }

    // MARK: Sources

    private func collectSources(of block: Block, into cited: inout [String]) throws {
        func add(_ keys: [String], at location: SourceLocation) throws {
            for key in keys {
                guard sources[key] != nil else {
                    throw LoadError(file: location.file, line: location.line, column: location.column, keyPath: location.keyPath,
                                    problem: "source \"\(key)\" is not in \(sources.file)",
                                    fix: NearestName.hint(for: key, among: sources.order, noun: "a source key such as"))
                }
                if !cited.contains(key) { cited.append(key) }
            }
        }
        try add(block.sources, at: block.location)
        for item in block.items {
            try add(item.sources, at: item.location)
            for child in item.items { try add(child.sources, at: child.location) }
        }
        for row in block.table?.rows ?? [] { try add(row.sources, at: row.location) }
    }

    private func sourcesLine(_ keys: [String]) throws -> RichText {
        var shorts: [String] = []
        for key in keys {
            let short = sources[key]!.short
            if !shorts.contains(short) { shorts.append(short) }
        }
        return RichText(runs: [.init(guide.strings["sources"] + ": ", bold: true), .init(shorts.joined(separator: "; "))])
    }

    private func layoutError(_ placement: Placement, _ problem: String, fix: String) -> LoadError {
        let location = placement.location
        return LoadError(file: location.file, line: location.line, column: location.column, keyPath: location.keyPath,
                         problem: problem, fix: fix)
    }
}

extension DocumentRow {
    func replacingSources(with line: RichText) -> DocumentRow {
        func fill(_ block: DocumentBlock) -> DocumentBlock {
            guard block.component == .sources else { return block }
            return DocumentBlock(id: block.id, component: .sources, heading: nil, content: [.paragraph(line)],
                                 listColumns: 1, breakBefore: block.breakBefore, urgentLegend: nil)
        }
        switch self {
        case .single(let block): return .single(fill(block))
        case .columns(let columns): return .columns(columns.map { $0.map(fill) })
        }
    }
}
