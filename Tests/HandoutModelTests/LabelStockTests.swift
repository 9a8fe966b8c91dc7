import Foundation
import Testing
@testable import HandoutModel

/// A sheet of labels' `label_stock:`: a wrong number prints on the backing paper instead of
/// the labels, so each mistake is refused with the line and key at fault.
@Suite struct LabelStockTests {
    /// The L7163 stock as Layouts/milk-labels.yaml has it, with one line replaced.
    static func layout(replacing old: String = "", with new: String = "", margins: String = "{top: 2.5, bottom: 2.5, left: 3, right: 3}") -> String {
        let text = """
            handout: labels
            scale: label
            papers: [a4]
            margins_mm: \(margins)
            label_stock:
              a4:
                name: Avery L7163
                unit: mm
                label: {width: 99.1, height: 38.1}
                across: 2
                down: 7
                top: 15.15
                left: 4.65
                pitch: {across: 101.6, down: 38.1}
                rows:
                  - [baby_name]
                  - [hospital_number]
                  - [date_time, fresh_or_frozen]
                  - [medicines]
            """
        return old.isEmpty ? text : text.replacingOccurrences(of: old, with: new)
    }

    static func parse(_ text: String) throws -> LayoutSpec {
        try LayoutLoader.parse(TestFiles.yaml(text, file: "Layouts/labels.yaml"))
    }

    @Test func theMakersNumbersGiveFourteenLabelsWhereTheyAre() throws {
        let spec = try LabelStockTests.parse(LabelStockTests.layout())
        let stock = try #require(spec.labelStocks[.a4])
        #expect(spec.isLabelSheet && spec.largePrintProblem != nil && spec.bleedProblem != nil)
        #expect(stock.count == 14)
        #expect(stock.sizeText == "99.1 × 38.1 mm")
        let last = stock.origin(of: 13)
        #expect(abs(last.x - (4.65 + 101.6) * 72 / 25.4) < 0.001 && abs(last.y - (15.15 + 6 * 38.1) * 72 / 25.4) < 0.001)
    }

    @Test(arguments: [
        // (the line replaced, its replacement, what the error says)
        ("pitch: {across: 101.6, down: 38.1}", "pitch: {across: 98, down: 38.1}", "labels across overlap"),
        ("down: 7", "down: 8", "the labels run off the a4 sheet"),
        ("left: 4.65", "left: 15", "the labels run off the a4 sheet"),
        ("  - [medicines]", "  - [medicines, baby_name]", "baby_name is on the label twice"),
        ("  - [medicines]", "", "the label lacks medicines"),
        ("unit: mm", "unit: cm", "cm"),
        ("  a4:", "  a5:", "is not one of this layout's papers"),
    ])
    func aWrongNumberIsRefused(old: String, new: String, says: String) throws {
        let error = try #require(TestFiles.loadError { _ = try LabelStockTests.parse(LabelStockTests.layout(replacing: old, with: new)) })
        #expect(error.file == "Layouts/labels.yaml")
        #expect(error.line != nil)
        #expect(error.description.contains(says), "\(error)")
    }

    @Test func aLabelSheetTakesNoPagesAndItsMarginsAreFromTheDieCut() throws {
        let pages = try #require(TestFiles.loadError { _ = try LabelStockTests.parse(LabelStockTests.layout() + "\npages:\n  - - a.b\n") })
        #expect(pages.description.contains("a sheet of labels takes no pages"))
        // 1.5 mm is room enough for a sheet fed a little off; a page's margins stay at 3 mm or more.
        #expect(try LabelStockTests.parse(LabelStockTests.layout(margins: "{top: 1.5, bottom: 1.5, left: 3, right: 3}")).labelStocks.count == 1)
        #expect(TestFiles.loadError { _ = try LabelStockTests.parse(LabelStockTests.layout(margins: "{top: 1, bottom: 2, left: 3, right: 3}")) } != nil)
        let page = """
            handout: sheet
            scale: sheet
            papers: [a4]
            margins_mm: {top: 2, bottom: 10, left: 10, right: 10}
            pages:
              - - a.b
            """
        #expect(TestFiles.loadError { _ = try LabelStockTests.parse(page) } != nil)
    }
}
