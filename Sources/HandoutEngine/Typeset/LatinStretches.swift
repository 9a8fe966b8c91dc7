/// The stretches of Latin-script words inside text in another script: the sources line of
/// an Arabic sheet ("NHS: first days"), a unit's web address. Their f-ligatures (ﬁ ﬂ) are
/// the only glyphs of the Latin face outside Cairo's WinAnsi subset, so each sheet in a
/// ligature script embedded Noto Sans a second time for the one glyph ﬁ; set without them,
/// as Latin is everywhere else, the words read the same and the face is embedded once.
enum LatinStretches {
    /// UTF-8 byte ranges, each from the first to the last Latin letter of a run of Latin
    /// words: spaces, digits and ASCII punctuation between Latin words belong to it, and any
    /// other character beyond ASCII (another script's letter, a dash, a no-break space) ends
    /// it. A stretch never takes in the spaces at its edges, so the neighbouring script's
    /// runs are itemized exactly as before.
    static func ranges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0, start: Int?, end = 0
        for scalar in text.unicodeScalars {
            let length = UTF8.width(scalar)
            if isLatinLetter(scalar) {
                if start == nil { start = offset }
                end = offset + length
            } else if scalar.value >= 0x80 {
                if let first = start { ranges.append(first..<end) }
                start = nil
            }
            offset += length
        }
        if let first = start { ranges.append(first..<end) }
        return ranges
    }

    /// Basic Latin, Latin-1, Latin Extended-A and -B, and Latin Extended Additional letters.
    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0xC0...0x24F, 0x1E00...0x1EFF: scalar.value != 0xD7 && scalar.value != 0xF7
        default: false
        }
    }
}
