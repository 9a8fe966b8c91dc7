import CYaml

/// Where each scalar of a YAML text starts and ends, and how it is written. Yams keeps only
/// where a node starts; libyaml's own events (Yams's parser underneath) also say where it
/// ends, which is what replacing one value and not a byte more needs.
struct ScalarSpans {
    enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    /// Offsets in Unicode scalars from the start of the text (libyaml counts characters).
    struct Span: Sendable {
        let start: Int
        let end: Int
        let style: Style
    }

    /// 1-based line and column, as Yams's marks (and so `SourceLocation`) count them.
    struct Position: Hashable { let line: Int, column: Int }

    let spans: [Position: Span]

    /// The text must already have passed `YAMLFile.parse`; a failure here is reported as
    /// a YAML error at libyaml's mark.
    init(_ text: String, file: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw LoadError(file: file, problem: "cannot start the YAML parser (out of memory?)")
        }
        defer { yaml_parser_delete(&parser) }
        var found: [Position: Span] = [:]
        var failure: LoadError?
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    failure = LoadError(file: file, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                                        problem: "YAML syntax error: \(parser.problem.map { String(cString: $0) } ?? "unknown")",
                                        fix: "check the quotes and indentation here")
                    return
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_SCALAR_EVENT {
                    let style: Style
                    switch event.data.scalar.style {
                    case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                    case YAML_LITERAL_SCALAR_STYLE: style = .literal
                    case YAML_FOLDED_SCALAR_STYLE: style = .folded
                    default: style = .plain
                    }
                    let position = Position(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    found[position] = Span(start: Int(event.start_mark.index), end: Int(event.end_mark.index), style: style)
                }
                if event.type == YAML_STREAM_END_EVENT { return }
            }
        }
        if let failure { throw failure }
        spans = found
    }

    subscript(line: Int?, column: Int?) -> Span? {
        guard let line, let column else { return nil }
        return spans[Position(line: line, column: column)]
    }
}
