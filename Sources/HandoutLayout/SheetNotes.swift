import HandoutModel

/// The words in a label sheet's margins, outside the labels: at the top the handout's title
/// and its review status (a draft says so, as every handout's footer does), at the bottom,
/// in English for the print room, which stock to load and to print at actual size (a
/// viewer's "fit to page" shrinks the sheet and every label misses its die-cut shape).
struct SheetNotes {
    let measurer: TextMeasurer
    let styles: Styles
    let stock: LabelStock

    /// Nearer the paper's edge than this, many printers print nothing.
    static let edge = points(mm: 4)
    /// The least gap between a note and the labels.
    static let clearance = points(mm: 1)
    /// Notes shrink to fit their margin, never below this.
    static let smallest = 5.0

    /// Where the notes may go: the sheet less the strip its printer cannot reach.
    func printable(_ pageSize: Size) -> Rect {
        Rect(x: SheetNotes.edge, y: SheetNotes.edge, width: pageSize.width - 2 * SheetNotes.edge,
             height: pageSize.height - 2 * SheetNotes.edge)
    }

    func header(title: String, notice: String, pageSize: Size) throws -> [PageItem] {
        let text = RichText(runs: [.init(title, bold: true), .init("   "), .init(notice)])
        let band = Rect(x: 0, y: SheetNotes.edge, width: pageSize.width, height: stock.top - SheetNotes.clearance - SheetNotes.edge)
        let (typeset, x) = try fit(text, styles, in: band, pageSize: pageSize, what: "the title and review status")
        let y = band.minY + (band.height - typeset.height) / 2
        return [.beginTag(.paragraph), .frame(.text(typeset, origin: Point(x: x, y: y), color: styles.color(.muted))),
                .endTag(.paragraph), .outline(title: title, level: 1, y: 0)]
    }

    func footer(pageSize: Size) throws -> [PageItem] {
        var english = styles
        english.language = "en"
        english.direction = .ltr
        let note = RichText(plain: "For \(stock.name) labels, or any with the same layout: \(stock.count) labels of \(stock.sizeText)."
                            + " Print at actual size (100%), not “fit to page”.")
        let last = stock.origin(of: stock.count - 1).y + stock.labelSize.height
        let band = Rect(x: 0, y: last + SheetNotes.clearance, width: pageSize.width,
                        height: pageSize.height - SheetNotes.edge - last - SheetNotes.clearance)
        let (typeset, x) = try fit(note, english, in: band, pageSize: pageSize, what: "the note on the label stock")
        var items: [PageItem] = [.beginTag(.paragraph)]
        if styles.language != "en" { items.append(.tagInfo(TagInfo(language: "en"))) }
        return items + [.frame(.text(typeset, origin: Point(x: x, y: band.minY + (band.height - typeset.height) / 2),
                                     color: styles.color(.muted))), .endTag(.paragraph)]
    }

    /// The note at the small size, or smaller (not below `smallest`) until it fits its band,
    /// across the labels' width; with its left edge.
    private func fit(_ text: RichText, _ styles: Styles, in band: Rect, pageSize: Size, what: String) throws
        -> (TypesetText, Double) {
        let x = max(stock.left, SheetNotes.edge + points(mm: 2))
        let width = pageSize.width - 2 * x
        var size = styles.size(.small)
        while true {
            var style = styles.style(.small)
            style.size = size
            let typeset: TypesetText
            do { typeset = try measurer.typeset(text, style: style, width: width) } catch let error as TypesetError {
                throw LayoutError.typeset(blockID: "label sheet (\(what))", error)
            }
            if typeset.height <= band.height + 0.01 { return (typeset, x) }
            guard size > SheetNotes.smallest else {
                throw LayoutError.overflow(handout: styles.document.handout, language: styles.document.language,
                                           blockID: what, page: 1, excess: typeset.height - band.height, allowedPages: 1,
                                           smallestBody: size)
            }
            size = max(SheetNotes.smallest, size - 0.25)
        }
    }
}
