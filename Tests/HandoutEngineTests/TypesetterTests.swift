import Foundation
import Testing
import HandoutEngine
import HandoutLayout
import HandoutModel

/// The Pango typesetter: private fonts only, tofu refused, lines measured.
@Suite struct TypesetterTests {
    @Test func onlyTheShippedFontsAreVisible() async throws {
        try await Shared.withRenderer { renderer in
            let families = Set(renderer.fonts.families)
            #expect(families.contains("Noto Sans"))
            // DejaVu is on almost every Debian machine; it must never be used.
            #expect(!families.contains("DejaVu Sans"))
            let shipped = try FileManager.default.contentsOfDirectory(atPath: Shared.root.appendingPathComponent("Fonts").path)
                .filter { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }
            #expect(!shipped.isEmpty)
        }
    }

    @Test func aCharacterNoFontHasIsAnErrorNamingIt() async throws {
        try await Shared.withRenderer { renderer in
            let style = TextStyle(size: 12, lineHeight: 1.25, language: "en", direction: .ltr)
            do {
                _ = try renderer.typesetter.typeset(RichText(plain: "Hello ሀ world"), style: style, width: 300)
                Issue.record("Ethiopic should have no glyph in the shipped fonts")
            } catch let error as TypesetError {
                #expect(error.problem.contains("U+1200"))
            }
        }
    }

    @Test func linesAreBrokenToTheWidthAndSpacedEvenly() async throws {
        try await Shared.withRenderer { renderer in
            let style = TextStyle(size: 12, lineHeight: 1.25, language: "en", direction: .ltr)
            let text = try renderer.typesetter.typeset(
                RichText(runs: [.init("Feed "), .init("8 to 12 times", bold: true), .init(" in 24 hours. Let your baby lead, and ask for help early if feeding hurts.")]),
                style: style, width: 150)
            #expect(text.lines.count >= 3)
            #expect(text.lines.allSatisfy { $0.width <= 150 + 0.01 })
            let gaps = zip(text.lines.dropFirst(), text.lines).map { $0.baseline - $1.baseline }
            #expect(gaps.allSatisfy { abs($0 - 15) < 0.001 })
            #expect(abs(text.height - Double(text.lines.count) * 15) < 0.001)
            #expect(text.lines.map(\.text).joined(separator: " ").contains("8 to 12 times"))
        }
    }
}
