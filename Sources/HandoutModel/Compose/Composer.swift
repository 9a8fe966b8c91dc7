/// Layout + guide + country + site -> a `Document`: resolves block ids, components and
/// placeholders, picks the country's storage lines, and checks the cross-file references
/// (layout to guide, guide to sources).
public struct Composer {
    public let guide: Guide
    public let sources: SourceList
    public let theme: Theme
    public let site: Site
    public let country: CountryFacts
    /// Creation date of the PDF, seconds since 1970; nil uses the guide's review date.
    public let date: Int?
    public let creator: String

    public init(guide: Guide, sources: SourceList, theme: Theme, site: Site, country: CountryFacts, date: Int? = nil,
                creator: String = "Handouts") {
        self.guide = guide; self.sources = sources; self.theme = theme; self.site = site
        self.country = country; self.date = date; self.creator = creator
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

        let title = plain(text.title), subtitle = plain(text.subtitle)
        let metadata = Document.Metadata(
            title: title, subject: subtitle,
            author: site.isNeutral ? creator : site.unit,
            keywords: text.keywords, creator: creator,
            date: date ?? guide.review.date.epochSeconds)
        if options.pageSize != nil { scale = scale.withFloor(scale.imposedBodyFloor) }
        var colors = options.grayscale ? theme.grayscaleColors : theme.colors
        if !options.grayscale, let brand = site.brandColor { colors = colors.replacing(.accent, with: brand) }
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
        return Document(handout: layout.handout, language: guide.language, direction: guide.direction,
                        country: country.region?.code, paper: paper,
                        pageSize: options.pageSize ?? paper.size, options: options, colors: colors,
                        metadata: metadata, title: title, subtitle: subtitle, header: layout.header,
                        scale: scale, theme: theme, margins: margins, maxPages: maxPages,
                        overflow: overflow, pages: pages, footer: footer(title: title), logo: site.logoPath,
                        continuedLabel: plain(guide.strings["continued"]))
    }

    // MARK: Blocks

    private func block(for placement: Placement, cited: inout [String]) throws -> DocumentBlock {
        switch placement.content {
        case .contacts:
            var content: [DocumentContent] = [.contacts(contacts())]
            if let hours = site.hours(for: guide.language), !placement.compact {
                content.append(.paragraph(RichText(runs: [.init(plain(guide.strings["hours"]) + ": ", bold: true),
                                                          .init(wardText(hours.text, translated: hours.translated))])))
            }
            if let url = site.url {
                let moreHelp = plain(guide.strings["more_help"])
                let shortURL = BidiIsolation.firstStrong(Site.shortForm(of: url))
                if !placement.compact {
                    content.append(.qrCode(url: url, caption: RichText(plain: moreHelp, bold: true), shortURL: shortURL))
                } else {
                    content.append(.paragraph(RichText(runs: [.init(moreHelp + ": ", bold: true), .init(shortURL, link: url)])))
                }
            }
            return DocumentBlock(id: "contacts", component: .contacts,
                                 // The unit's own name heads its numbers; without a profile, the write-in prompt.
                                 heading: site.isNeutral ? directional(RichText(plain: plain(guide.strings["contacts_write_in"])))
                                     : RichText(plain: BidiIsolation.firstStrong(site.unit)),
                                 content: content, listColumns: placement.columns,
                                 breakBefore: placement.breakBefore, urgentLegend: nil,
                                 language: guide.language, direction: guide.direction)
        case .sources:
            return DocumentBlock(id: "sources", component: .sources, heading: nil, content: [],
                                 listColumns: 1, breakBefore: placement.breakBefore, urgentLegend: nil,
                                 language: guide.language, direction: guide.direction)
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
            let storage = try storageItems(of: block)
            try collectSources(of: block, into: &cited)
            if let swatches = block.swatches { try requireColours(swatches, of: block) }
            if !storage.isEmpty {
                for key in country.storage.sources where !cited.contains(key) {
                    try requireSource(key, at: SourceLocation(file: country.storage.file, line: nil, column: nil, keyPath: "sources"))
                    cited.append(key)
                }
            }
            let hasUrgent = block.items.contains { $0.urgent || $0.items.contains(where: \.urgent) }
            return DocumentBlock(id: id, component: component, heading: block.heading.map(rich),
                                 content: content(of: block, storage: storage), listColumns: placement.columns,
                                 breakBefore: placement.breakBefore,
                                 urgentLegend: hasUrgent ? urgentLegend() : nil,
                                 language: guide.language, direction: guide.direction)
        }
    }

    private func content(of block: Block, storage: [DocumentItem]) -> [DocumentContent] {
        var content: [DocumentContent] = []
        if let text = block.text { content.append(.paragraph(rich(text))) }
        switch block.kind {
        case .paragraph, .callout:
            if !block.items.isEmpty { content.append(.list(.bullet, block.items.map(item))) }
        case .bullets: content.append(.list(.bullet, block.items.map(item) + storage))
        case .steps: content.append(.list(.number, block.items.map(item) + storage))
        case .checklist: content.append(.list(.checkbox, block.items.map(item) + storage))
        case .table:
            let table = block.table!
            content.append(.table(header: table.columns.map(rich), rows: table.rows.map { $0.cells.map(rich) }))
        case .tracker:
            let tracker = block.tracker!
            content.append(.tracker(DocumentTracker(
                dayHeading: rich(tracker.dayHeading),
                columns: tracker.columns.map { (rich($0.label), $0.boxes) },
                rows: tracker.rows.map { row in (rich(row.label), tracker.columns.map { row.targets[$0.id].map(rich) ?? RichText(runs: []) }) })))
        case .figure:
            let figure = block.figure!
            content.append(.figure(DocumentFigure(id: figure.id, widthMM: figure.widthMM, alt: plain(figure.alt),
                                                  caption: figure.caption.map(rich))))
        case .swatches:
            let colours = sources[block.swatches!.source]?.colours ?? [:]
            content.append(.swatches(block.swatches!.groups.map { group in
                DocumentSwatchGroup(label: rich(group.label), swatches: group.numbers.compactMap { number in colours[number].map { (number, $0) } },
                                    alert: group.alert)
            }))
        case .fields:
            content.append(.writeIns(block.fields.map { DocumentWriteIn(label: rich($0.label), choices: $0.choices.map(rich)) }))
        }
        return content
    }

    /// The lines of a block that follow the country's milk-storage rules; with no country,
    /// the most cautious rules, and a line saying the unit's own may differ.
    private func storageItems(of block: Block) throws -> [DocumentItem] {
        guard !block.storageRules.isEmpty else { return [] }
        let rules = country.storage
        guard let lines = block.storageRules[rules.id] else {
            throw block.location.error("block \(block.id) has no lines for the \(rules.short) storage rules (\(rules.file))",
                                       fix: "add storage_rules: \(rules.id): with one line per row of \(rules.file)")
        }
        var items = lines.map(item)
        if country.region == nil {
            items.append(DocumentItem(text: rich(guide.strings["storage_no_country"]), urgent: false, children: []))
        }
        return items
    }

    private func item(_ item: Item) -> DocumentItem {
        DocumentItem(text: rich(item.text), urgent: item.urgent, children: item.items.map(self.item))
    }

    /// "✱ Call 999 or go to hospital now."; without a known number, the words that send a
    /// parent to their emergency number without naming one.
    private func urgentLegend() -> RichText {
        guard let number = country.emergencyNumber else { return rich(guide.strings["emergency_legend_no_country"]) }
        return directional(RichText(guide.strings["emergency_legend"]) { $0 == .emergency ? number : fill($0) })
    }

    /// Guide text with its placeholders filled; on right-to-left pages numbers are isolated
    /// so they read left to right.
    private func rich(_ prose: Prose) -> RichText {
        directional(RichText(prose, filling: fill))
    }

    private func plain(_ prose: Prose) -> String { RichText(prose, filling: fill).plainText }

    private func fill(_ placeholder: Placeholder) -> String {
        switch placeholder {
        case .temperature(let celsius): return country.temperature.text(celsius: celsius)
        // Only the emergency legend may hold {emergency} (the loader sees to it), and it is
        // filled above; the footer's page numbers and review names are filled by their users.
        case .emergency: return country.emergencyNumber ?? ""
        case .page, .pages, .reviewer, .date: return placeholder.written
        }
    }

    private func directional(_ text: RichText) -> RichText {
        guide.direction == .rtl ? text.isolatingNumbers() : text
    }

    /// Text the ward typed: in the page's own language (hours it translated) it sits in the
    /// page's direction like the guide's text; otherwise it keeps its own direction.
    private func wardText(_ text: String, translated: Bool) -> String {
        translated ? (guide.direction == .rtl ? BidiIsolation.isolateNumbers(text) : text) : BidiIsolation.firstStrong(text)
    }

    private func contacts() -> [Contact] {
        let strings = guide.strings
        // No known number: a line to write it in, never a guess.
        let emergency = Contact(label: plain(strings["contact_emergency"]), number: country.emergencyNumber ?? "")
        if site.isNeutral {
            // No profile: lines where the ward writes its own numbers by hand.
            return [Site.PhoneRole.ward, .infantFeeding, .line24h].map { Contact(label: plain(strings[$0.labelKey]), number: "") }
                + [emergency]
        }
        var list = site.phones.filter { $0.role != .emergency }.map { Contact(label: plain(strings[$0.role.labelKey]), number: $0.number) }
        list.append(emergency)
        return list
    }

    private func footer(title: String) -> Document.Footer {
        let strings = guide.strings
        // The unit's name keeps its own direction and the number reads left to right,
        // whatever the page's direction and the name's script.
        let leading: RichText
        if site.isNeutral {
            leading = directional(RichText(plain: title))
        } else if let main = site.phones.first(where: { $0.role == .ward }) ?? site.phones.first {
            leading = RichText(runs: [.init(BidiIsolation.firstStrong(site.unit), bold: true), .init(" · "),
                                      .init(BidiIsolation.leftToRight(main.number), link: PhoneNumber.telURI(for: main.number))])
        } else {
            leading = RichText(plain: BidiIsolation.firstStrong(site.unit), bold: true)
        }
        let notice: String
        switch guide.review.status {
        case .draft where guide.isTranslation:
            // Staff who cannot read the language still see that it is an unchecked draft.
            notice = plain(strings["draft_notice"]) + " " + isolatedLatin("[Translation not yet reviewed]")
        case .draft:
            notice = plain(strings["draft_notice"])
        case .reviewed:
            notice = RichText(strings["reviewed_notice"]) { placeholder in
                switch placeholder {
                case .reviewer: return guide.review.reviewer ?? ""
                case .date: return guide.review.date.description
                default: return fill(placeholder)
                }
            }.plainText
        }
        return Document.Footer(leading: leading, pageTemplate: strings["page"], notice: notice)
    }

    /// English inside right-to-left text keeps its own order.
    private func isolatedLatin(_ text: String) -> String {
        guide.direction == .rtl ? BidiIsolation.leftToRightIsolate + text + BidiIsolation.popDirectionalIsolate : text
    }

    // MARK: Sources

    private func requireSource(_ key: String, at location: SourceLocation) throws {
        guard sources[key] == nil else { return }
        throw location.error("source \"\(key)\" is not in \(sources.file)",
                             fix: NearestName.hint(for: key, among: sources.order, noun: "a source key such as"))
    }

    /// Swatch colours come from their source, every one of them: a missing colour would
    /// leave a gap a parent might read as "no colour" (pale).
    private func requireColours(_ swatches: Swatches, of block: Block) throws {
        guard let source = sources[swatches.source] else {
            throw block.location.error("source \"\(swatches.source)\" is not in \(sources.file)",
                                       fix: NearestName.hint(for: swatches.source, among: sources.order, noun: "a source key such as"))
        }
        for number in swatches.groups.flatMap(\.numbers) where source.colours[number] == nil {
            throw block.location.error("swatch \(number) has no colour in \(sources.file) (\(swatches.source))",
                                       fix: "add colours: {\(number): \"#rrggbb\"} to that source")
        }
    }

    private func collectSources(of block: Block, into cited: inout [String]) throws {
        func add(_ keys: [String], at location: SourceLocation) throws {
            for key in keys {
                try requireSource(key, at: location)
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
        return RichText(runs: [.init(plain(guide.strings["sources"]) + ": ", bold: true), .init(shorts.joined(separator: "; "))])
    }

    private func layoutError(_ placement: Placement, _ problem: String, fix: String) -> LoadError {
        placement.location.error(problem, fix: fix)
    }
}

extension DocumentRow {
    func replacingSources(with line: RichText) -> DocumentRow {
        func fill(_ block: DocumentBlock) -> DocumentBlock {
            guard block.component == .sources else { return block }
            return DocumentBlock(id: block.id, component: .sources, heading: nil, content: [.paragraph(line)],
                                 listColumns: 1, breakBefore: block.breakBefore, urgentLegend: nil,
                                 language: block.language, direction: block.direction)
        }
        switch self {
        case .single(let block): return .single(fill(block))
        case .columns(let columns): return .columns(columns.map { $0.map(fill) })
        }
    }
}
