import Foundation
import HandoutModel

/// Writes every drawing operation as a line of text: a readable, diffable record of a
/// handout for golden tests (like SILE's debug outputter), and the place tests read sizes
/// and colours from.
public final class RecordingPainter: Painter {
    public private(set) var lines: [String] = []
    /// Every text line drawn, with its font size and colour, for assertions.
    public private(set) var texts: [(text: String, size: Double, bold: Bool, color: RGB, page: Int)] = []
    /// Every colour used for fills, strokes and text.
    public private(set) var colors: Set<String> = []
    private var page = 0
    private var depth = 0

    public init() {}

    public var log: String { lines.joined(separator: "\n") + "\n" }

    public func beginDocument(_ document: LaidOutDocument) throws {
        let meta = document.document.metadata
        lines.append("document \(document.document.handout) \(document.document.language) \(document.document.paper.rawValue) scale=\(f(document.scale))")
        lines.append("  title \"\(meta.title)\" subject \"\(meta.subject)\" author \"\(meta.author)\"")
    }

    public func beginPage(size: Size, index: Int) throws {
        page = index + 1
        lines.append("page \(page) \(f(size.width))x\(f(size.height))")
    }

    public func draw(_ frame: Frame, artifact: Bool) {
        let indent = String(repeating: "  ", count: depth + 1)
        let mark = artifact ? "artifact " : ""
        switch frame {
        case let .text(text, origin, color):
            colors.insert(color.description)
            // Bold when the style is, or when every run of the text is (urgent items).
            let bold = text.style.bold || (!text.text.runs.isEmpty && text.text.runs.allSatisfy(\.bold))
            for line in text.lines {
                lines.append("\(indent)\(mark)text \(f(origin.x + line.x)),\(f(origin.y + line.baseline)) \(f(text.style.size))pt\(bold ? " bold" : "") \(color) \"\(line.text)\"")
                texts.append((line.text, text.style.size, bold, color, page))
                // The glyphs as shaped, like SILE's debug outputter: a change of font, glyph
                // or advance shows in the diff, not only a change of text.
                for run in line.runs {
                    let glyphs = run.glyphs.map { "\($0.index)+\($0.advance)" }.joined(separator: " ")
                    lines.append("\(indent)  run \(run.faceName) x=\(run.x)\(run.backward ? " rtl" : ""): \(glyphs)")
                }
            }
        case let .rect(rect, fill, stroke, width):
            if let fill { colors.insert(fill.description) }
            if let stroke { colors.insert(stroke.description) }
            lines.append("\(indent)\(mark)rect \(rect) fill \(fill?.description ?? "none") stroke \(stroke?.description ?? "none") \(f(width))")
        case let .line(from, to, color, width):
            colors.insert(color.description)
            lines.append("\(indent)\(mark)line \(f(from.x)),\(f(from.y)) -> \(f(to.x)),\(f(to.y)) \(color) \(f(width))")
        case let .disc(center, radius, color):
            colors.insert(color.description)
            lines.append("\(indent)\(mark)disc \(f(center.x)),\(f(center.y)) r\(f(radius)) \(color)")
        case let .rects(rects, fill):
            colors.insert(fill.description)
            lines.append("\(indent)\(mark)rects \(rects.count) in \(frame.bounds) \(fill)")
        case let .image(image, rect):
            lines.append("\(indent)\(mark)image \(image) in \(rect)")
        }
    }

    public func beginTag(_ role: StructureRole) {
        lines.append(String(repeating: "  ", count: depth + 1) + "<\(role.rawValue)>")
        depth += 1
    }

    public func endTag(_ role: StructureRole) {
        depth -= 1
        lines.append(String(repeating: "  ", count: depth + 1) + "</\(role.rawValue)>")
    }

    public func link(_ rect: Rect, uri: String) {
        lines.append(String(repeating: "  ", count: depth + 1) + "link \(rect) \(uri)")
    }

    public func outline(title: String, level: Int, page: Int, y: Double) {
        lines.append(String(repeating: "  ", count: depth + 1) + "outline \(level) \"\(title)\" y=\(f(y))")
    }

    public func tagInfo(_ info: TagInfo) {
        var parts: [String] = []
        if let alt = info.alt { parts.append("alt \"\(alt)\"") }
        if let language = info.language { parts.append("lang \(language)") }
        lines.append(String(repeating: "  ", count: depth + 1) + parts.joined(separator: " "))
    }

    public func beginClip(_ rect: Rect) { lines.append(String(repeating: "  ", count: depth + 1) + "clip \(rect)") }
    public func endClip() { lines.append(String(repeating: "  ", count: depth + 1) + "end clip") }

    public func endPage() {}
    public func endDocument() throws {}

    private func f(_ value: Double) -> String { value.fixed(1) }
}
