/// Reads a layout's `label_stock:` (one stock per paper) and checks that it can be printed:
/// every label lies on the sheet, labels do not overlap, and the label's rows name every
/// field once. A wrong number here prints on the backing paper instead of the labels, so
/// each mistake is an error naming the key.
enum LabelStockLoader {
    static func parse(_ node: YAMLNode, papers: [Paper]) throws -> [Paper: LabelStock] {
        var stocks: [Paper: LabelStock] = [:]
        for (name, stockNode) in try node.entries(maximumCount: 8) {
            guard let paper = Paper(rawValue: name), papers.contains(paper) else {
                throw stockNode.error("\"\(name.prefix(40))\" is not one of this layout's papers",
                                      fix: NearestName.hint(for: name, among: papers.map(\.rawValue)))
            }
            stocks[paper] = try stock(stockNode, on: paper)
        }
        for paper in papers where stocks[paper] == nil {
            throw node.error("no label stock for \(paper.rawValue) paper", fix: "add \(paper.rawValue): with the stock's sizes, or remove it from papers")
        }
        return stocks
    }

    static func stock(_ node: YAMLNode, on paper: Paper) throws -> LabelStock {
        let fields = try node.fields(required: ["name", "unit", "label", "across", "down", "top", "left", "pitch", "rows"])
        let unit = try fields.required("unit").choice(LabelStock.Unit.self)
        // Up to half a sheet: no label stock has a margin or a label larger.
        let range = 0...(unit == .mm ? 300.0 : 12.0)
        func length(_ node: YAMLNode) throws -> Double { try node.double(in: range) * unit.points }
        let size = try pair(fields.required("label"), keys: ("width", "height"), length)
        let pitch = try pair(fields.required("pitch"), keys: ("across", "down"), length)
        let across = try fields.required("across").int(in: 1...10), down = try fields.required("down").int(in: 1...30)
        let top = try length(fields.required("top")), left = try length(fields.required("left"))
        guard size.width > 0, size.height > 0 else {
            throw fields.required("label").error("a label has no size", fix: "give width and height in \(unit.rawValue)")
        }
        if across > 1 && pitch.width < size.width - 0.01 {
            throw fields.required("pitch").error("labels across overlap: the pitch is less than a label's width",
                                                 fix: "the pitch is from one label's left edge to the next one's")
        }
        if down > 1 && pitch.height < size.height - 0.01 {
            throw fields.required("pitch").error("labels down overlap: the pitch is less than a label's height",
                                                 fix: "the pitch is from one label's top edge to the next one's")
        }
        // Within a hundredth of a millimetre: makers round their margins to that.
        let tolerance = 0.03
        let right = left + Double(across - 1) * pitch.width + size.width
        let bottom = top + Double(down - 1) * pitch.height + size.height
        if right > paper.width + tolerance || bottom > paper.height + tolerance {
            throw node.error("the labels run off the \(paper.rawValue) sheet (to \(millimetres(right)) × \(millimetres(bottom)) mm of \(millimetres(paper.width)) × \(millimetres(paper.height)) mm)",
                             fix: "check label, across, down, top, left and pitch against the maker's template")
        }
        return LabelStock(name: try fields.required("name").text(), labelSize: PageSize(width: size.width, height: size.height),
                          across: across, down: down, top: top, left: left, pitchAcross: pitch.width, pitchDown: pitch.height,
                          rows: try rows(fields.required("rows")), unit: unit)
    }

    /// `{width: …, height: …}` for a label, `{across: …, down: …}` for the pitch.
    private static func pair(_ node: YAMLNode, keys: (String, String), _ length: (YAMLNode) throws -> Double) throws
        -> (width: Double, height: Double) {
        let fields = try node.fields(required: [keys.0, keys.1])
        return (try length(fields.required(keys.0)), try length(fields.required(keys.1)))
    }

    /// The label's lines of fields: every field exactly once, at most three to a line.
    private static func rows(_ node: YAMLNode) throws -> [[LabelField]] {
        var seen: [LabelField] = []
        let rows = try node.sequence(maximumCount: 6).map { row in
            let cells = try row.sequence(maximumCount: 3).map { cell -> LabelField in
                let field = try cell.choice(LabelField.self)
                guard !seen.contains(field) else { throw cell.error("\(field.rawValue) is on the label twice", fix: "keep one") }
                seen.append(field)
                return field
            }
            guard !cells.isEmpty else { throw row.error("an empty line of fields", fix: "name at least one field, or remove the line") }
            return cells
        }
        let missing = LabelField.allCases.filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw node.error("the label lacks \(missing.map(\.rawValue).joined(separator: ", "))",
                             fix: "every label needs all of: \(LabelField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return rows
    }

    private static func millimetres(_ points: Double) -> String { (points * 25.4 / 72).fixed(1) }
}
