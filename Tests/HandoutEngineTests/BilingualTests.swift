import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// The bilingual checklist (`--lang ar --with en`, `--lang ja --with en`) on A4: on its
/// designed three pages, every English item on the same page as the item it translates
/// (paired by block and item in the laid-out document), nothing overlapping (the layout
/// tests' rules: blocks inside the body and apart, texts inside the margins, ink never
/// touching), each tick box drawn once, and the tracker's headings in both languages.
@Suite struct BilingualTests {
    static let mothers = ["ar", "ja"]

    private func laidOut(_ renderer: Renderer, _ language: String) throws -> (LaidOutDocument, Document) {
        let project = renderer.project
        let edition = try project.edition(language: language, country: nil, site: .neutral)
        let companion = try project.companionEdition(language: "en", besides: edition)
        let document = try renderer.document(handout: "first-week", edition: edition, companion: companion, paper: .a4)
        return (try renderer.layout(document), document)
    }

    @Test(arguments: mothers)
    func everyEnglishItemIsOnThePageOfItsItemAndThePagesStayThree(language: String) async throws {
        try await Shared.withRenderer { renderer in
            let (laidOut, document) = try laidOut(renderer, language)
            #expect(laidOut.pages.count <= 3, "\(language)+en: \(laidOut.pages.count) pages")
            // The price of three pages: both languages at no less than 85% of the design.
            #expect(laidOut.scale >= 0.85 - 1e-9, "\(language)+en: type shrunk to \(laidOut.scale)")
            #expect(document.companion?.language == "en")
            var pairs = 0
            for block in blocks(of: document) {
                guard let staff = block.companion else {
                    #expect(block.component == .sources, "\(block.id) has no English")
                    continue
                }
                var texts: [(own: String, staff: String, what: String)] = []
                if let heading = block.heading, let other = staff.heading { texts.append((heading.plainText, other.plainText, "heading")) }
                for (part, (own, other)) in zip(block.content, staff.content).enumerated() {
                    switch (own, other) {
                    case let (.paragraph(a), .paragraph(b)):
                        texts.append((a.plainText, b.plainText, "part \(part + 1)"))
                    case let (.list(_, a), .list(_, b)):
                        #expect(a.count == b.count)
                        for (index, (itemA, itemB)) in zip(a, b).enumerated() {
                            texts.append((itemA.text.plainText, itemB.text.plainText, "item \(index + 1)"))
                            for (child, (childA, childB)) in zip(itemA.children, itemB.children).enumerated() {
                                texts.append((childA.text.plainText, childB.text.plainText, "item \(index + 1).\(child + 1)"))
                            }
                        }
                    case let (.tracker(a), .tracker(b)):
                        texts.append((a.dayHeading.plainText, b.dayHeading.plainText, "day heading"))
                        for (index, (rowA, rowB)) in zip(a.rows, b.rows).enumerated() {
                            texts.append((rowA.label.plainText, rowB.label.plainText, "row \(index + 1)"))
                        }
                    default:
                        break
                    }
                }
                for (own, other, what) in texts where !own.isEmpty && !other.isEmpty {
                    let ownPages = pages(laidOut, block: block.id, holding: own, language: nil)
                    let staffPages = pages(laidOut, block: block.id, holding: other, language: "en")
                    #expect(!ownPages.isEmpty, "\(language) \(block.id) \(what): \"\(own.prefix(40))\" not found")
                    #expect(!staffPages.isEmpty, "\(language) \(block.id) \(what): English \"\(other.prefix(40))\" not found")
                    #expect(ownPages == staffPages,
                            "\(language) \(block.id) \(what): on page(s) \(ownPages.map { $0 + 1 }), its English on \(staffPages.map { $0 + 1 })")
                    pairs += 1
                }
            }
            #expect(pairs > 50, "\(language): only \(pairs) pairs looked at")
        }
    }

    @Test(arguments: mothers)
    func nothingOverlapsAndEachTickBoxIsDrawnOnce(language: String) async throws {
        try await Shared.withRenderer { renderer in
            let (laidOut, _) = try laidOut(renderer, language)
            let single = try renderer.layout(renderer.document(handout: "first-week", language: language, paper: .a4))
            #expect(tickBoxes(laidOut) == tickBoxes(single), "\(language)+en draws \(tickBoxes(laidOut)) tick boxes, \(language) alone \(tickBoxes(single))")
            #expect(tickBoxes(laidOut) > 100)
            for (index, page) in laidOut.pages.enumerated() {
                let label = "\(language)+en page \(index + 1)"
                for (blockIndex, block) in page.placedBlocks.enumerated() {
                    #expect(page.bodyArea.contains(block.rect), "\(label): \(block.id) leaves the body")
                    for other in page.placedBlocks[(blockIndex + 1)...] where !other.rect.contains(block.rect) && !block.rect.contains(other.rect) {
                        #expect(!block.rect.overlaps(other.rect), "\(label): \(block.id) overlaps \(other.id)")
                    }
                }
                var depth = 0
                for item in page.items {
                    if case .beginTag = item { depth += 1 }
                    if case .endTag = item { depth -= 1; #expect(depth >= 0, "\(label): a tag closes that was not open") }
                }
                #expect(depth == 0, "\(label): tags left open")
                // Every text inside the margins, and no two texts' ink touching (the mother's
                // words and the staff's under or beside them included).
                var inks: [(text: String, boxes: [Rect])] = []
                for case .text(let text, let origin, _) in page.frames {
                    #expect(page.contentArea.contains(Frame.text(text, origin: origin, color: .black).bounds),
                            "\(label): \"\(text.text.plainText.prefix(40))\" leaves the margins")
                    let boxes = text.lines.flatMap { renderer.typesetter.faces.inkBoxes(of: $0) }.map { $0.offsetBy(dx: origin.x, dy: origin.y) }
                    inks.append((text.text.plainText, boxes))
                }
                for (inkIndex, ink) in inks.enumerated() {
                    for other in inks[(inkIndex + 1)...] {
                        for a in ink.boxes {
                            if let b = other.boxes.first(where: { a.overlaps($0, tolerance: 0.01) }) {
                                Issue.record("\(label): \"\(ink.text.prefix(30))\" touches \"\(other.text.prefix(30))\" at \(a) and \(b)")
                                break
                            }
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: mothers)
    func theTrackerNamesItsColumnsInBothLanguagesOnEveryPageItIsOn(language: String) async throws {
        try await Shared.withRenderer { renderer in
            let (laidOut, document) = try laidOut(renderer, language)
            let block = try #require(blocks(of: document).first { $0.id == "first-week.tracker" })
            let staffBlock = try #require(block.companion)
            for (ownContent, staffContent) in zip(block.content, staffBlock.content) {
                guard case .tracker(let own) = ownContent, case .tracker(let staff) = staffContent else { continue }
                for (a, b) in zip(own.columns, staff.columns) {
                    let ownPages = pages(laidOut, block: block.id, holding: a.label.plainText, language: nil)
                    #expect(!ownPages.isEmpty)
                    #expect(pages(laidOut, block: block.id, holding: b.label.plainText, language: "en") == ownPages,
                            "\(language): tracker heading \"\(b.label.plainText)\" not beside \"\(a.label.plainText)\"")
                }
            }
        }
    }

    @Test func theCardHasNoBilingualEditionAndSaysWhy() async throws {
        try await Shared.withRenderer { renderer in
            let project = renderer.project
            let edition = try project.edition(language: "ar", country: nil, site: .neutral)
            let companion = try project.companionEdition(language: "en", besides: edition)
            #expect(throws: BilingualUnavailable.self) {
                try renderer.document(handout: "alternatives-card", edition: edition, companion: companion, paper: nil)
            }
            #expect(throws: CompanionError.self) { try project.companionEdition(language: "ar", besides: edition) }
        }
    }

    // MARK: - Reading the laid-out document

    private func blocks(of document: Document) -> [DocumentBlock] {
        document.pages.flatMap { rows in
            rows.flatMap { row -> [DocumentBlock] in
                switch row {
                case .single(let block): return [block]
                case .columns(let columns): return columns.flatMap { $0 }
                }
            }
        }
    }

    /// The pages where a text frame reading `text` lies inside `block`'s placed area: tagged
    /// with `language` (inside a Span carrying it) or, for nil, outside any such Span.
    private func pages(_ laidOut: LaidOutDocument, block: String, holding text: String, language: String?) -> Set<Int> {
        var found: Set<Int> = []
        for (index, page) in laidOut.pages.enumerated() {
            let areas = page.placedBlocks.filter { $0.id == block }.map(\.rect)
            var spans: [String?] = []
            var pendingSpan = false
            for item in page.flatItems {
                switch item {
                case .beginTag(let role):
                    pendingSpan = role == .span
                    if !pendingSpan { spans.append(nil) }
                case .tagInfo(let info) where pendingSpan:
                    spans.append(info.language)
                    pendingSpan = false
                case .endTag:
                    if pendingSpan { spans.append(nil); pendingSpan = false }
                    _ = spans.popLast()
                case .frame(.text(let typeset, let origin, _)):
                    if pendingSpan { spans.append(nil); pendingSpan = false }
                    let current = spans.last(where: { $0 != nil }) ?? nil
                    guard typeset.text.plainText == text, current == language,
                          areas.contains(where: { $0.insetBy(-1).contains(Point(x: origin.x + 0.5, y: origin.y + 0.5)) }) else { continue }
                    found.insert(index)
                default:
                    break
                }
            }
        }
        return found
    }

    /// White squares outlined in the tick colour: the tracker's, the checklist's and the fields' boxes.
    private func tickBoxes(_ laidOut: LaidOutDocument) -> Int {
        let tick = laidOut.document.colors[.tick]
        return laidOut.pages.reduce(0) { count, page in
            count + page.flatItems.filter { item in
                if case .artifact(.rect(let rect, let fill, let stroke, _)) = item {
                    return fill == .white && stroke == tick && abs(rect.width - rect.height) < 0.01
                }
                return false
            }.count
        }
    }
}

private extension Rect {
    func insetBy(_ amount: Double) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }
}
