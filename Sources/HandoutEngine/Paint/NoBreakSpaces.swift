import CPangoCairo

/// Cairo 1.16 embeds the characters of a face that are in the WinAnsi set in one subset and
/// all others in a second, and its WinAnsi test leaves out U+00A0 NO-BREAK SPACE
/// (cairo-unicode.c). A sheet whose only such character in a face is the no-break space of
/// "4 °C" embedded that face twice, the second time for one blank glyph (the English fact
/// sheet's bold, the Arabic sheet's Noto Sans). Drawn as the face's own space, with the text
/// " ", the glyph joins the first subset: the page looks the same (both glyphs are blank, and
/// every glyph is placed by its position, not by its advance), Cairo subsets one font less
/// and the file is smaller. Text copied from the PDF has a plain space there.
enum NoBreakSpaces {
    /// Rewrites, in place, each cluster of one no-break space drawn as one blank glyph into a
    /// space: text, cluster and glyph. `isBlank` says whether a glyph has no ink; `space`
    /// gives the face's glyph for U+0020 (asked only for a run that has a no-break space).
    /// Clusters map to glyphs from the end when `backward`.
    static func drawAsSpaces(text utf8: inout [UInt8], clusters: inout [cairo_text_cluster_t], glyphs: inout [cairo_glyph_t],
                             backward: Bool, space spaceGlyph: () -> UInt32?, isBlank: (UInt32) -> Bool) {
        guard utf8.count > 1, zip(utf8, utf8.dropFirst()).contains(where: { $0 == 0xC2 && $1 == 0xA0 }),
              let space = spaceGlyph() else { return }
        var text: [UInt8] = []
        text.reserveCapacity(utf8.count)
        var newClusters = clusters
        var byte = 0, glyph = backward ? glyphs.count : 0
        for (index, cluster) in clusters.enumerated() {
            let bytes = Int(cluster.num_bytes), count = Int(cluster.num_glyphs)
            let first = backward ? glyph - count : glyph
            // A cluster list that does not cover the text and glyphs exactly is left alone.
            guard bytes >= 0, count >= 0, byte + bytes <= utf8.count, first >= 0, first + count <= glyphs.count else { return }
            if bytes == 2, count == 1, utf8[byte] == 0xC2, utf8[byte + 1] == 0xA0, isBlank(UInt32(glyphs[first].index)) {
                text.append(0x20)
                newClusters[index].num_bytes = 1
                glyphs[first].index = UInt(space)
            } else {
                text.append(contentsOf: utf8[byte..<byte + bytes])
            }
            byte += bytes
            glyph = backward ? glyph - count : glyph + count
        }
        guard byte == utf8.count else { return }
        utf8 = text
        clusters = newClusters
    }
}
