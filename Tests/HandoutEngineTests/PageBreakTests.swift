import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Where pages break, for every handout, language and paper, in standard and large print,
/// with and without a site profile: boxes are read whole, the tracker's columns are named
/// on every page it is on, and no page after the first holds almost nothing.
@Suite struct PageBreakTests {
    static let site = try! SiteLoader.load(Shared.root.appendingPathComponent("docs/site.example.yaml"),
                                          displayName: "docs/site.example.yaml")

    static let languages: [String] = {
        let project = try! Project(root: Shared.root)
        return project.languages.sorted()
    }()

    @Test(arguments: languages)
    func boxesStayWholeTheTrackerNamesItsColumnsAndNoPageIsNearlyEmpty(language: String) async throws {
        try await Shared.withRenderer { renderer in
            var layouts = 0
            for handout in renderer.project.handouts {
                let layout = try renderer.project.layout(handout)
                var variants: [(Paper, RenderOptions)] = layout.papers.map { ($0, .standard) }
                // Milk labels have no large print: they come in the stock's size.
                if layout.largePrintProblem == nil { variants += [Paper.a4, .letter].map { ($0, RenderOptions(largePrint: true)) } }
                for (paper, options) in variants {
                    for site in [Site.neutral, PageBreakTests.site] {
                        let document = try renderer.document(handout: handout, language: language, paper: paper,
                                                             site: site, options: options)
                        let laidOut = try renderer.layout(document)
                        let label = "\(language) \(handout) \(paper.rawValue)\(options.largePrint ? " large" : "")"
                            + (site == .neutral ? "" : " site")
                        check(laidOut, label: label)
                        layouts += 1
                    }
                }
            }
            #expect(layouts >= 28)
        }
    }

    private func check(_ laidOut: LaidOutDocument, label: String) {
        let document = laidOut.document
        let blocks = document.pages.flatMap { rows in
            rows.flatMap { row -> [DocumentBlock] in
                switch row {
                case .single(let block): return [block]
                case .columns(let columns): return columns.flatMap { $0 }
                }
            }
        }
        let pages = laidOut.pages
        for block in blocks {
            let parts = pages.enumerated().compactMap { index, page in
                page.placedBlocks.first { $0.id == block.id }.map { (page: index, rect: $0.rect) }
            }
            guard parts.count > 1 else { continue }
            if [.alert, .box, .contacts].contains(block.component) {
                // Split only when the whole box is taller than a page, and then each
                // further part says it continues.
                let whole = parts.reduce(0) { $0 + $1.rect.height }
                let later = pages[parts[1].page].bodyArea.height
                #expect(whole > later, "\(label): box \(block.id) split over pages \(parts.map { $0.page + 1 }) though it fits on one")
                for part in parts.dropFirst() {
                    let texts = texts(on: pages[part.page], in: part.rect, artifacts: true)
                    #expect(texts.contains { $0.contains(document.continuedLabel) },
                            "\(label): box \(block.id) goes on to page \(part.page + 1) without its heading marked continued")
                }
            }
            for case .tracker(let tracker) in block.content {
                for part in parts {
                    let texts = texts(on: pages[part.page], in: part.rect, artifacts: true)
                    for column in tracker.columns {
                        #expect(texts.contains(column.label.plainText),
                                "\(label): tracker on page \(part.page + 1) without its \"\(column.label.plainText)\" column heading")
                    }
                }
            }
        }
        // A page of a flowing handout holds at least three lines of body text, the sources line not
        // counted (a card's faces are fixed, each with what belongs to it).
        guard document.overflow == .flow else { return }
        for (index, page) in pages.enumerated().dropFirst() {
            let sources = page.placedBlocks.filter { $0.id == "sources" }.map(\.rect)
            var lines = 0
            for item in page.flatItems {
                guard case .frame(.text(let text, let origin, _)) = item,
                      page.bodyArea.holds(x: origin.x + 1, y: origin.y + 1),
                      !sources.contains(where: { $0.holds(x: origin.x + 1, y: origin.y + 1) }) else { continue }
                lines += text.lines.count
            }
            #expect(lines >= 3, "\(label): page \(index + 1) of \(pages.count) holds \(lines) line(s) of body text")
        }
    }

    /// Plain text of the texts whose top-left corner lies in `rect`.
    private func texts(on page: LaidOutPage, in rect: Rect, artifacts: Bool) -> [String] {
        page.flatItems.compactMap { item in
            switch item {
            case .frame(.text(let text, let origin, _)), .artifact(.text(let text, let origin, _)):
                return rect.holds(x: origin.x + 0.5, y: origin.y + 0.5, tolerance: 1) ? text.text.plainText : nil
            default:
                return nil
            }
        }
    }
}

private extension Rect {
    func holds(x px: Double, y py: Double, tolerance: Double = 0) -> Bool {
        px >= minX - tolerance && px <= maxX + tolerance && py >= minY - tolerance && py <= maxY + tolerance
    }
}
