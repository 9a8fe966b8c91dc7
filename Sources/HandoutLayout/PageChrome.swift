import HandoutModel

/// Header and footer: the coloured title band (or slim bar) and the footer with the unit's
/// name, the page number and the review status.
struct PageChrome {
    let measurer: TextMeasurer
    let styles: Styles

    var document: Document { styles.document }

    /// Items for the header and the y where the body may start.
    func header(style: LayoutSpec.HeaderStyle, pageSize: Size, isFirstPage: Bool) throws -> (items: [PageItem], bottom: Double) {
        let margins = document.margins
        let width = pageSize.width - margins.left - margins.right
        switch style {
        case .none:
            return ([], margins.top)
        case .band where isFirstPage:
            // The band bleeds to the page edges; its text stays inside the margins.
            let top = margins.top
            let logoWidth = document.logo == nil ? 0 : min(width * 0.3, styles.size(.title) * 4.5)
            let textWidth = width - (logoWidth > 0 ? logoWidth + styles.gap(12) : 0)
            let title = try measurer.typeset(RichText(plain: document.title), style: styles.style(.title), width: textWidth)
            let subtitle = try measurer.typeset(RichText(plain: document.subtitle), style: styles.style(.subtitle), width: textWidth)
            let subtitleY = top + title.height + styles.gap(4)
            // A bilingual edition: the staff's title and subtitle under the mother's, smaller.
            let staff = try companionLine(document.companion.map { $0.title + " · " + $0.subtitle }, role: .subtitle, width: textWidth)
            let staffY = subtitleY + subtitle.height + styles.gap(3)
            let bottom = (staff == nil ? subtitleY + subtitle.height : staffY + staff!.text.height) + styles.gap(12)
            let onAccent = styles.color(.onAccent)
            var items: [PageItem] = [
                .artifact(.rect(Rect(x: 0, y: 0, width: pageSize.width, height: bottom), fill: styles.color(.accent),
                                stroke: nil, lineWidth: 0)),
                .beginTag(.heading1), .frame(.text(title, origin: Point(x: margins.left, y: top), color: onAccent)),
                .endTag(.heading1), .outline(title: document.title, level: 1, y: 0),
                .beginTag(.paragraph),
                .frame(.text(subtitle, origin: Point(x: margins.left, y: subtitleY), color: onAccent)),
                .endTag(.paragraph)]
            if let staff {
                items += [.beginTag(.paragraph), .beginTag(.span), .tagInfo(TagInfo(language: staff.language)),
                          .frame(.text(staff.text, origin: Point(x: margins.left, y: staffY), color: onAccent)),
                          .endTag(.span), .endTag(.paragraph)]
            }
            if let logo = document.logo {
                items += logoItems(logo, in: Rect(x: margins.left + width - logoWidth, y: top,
                                                  width: logoWidth, height: bottom - top - styles.gap(8)))
            }
            return (items, bottom + styles.sectionGap * 0.8)
        case .band, .bar:
            // Later pages, and cards: a slim bar with the title, so a loose page is identifiable.
            let top = margins.top
            let isHeading = isFirstPage
            let title = try measurer.typeset(RichText(plain: document.title), style: styles.style(.heading), width: width)
            let bottom = top + title.height + styles.gap(7)
            let onAccent = styles.color(.onAccent)
            var items: [PageItem] = [.artifact(.rect(Rect(x: 0, y: 0, width: pageSize.width, height: bottom),
                                                     fill: styles.color(.accent), stroke: nil, lineWidth: 0))]
            if isHeading {
                items += [.beginTag(.heading1), .frame(.text(title, origin: Point(x: margins.left, y: top), color: onAccent)),
                          .endTag(.heading1), .outline(title: document.title, level: 1, y: 0)]
            } else {
                items.append(.artifact(.text(title, origin: Point(x: margins.left, y: top), color: onAccent)))
                // A bilingual sheet's later pages: the staff's title at the bar's other end.
                // Set at its own width, so the mirrored bar of a right-to-left page moves it whole.
                let room = width - title.naturalWidth - styles.gap(12)
                if let natural = try companionLine(document.companion?.title, role: .body, width: 10_000)?.text.naturalWidth,
                   natural + 1 <= room, let staff = try companionLine(document.companion?.title, role: .body, width: natural + 1) {
                    let y = top + (title.lines.first?.baseline ?? 0) - (staff.text.lines.first?.baseline ?? 0)
                    items.append(.artifact(.text(staff.text, origin: Point(x: margins.left + width - staff.text.boxWidth, y: y), color: onAccent)))
                }
            }
            return (items, bottom + styles.sectionGap * 0.8)
        }
    }

    /// The staff's words for a header line, in their language and direction, or nil in a
    /// one-language edition. `alignment` is from the staff's start edge; nil keeps them on the
    /// mother's side of the band.
    private func companionLine(_ text: String?, role: TypeRole, width: Double, alignment: TextStyle.Alignment? = nil) throws
        -> (text: TypesetText, language: String)? {
        guard let text, let companion = document.companion, width > 0 else { return nil }
        var staff = Styles(document: document, factor: styles.factor * Companion.sizeRatio)
        staff.language = companion.language
        staff.direction = companion.direction
        var style = staff.style(role)
        style.alignment = alignment ?? (companion.direction == document.direction ? .start : .end)
        return (try measurer.typeset(RichText(plain: text), style: style, width: width), companion.language)
    }

    /// The unit's logo on a white plate, so any logo reads on the coloured band.
    private func logoItems(_ path: String, in rect: Rect) -> [PageItem] {
        let pad = styles.gap(4)
        return [.artifact(.rect(rect, fill: .white, stroke: nil, lineWidth: 0)),
                .beginTag(.figure), .tagInfo(TagInfo(alt: document.metadata.author)),
                .frame(.image(.logo(path), rect: Rect(x: rect.x + pad, y: rect.y + pad, width: rect.width - 2 * pad,
                                                     height: rect.height - 2 * pad))),
                .endTag(.figure)]
    }

    /// The footer's height, measured before the body flows (with the largest page count).
    func footerHeight(pageSize: Size) throws -> Double {
        try footer(pageSize: pageSize, page: document.maxPages, pageCount: document.maxPages, showPageNumber: true).height
    }

    /// Footer items for one page, once the page count is known.
    func footer(pageSize: Size, page: Int, pageCount: Int, showPageNumber: Bool) throws -> (items: [PageItem], height: Double) {
        let margins = document.margins
        let width = pageSize.width - margins.left - margins.right
        let small = styles.style(.small)
        var pageLabel: TypesetText?
        if showPageNumber && pageCount > 1 {
            let label = RichText(document.footer.pageTemplate) { $0 == .pages ? String(pageCount) : String(page) }.plainText
            var style = small
            style.alignment = .end
            pageLabel = try measurer.typeset(RichText(plain: label), style: style, width: width)
        }
        let reserved = pageLabel.map { $0.naturalWidth + styles.gap(12) } ?? 0
        let leading = try measurer.typeset(document.footer.leading, style: small, width: width - reserved)
        let notice = try measurer.typeset(RichText(plain: document.footer.notice), style: small, width: width)
        let ruleGap = styles.gap(5)
        let height = ruleGap + leading.height + notice.height

        let top = pageSize.height - margins.bottom - height
        var items: [PageItem] = [.artifact(.line(from: Point(x: margins.left, y: top), to: Point(x: pageSize.width - margins.right, y: top),
                                                 color: styles.color(.rule), width: 0.6))]
        let lineY = top + ruleGap
        if let pageLabel {
            items.append(.artifact(.text(pageLabel, origin: Point(x: margins.left, y: lineY), color: styles.color(.muted))))
        }
        let leadingFrame = Frame.text(leading, origin: Point(x: margins.left, y: lineY), color: styles.color(.text))
        items += [.beginTag(.paragraph), .frame(leadingFrame), .endTag(.paragraph)]
        for run in document.footer.leading.runs {
            if let link = run.link { items.append(.link(leadingFrame.bounds, uri: link)) }
        }
        items += [.beginTag(.paragraph),
                  .frame(.text(notice, origin: Point(x: margins.left, y: lineY + leading.height), color: styles.color(.muted))),
                  .endTag(.paragraph)]
        return (items, height)
    }
}
