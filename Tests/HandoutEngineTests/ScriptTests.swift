import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Right-to-left mirroring and CJK line breaking, checked through Pango with the real fonts.
@Suite struct ScriptTests {
    static let arabicLetters = CharacterSet(charactersIn: Unicode.Scalar(0x0600)!...Unicode.Scalar(0x06FF)!)

    /// Pango resolves every Arabic paragraph right to left.
    @Test(arguments: ["colostrum-facts", "first-week", "alternatives-card"])
    func arabicParagraphsAreRightToLeft(handout: String) async throws {
        try await Shared.withRenderer { renderer in
            let laidOut = try renderer.layout(renderer.document(handout: handout, language: "ar", paper: nil))
            var arabic = 0
            for page in laidOut.pages {
                for frame in page.frames {
                    guard case let .text(text, _, _) = frame,
                          text.text.plainText.unicodeScalars.contains(where: ScriptTests.arabicLetters.contains) else { continue }
                    arabic += 1
                    #expect(text.style.direction == .rtl)
                    for line in text.lines {
                        #expect(line.rightToLeft, "left-to-right line in Arabic: \(line.text)")
                    }
                }
            }
            #expect(arabic > 20)
        }
    }

    /// On the Arabic checklist every bullet, step number, ✱ and tick box sits right of its
    /// item's text, and in the tracker each day label sits right of every tick box of its
    /// row. Items and rows are found through the structure tags (LI, TR).
    @Test func arabicMarkersAndTickBoxesSitRightOfTheirText() async throws {
        try await Shared.withRenderer { renderer in
            let laidOut = try renderer.layout(renderer.document(handout: "first-week", language: "ar", paper: .a4))
            var items = 0, rows = 0
            for page in laidOut.pages {
                // Nested items (the jaundice sub-list) are checked against their own text.
                var listItems: [(markers: [Rect], texts: [Rect])] = []
                var tableRow: (label: Rect?, boxes: [Rect], inHeaderCell: Bool)?
                for item in page.flatItems {
                    switch item {
                    case .beginTag(.listItem): listItems.append(([], []))
                    case .endTag(.listItem):
                        if let current = listItems.popLast() {
                            items += 1
                            let textLeft = current.texts.map(\.minX).min() ?? 0, textRight = current.texts.map(\.maxX).max() ?? 0
                            #expect(!current.markers.isEmpty)
                            for marker in current.markers {
                                #expect(marker.minX >= textRight - 0.5, "marker at \(marker) is not right of its text \(textLeft)…\(textRight)")
                            }
                        }
                    case .beginTag(.tableRow): tableRow = (nil, [], false)
                    case .beginTag(.tableHeader): tableRow?.inHeaderCell = true
                    case .endTag(.tableHeader): tableRow?.inHeaderCell = false
                    case .endTag(.tableRow):
                        if let row = tableRow, let label = row.label, !row.boxes.isEmpty {
                            rows += 1
                            #expect(row.boxes.allSatisfy { $0.maxX < label.minX }, "a tick box is right of the day label at \(label)")
                        }
                        tableRow = nil
                    case .frame(let frame), .artifact(let frame):
                        let isMarker: Bool
                        switch frame {
                        case .disc: isMarker = true
                        case let .rect(_, fill, _, _): isMarker = fill == .white
                        case let .text(text, _, _): isMarker = text.text.plainText == "✱" || text.text.plainText.allSatisfy(\.isNumber)
                        default: isMarker = false
                        }
                        if !listItems.isEmpty {
                            if isMarker { listItems[listItems.count - 1].markers.append(frame.bounds) }
                            else if case .text = frame { listItems[listItems.count - 1].texts.append(frame.bounds) }
                        }
                        if tableRow != nil {
                            if case let .rect(rect, fill, _, _) = frame, fill == .white { tableRow?.boxes.append(rect) }
                            if case .text = frame, tableRow?.inHeaderCell == true, tableRow?.label == nil { tableRow?.label = frame.bounds }
                        }
                    default: break
                    }
                }
            }
            #expect(items > 20)
            #expect(rows == 7, "the tracker's seven days")
        }
    }

    /// Kinsoku: no line of Japanese or Chinese text starts with closing punctuation.
    @Test(arguments: ["ja", "zh-Hans"])
    func noCJKLineStartsWithClosingPunctuation(language: String) async throws {
        let closing = Set("、。，．・：；？！」』）】〕〉》｝］”’".unicodeScalars)
        try await Shared.withRenderer { renderer in
            var lines = 0
            for handout in renderer.project.handouts {
                for paper in try renderer.project.layout(handout).papers {
                    let laidOut = try renderer.layout(renderer.document(handout: handout, language: language, paper: paper))
                    for page in laidOut.pages {
                        for frame in page.frames {
                            guard case let .text(text, _, _) = frame else { continue }
                            for line in text.lines.dropFirst() {
                                lines += 1
                                if let first = line.text.unicodeScalars.first(where: { !$0.properties.isWhitespace }), closing.contains(first) {
                                    Issue.record("\(handout) \(paper.rawValue): a line starts with \(first): \(line.text)")
                                }
                            }
                        }
                    }
                }
            }
            #expect(lines > 50, "enough wrapped lines to mean something")
        }
    }

    /// Korean breaks between words, at spaces, not between any two syllables: every
    /// wrapped line ends with the space it broke at.
    @Test func koreanBreaksOnlyAtSpaces() async throws {
        try await Shared.withRenderer { renderer in
            var wrapped = 0
            for handout in renderer.project.handouts {
                let laidOut = try renderer.layout(renderer.document(handout: handout, language: "ko", paper: nil))
                for page in laidOut.pages {
                    for frame in page.frames {
                        guard case let .text(text, _, _) = frame, text.lines.count > 1 else { continue }
                        for line in text.lines.dropLast() {
                            wrapped += 1
                            #expect(line.text.last?.isWhitespace == true, "Korean line broken inside a word: \(line.text)")
                        }
                    }
                }
            }
            #expect(wrapped > 30)
        }
    }

    /// Numbers read left to right inside Arabic: in "حرارة 38 °C", the digits come before
    /// the unit from left to right, and the whole number sits left of the word before it.
    @Test func numbersStayLeftToRightInArabic() async throws {
        try await Shared.withRenderer { renderer in
            let document = try renderer.document(handout: "first-week", language: "ar", paper: .a4)
            let item = try #require(document.pages.flatMap { $0 }.flatMap { row -> [DocumentBlock] in
                switch row { case .single(let block): return [block]; case .columns(let columns): return columns.flatMap { $0 } }
            }.first { $0.id == "first-week.red-flags-baby" })
            guard case let .list(_, items)? = item.content.first(where: { if case .list = $0 { return true }; return false }) else {
                Issue.record("no list"); return
            }
            let fever = try #require(items.first { $0.text.plainText.contains("38\u{A0}°C") }?.text)
            #expect(fever.plainText.contains("\u{2066}38\u{A0}°C\u{2069}"), "the number is isolated")
            let style = TextStyle(size: 12, lineHeight: 1.4, language: "ar", direction: .rtl, families: try renderer.theme.families(for: "ar"))
            let typeset = try renderer.typesetter.typeset(fever, style: style, width: 2000)
            let plain = fever.plainText
            func x(_ needle: String) throws -> Double {
                let range = try #require(plain.range(of: needle))
                return try #require(typeset.lines.first?.x(ofCharacterAt: plain.utf8.distance(from: plain.startIndex, to: range.lowerBound)))
            }
            #expect(try x("38") < x("°C"), "digits before the unit, left to right")
            #expect(try x("°C") < x("حرارة"), "the number sits left of the word before it")
        }
    }
}
