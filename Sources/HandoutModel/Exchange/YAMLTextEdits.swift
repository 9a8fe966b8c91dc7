/// Changes to a YAML file's text that leave every other character as it was, comments and
/// spacing included: a scalar's value replaced where it is written, a line inserted after
/// another. Collected first and applied together, so a check of the result that fails
/// throws all of them away.
struct YAMLTextEdits {
    struct Edit {
        let start: Int
        let end: Int
        let replacement: String
        /// Who asked for it (a PO entry's index), to name it when the result does not load.
        let tag: Int?
    }

    let file: String
    private let scalars: [Unicode.Scalar]
    private let spans: ScalarSpans
    private(set) var edits: [Edit] = []

    init(text: String, file: String) throws {
        self.file = file
        scalars = Array(text.unicodeScalars)
        spans = try ScalarSpans(text, file: file)
    }

    var isEmpty: Bool { edits.isEmpty }

    /// Replaces the scalar that starts at `line`:`column` (a node's or a Prose's location)
    /// with `value`, in its own style where that style can hold the value, else quoted.
    mutating func replaceScalar(line: Int?, column: Int?, with value: String, tag: Int?) throws {
        guard let span = spans[line, column] else {
            throw LoadError(file: file, line: line, column: column, problem: "no YAML value starts here to replace",
                            fix: "edit this text in the file by hand")
        }
        var end = span.end
        var replacement: String?
        switch span.style {
        case .plain:
            replacement = YAMLScalarWriter.plain(value)
        case .singleQuoted:
            replacement = YAMLScalarWriter.singleQuoted(value)
        case .doubleQuoted:
            break
        case .literal, .folded:
            // The scalar runs to its last written character; the line breaks and
            // indentation after it belong to what follows.
            while end > span.start, scalars[end - 1].properties.isWhitespace { end -= 1 }
            if span.style == .folded, let layout = foldedLayout(span) {
                replacement = YAMLScalarWriter.folded(value, indent: layout.indent, width: layout.width)
            }
        }
        edits.append(Edit(start: span.start, end: end, replacement: replacement ?? YAMLScalarWriter.doubleQuoted(value), tag: tag))
    }

    /// Inserts `line` (without its line break) as a new line after the line on which the
    /// scalar at `line`:`column` ends.
    mutating func insertLine(_ text: String, afterScalarAt line: Int?, column: Int?) throws {
        guard let span = spans[line, column] else {
            throw LoadError(file: file, line: line, column: column, problem: "no YAML value starts here", fix: "edit the file by hand")
        }
        var offset = span.end
        while offset < scalars.count, scalars[offset] != "\n" { offset += 1 }
        if offset < scalars.count {
            edits.append(Edit(start: offset + 1, end: offset + 1, replacement: text + "\n", tag: nil))
        } else {
            edits.append(Edit(start: offset, end: offset, replacement: "\n" + text, tag: nil))
        }
    }

    /// The edited text, and for each tagged edit the lines (1-based) its new text covers.
    func applied() -> (text: String, lines: [Int: ClosedRange<Int>]) {
        var out = String.UnicodeScalarView()
        var lines: [Int: ClosedRange<Int>] = [:]
        var line = 1
        var position = 0
        func copy(upTo end: Int) {
            while position < end {
                let scalar = scalars[position]
                if scalar == "\n" { line += 1 }
                out.append(scalar)
                position += 1
            }
        }
        for edit in edits.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            copy(upTo: edit.start)
            let first = line
            for scalar in edit.replacement.unicodeScalars {
                if scalar == "\n" { line += 1 }
                out.append(scalar)
            }
            if let tag = edit.tag { lines[tag] = first...line }
            position = max(position, edit.end)
        }
        copy(upTo: scalars.count)
        return (String(out), lines)
    }

    /// A folded block's indentation and line width as written, if its header is plain
    /// `>-` (no explicit indentation or other chomping, which a rewrite would have to match).
    private func foldedLayout(_ span: ScalarSpans.Span) -> (indent: Int, width: Int)? {
        guard span.start + 2 <= scalars.count, scalars[span.start] == ">", scalars[span.start + 1] == "-" else { return nil }
        var offset = span.start + 2
        while offset < span.end, scalars[offset] == " " { offset += 1 }
        guard offset < span.end, scalars[offset] == "\n" else { return nil }
        var indent: Int?
        var width = 80
        var lineStart = offset + 1
        while lineStart < span.end {
            var lineEnd = lineStart
            while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
            let spaces = scalars[lineStart..<lineEnd].prefix { $0 == " " }.count
            if spaces < lineEnd - lineStart {
                indent = indent ?? spaces
                width = max(width, lineEnd - lineStart)
            }
            lineStart = lineEnd + 1
        }
        return indent.map { ($0, width) }
    }
}
