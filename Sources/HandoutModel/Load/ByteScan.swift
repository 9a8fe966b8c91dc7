/// One pass over a YAML file's bytes, before parsing, for what must be refused or looked for:
/// control characters, brackets nested too deep, and whether anchors are possible at all.
/// Bytes, not characters: every byte it looks for is ASCII, and ASCII bytes never occur
/// inside a multi-byte UTF-8 sequence (the text is already known to be valid UTF-8).
struct ByteScan {
    /// The first C0 control (other than tab, newline, carriage return) or DEL: line, column
    /// (in characters) and the character.
    private(set) var forbiddenCharacter: (line: Int, column: Int, scalar: Unicode.Scalar)?

    /// Where `[` / `{` nesting first passes `YAMLFile.maximumFlowDepth`, outside quotes and
    /// comments: the YAML parser's time grows with nesting × size (a 2 MB file of 999-deep
    /// brackets took 6 s), and no handout file nests more than three.
    private(set) var deepNesting: (line: Int, depth: Int)?

    /// False when the file has no `&` or `*` at all, so no anchor or alias: the node tree
    /// then need not be walked to look for them.
    private(set) var mayHaveAnchors = false

    init(of bytes: UnsafeRawBufferPointer) {
        var line = 1, column = 1, depth = 0
        var quote: UInt8?  // inside '…' or "…"
        var escaped = false, comment = false, previous: UInt8 = 10
        for byte in bytes {
            defer { previous = byte }
            if byte & 0xC0 != 0x80 { column += 1 }  // a character starts here
            if byte == 10 {
                line += 1; column = 1; comment = false
                if quote == 39 { quote = nil }
                continue
            }
            if forbiddenCharacter == nil, (byte < 0x20 && byte != 9 && byte != 13) || byte == 0x7F {
                forbiddenCharacter = (line, column - 1, Unicode.Scalar(byte))
            }
            if byte == 38 || byte == 42 { mayHaveAnchors = true }  // & *
            if comment || deepNesting != nil { continue }
            if let open = quote {
                if open == 34 && byte == 92 && !escaped { escaped = true; continue }
                if byte == open && !escaped { quote = nil }
                escaped = false
                continue
            }
            switch byte {
            case 35 where previous == 32 || previous == 9 || previous == 10: comment = true  // #
            case 34, 39: quote = byte
            case 91, 123:  // [ {
                depth += 1
                if depth > YAMLFile.maximumFlowDepth { deepNesting = (line, depth) }
            case 93, 125: depth = max(0, depth - 1)
            default: break
            }
        }
    }
}
