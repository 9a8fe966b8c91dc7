import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// The NICU milk labels (issue 14, point 5): one page per stock, every label exactly where
/// the maker die-cuts it, its words inside it, lines a pen can fill, in every shipped
/// language. The positions below are the makers' (Avery's templates), not read from the
/// layout file: a wrong number there must fail here.
@Suite struct LabelSheetTests {
    struct Stock: Sendable {
        let paper: Paper
        let across: Int, down: Int
        /// In points: label size, first label's top-left corner, pitch.
        let width: Double, height: Double, left: Double, top: Double, pitchAcross: Double, pitchDown: Double

        func rect(_ index: Int) -> Rect {
            Rect(x: left + Double(index % across) * pitchAcross, y: top + Double(index / across) * pitchDown, width: width, height: height)
        }
    }

    static let mm = 72 / 25.4
    /// Avery L7163: 99.1 × 38.1 mm, 2 × 7, top margin 15.15 mm, left 4.65 mm, pitch 101.6 × 38.1 mm.
    static let l7163 = Stock(paper: .a4, across: 2, down: 7, width: 99.1 * mm, height: 38.1 * mm, left: 4.65 * mm, top: 15.15 * mm,
                             pitchAcross: 101.6 * mm, pitchDown: 38.1 * mm)
    /// Avery 5163: 4 × 2 in, 2 × 5, top margin 0.5 in, left 0.15625 in, pitch 4.1875 × 2 in.
    static let a5163 = Stock(paper: .letter, across: 2, down: 5, width: 4 * 72, height: 2 * 72, left: 0.15625 * 72, top: 0.5 * 72,
                             pitchAcross: 4.1875 * 72, pitchDown: 2 * 72)

    /// Every guide and variant the program ships.
    static let languages: [String] = {
        let project = try! Project(root: Shared.root)
        return project.languages.sorted() + project.overlays.keys.sorted()
    }()

    static let site = try! SiteLoader.load(Shared.root.appendingPathComponent("docs/site.example.yaml"),
                                          displayName: "docs/site.example.yaml")

    /// Half a millimetre: how far a label may sit from its die-cut shape.
    static let tolerance = 0.5 * mm

    @Test func theLayoutFileHoldsTheMakersNumbers() throws {
        let layout = try Project(root: Shared.root).layout("milk-labels")
        for stock in [LabelSheetTests.l7163, LabelSheetTests.a5163] {
            let ours = try #require(layout.labelStocks[stock.paper])
            #expect(ours.count == stock.across * stock.down)
            for index in 0..<ours.count {
                let origin = ours.origin(of: index)
                let theirs = stock.rect(index)
                #expect(abs(origin.x - theirs.x) < 0.01 && abs(origin.y - theirs.y) < 0.01, "\(stock.paper.rawValue) label \(index + 1)")
            }
            #expect(abs(ours.labelSize.width - stock.width) < 0.01 && abs(ours.labelSize.height - stock.height) < 0.01)
        }
    }

    @Test(arguments: languages)
    func everyLabelSitsOnItsShapeWithItsWordsInside(language: String) async throws {
        try await Shared.withRenderer { renderer in
            let guide = try renderer.project.guide(language)
            let english = try renderer.project.guide("en")
            for stock in [LabelSheetTests.l7163, LabelSheetTests.a5163] {
                for site in [Site.neutral, LabelSheetTests.site] {
                    let label = "\(language) \(stock.paper.rawValue)\(site.isNeutral ? "" : " site")"
                    let document = try renderer.document(handout: "milk-labels", language: language, paper: stock.paper, site: site)
                    let laidOut = try renderer.layout(document, site: site)
                    try #require(laidOut.pages.count == 1, "\(label): \(laidOut.pages.count) pages")
                    let page = laidOut.pages[0]
                    #expect(abs(page.size.width - stock.paper.width) < 0.01 && abs(page.size.height - stock.paper.height) < 0.01)
                    let expected = (0..<(stock.across * stock.down)).map(stock.rect)
                    // The labels as laid out, and the clips the painter is given for them.
                    let placed = page.placedBlocks.filter { $0.id.hasPrefix("label ") }.map(\.rect)
                    let clips = page.flatItems.compactMap { item -> Rect? in
                        if case .beginClip(let rect) = item { return rect }
                        return nil
                    }
                    #expect(placed.count == expected.count, "\(label): \(placed.count) labels")
                    #expect(clips.count == expected.count, "\(label): \(clips.count) clipped labels")
                    for (index, rect) in expected.enumerated() {
                        for (what, got) in [("box", placed), ("clip", clips)] where index < got.count {
                            let off = max(abs(got[index].minX - rect.minX), abs(got[index].minY - rect.minY),
                                          abs(got[index].maxX - rect.maxX), abs(got[index].maxY - rect.maxY))
                            #expect(off <= LabelSheetTests.tolerance, "\(label): label \(index + 1)'s \(what) is \(off / LabelSheetTests.mm) mm off")
                        }
                    }
                    let words = LabelComposer(guide: guide, english: guide.isTranslation ? english : nil, site: site)
                        .label(on: try #require(renderer.project.layout("milk-labels").labelStocks[stock.paper]))
                    checkLabels(page, expected: expected, margins: document.margins, words: words, direction: document.direction,
                                label: label)
                }
            }
        }
    }

    /// What each label holds: its texts inside it (inside its margins), apart; every
    /// field's words and their English for staff; the unit's name with a profile; one line
    /// to write on per field, at least 7 mm below the one above; on a right-to-left label
    /// the field names start at the right. The notes in the sheet's margins stay off the labels.
    private func checkLabels(_ page: LaidOutPage, expected: [Rect], margins: Margins, words: DocumentLabel,
                             direction: TextDirection, label: String) {
        var current: Int?
        var texts: [[(text: TypesetText, bounds: Rect)]] = Array(repeating: [], count: expected.count)
        var lines: [[Double]] = Array(repeating: [], count: expected.count)
        var clipIndex = 0
        for item in page.flatItems {
            switch item {
            case .beginClip: current = clipIndex; clipIndex += 1
            case .endClip: current = nil
            case .frame(let frame), .artifact(let frame):
                guard let index = current, index < expected.count else {
                    // A note in the sheet's margin.
                    for rect in expected where frame.bounds.overlaps(rect, tolerance: 0.01) {
                        Issue.record("\(label): a note in the margin runs onto a label at \(frame.bounds)")
                    }
                    #expect(page.contentArea.contains(frame.bounds, tolerance: 0.5), "\(label): a margin note leaves the printable area")
                    continue
                }
                let box = expected[index]
                let inner = Rect(x: box.minX + margins.left, y: box.minY + margins.top, width: box.width - margins.left - margins.right,
                                 height: box.height - margins.top - margins.bottom)
                #expect(inner.contains(frame.bounds, tolerance: 0.5), "\(label) label \(index + 1): \(frame.bounds) leaves the label's margins")
                switch frame {
                case .text(let text, _, _): texts[index].append((text, frame.bounds))
                case .line(let from, let to, _, _):
                    #expect(abs(from.y - to.y) < 0.01, "\(label): a line to write on that is not level")
                    lines[index].append(from.y)
                default: break
                }
            default: break
            }
        }
        let fieldWords = LabelField.allCases.flatMap(words.words)
        let lineFields = LabelField.allCases.filter { !$0.isChoice }.count
        for index in expected.indices {
            let here = texts[index], where_ = "\(label) label \(index + 1)"
            let plain = here.map { $0.text.text.plainText }
            for field in fieldWords {
                #expect(plain.contains(field.text.plainText), "\(where_): no \"\(field.text.plainText)\"")
                if let staff = field.staff {
                    #expect(plain.contains(staff.plainText), "\(where_): no English \"\(staff.plainText)\" for staff")
                    let own = here.first { $0.text.text.plainText == field.text.plainText }, theirs = here.first { $0.text.text.plainText == staff.plainText }
                    if let own, let theirs {
                        #expect(theirs.text.style.size < own.text.style.size, "\(where_): the English is not smaller")
                        #expect(theirs.bounds.minY >= own.bounds.minY, "\(where_): the English is not beneath")
                    }
                }
            }
            if let unit = words.unit {
                #expect(plain.filter { $0 == unit.plainText }.count == 1, "\(where_): the unit's name is not on it once")
            }
            for a in here.indices {
                for b in here.indices where b > a && here[a].bounds.overlaps(here[b].bounds, tolerance: 0.5) {
                    Issue.record("\(where_): \"\(plain[a])\" overlaps \"\(plain[b])\"")
                }
            }
            // Lines a pen can fill: 7 mm from one to the next, and from the label's top
            // margin (or the unit's name) to the first.
            let ys = lines[index].sorted()
            #expect(ys.count == lineFields, "\(where_): \(ys.count) lines to write on")
            let top = words.unit.flatMap { unit in here.first { $0.text.text.plainText == unit.plainText }?.bounds.maxY }
                ?? expected[index].minY + margins.top
            for (upper, lower) in zip([top] + ys, ys) {
                #expect(lower - upper >= points(mm: 7) - 0.01, "\(where_): a line to write on only \((lower - upper) / LabelSheetTests.mm) mm high")
            }
            // The field names start at the start edge: the label's left, or right in a
            // right-to-left language.
            let names = LabelField.allCases.filter { !$0.isChoice }.map { words.words($0)[0].text.plainText }
            let edges = here.filter { names.contains($0.text.text.plainText) }.map(\.bounds)
            let start = direction == .rtl ? expected[index].maxX - margins.right : expected[index].minX + margins.left
            for edge in edges {
                let gap = direction == .rtl ? start - edge.maxX : edge.minX - start
                #expect(gap < points(mm: 1.5), "\(where_): a field name starts \(gap / LabelSheetTests.mm) mm from the \(direction == .rtl ? "right" : "left") edge")
            }
        }
    }

    @Test func largePrintIsRefusedWithTheReason() async throws {
        try await Shared.withRenderer { renderer in
            do {
                _ = try renderer.document(handout: "milk-labels", language: "en", paper: .a4, options: RenderOptions(largePrint: true))
                Issue.record("large-print labels were made")
            } catch {
                #expect("\(error)".contains("no large-print version"), "\(error)")
            }
        }
    }
}
