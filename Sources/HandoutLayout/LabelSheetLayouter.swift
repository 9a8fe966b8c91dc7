import HandoutModel

/// A sheet of labels: one label laid out as a tiny page (`LabelFace`), its type shrunk
/// within the scale's floor until every field fits, then placed at each of the stock's
/// positions as a clipped group, so nothing of one label prints on the next. No crop marks:
/// the stock is die-cut. The sheet's margins (the stock's waste) say what it is: the title
/// and the review status at the top, the stock to load and "print at actual size" at the
/// bottom, for the print room.
public struct LabelSheetLayouter {
    public let measurer: TextMeasurer

    public init(measurer: TextMeasurer) { self.measurer = measurer }

    public func layout(_ document: Document) throws -> LaidOutDocument {
        guard let label = document.label else {
            preconditionFailure("LabelSheetLayouter needs a document with a label (a layout with label_stock)")
        }
        let stock = label.stock
        let size = Size(width: stock.labelSize.width, height: stock.labelSize.height)
        let (face, factor) = try fittedFace(document, label: label, size: size)
        let styles = Styles(document: document, factor: 1)
        let notes = SheetNotes(measurer: measurer, styles: styles, stock: stock)
        let pageSize = Size(width: document.pageSize.width, height: document.pageSize.height)
        var items = try notes.header(title: document.title, notice: document.footer.notice, pageSize: pageSize)
        // The first label as it reads, for screen readers; the others as decoration.
        let copy = face.flatMap { $0.flattened() }.flatMap { $0.asDecoration }
        var placed: [(id: String, rect: Rect)] = []
        for index in 0..<stock.count {
            let origin = stock.origin(of: index)
            items.append(.group(ItemGroup(offset: Point(x: origin.x, y: origin.y), width: size.width,
                                          rightToLeft: document.direction == .rtl,
                                          clip: Rect(x: 0, y: 0, width: size.width, height: size.height),
                                          items: index == 0 ? face : copy)))
            placed.append(("label \(index + 1)", Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)))
        }
        items += try notes.footer(pageSize: pageSize)
        let last = stock.origin(of: stock.count - 1)
        let labels = Rect(x: stock.left, y: stock.top, width: last.x + size.width - stock.left, height: last.y + size.height - stock.top)
        let page = LaidOutPage(size: pageSize, items: items, contentArea: notes.printable(pageSize), bodyArea: labels, placedBlocks: placed)
        return LaidOutDocument(document: document, pages: [page], scale: factor, gapScale: 1, lineScale: 1)
    }

    /// The label at the largest type scale that fits: as designed, else by bisection down to
    /// the floor; past that, an error naming the words that do not fit.
    private func fittedFace(_ document: Document, label: DocumentLabel, size: Size) throws -> ([PageItem], Double) {
        func attempt(_ factor: Double) throws -> [PageItem] {
            try LabelFace(measurer: measurer, styles: Styles(document: document, factor: factor), label: label)
                .items(size: size, margins: document.margins)
        }
        if let face = try? attempt(1) { return (face, 1) }
        let floor = min(1, document.scale.bodyFloor / document.scale[.body])
        func atFloor() throws -> [PageItem] {
            do {
                return try attempt(floor)
            } catch let overflow as LabelOverflow {
                throw LabelFitError(handout: document.handout, language: document.language, stock: label.stock, overflow: overflow,
                                    smallest: document.scale.bodyFloor)
            }
        }
        return try TypeScaleSearch.largest(floor: floor, atFloor: atFloor) { factor in
            do { return try attempt(factor) } catch is LabelOverflow { return nil }
        }
    }
}

/// A label whose words do not fit even at the smallest type: names the string to shorten.
public struct LabelFitError: Error, Sendable, CustomStringConvertible {
    let handout: String
    let language: String
    let stock: LabelStock
    let overflow: LabelOverflow
    let smallest: Double

    public var description: String {
        let mm = (overflow.excess * 25.4 / 72).fixed(1)
        let place = "\(handout) (\(language)): on the \(stock.name) label (\(stock.sizeText)), \(overflow.what) needs \(mm) mm more"
            + " even at \(smallest.fixed(1)) pt"
        switch overflow.culprit {
        case .words(let words): return place + " — shorten strings.\(words.key) (\(words.source))"
        case .unit: return place + " — shorten unit: in the site profile"
        case .rows: return place + " — give the label fewer lines in label_stock: rows: of Layouts/\(handout).yaml"
        }
    }
}
