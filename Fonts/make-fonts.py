#!/usr/bin/env python3
"""Regenerates every font in Fonts/ from Debian's Noto packages.

Run it only to update the fonts (the results are committed; the program never reads
system fonts):

    apt-get install -y fonts-noto-core fonts-noto-cjk kanjidic
    pip install fonttools
    python3 Fonts/make-fonts.py            # every font
    python3 Fonts/make-fonts.py --only thai  # one group, the others untouched

What it makes, and why:
- Noto Sans (Latin, Greek, Cyrillic, Vietnamese), Noto Naskh Arabic and Noto Sans
  Devanagari: every glyph, static faces, hinting removed (print does not use it, and it
  makes the embedded subsets in each PDF smaller).
- Noto Sans CJK JP, SC and KR (regular and bold) subset to the characters of the shipped
  guides plus the common sets a translator or ward might add: kana and Joyo kanji with
  JIS X 0208 level 1 (Japanese), GB2312 level 1 (Simplified Chinese), KS X 1001 Hangul
  (Korean), and CJK punctuation and full-width forms. Whole CJK collections are 20 MB per
  weight; the subsets keep Fonts/ well under 40 MB.
- Noto Sans Symbols 2: only the marks the handouts print (✱); Noto Sans Math: only the
  minus sign (U+2212), which Noto Sans lacks.
- Noto Nastaliq Urdu (Urdu readers expect Nastaliq, not Naskh), Noto Sans Bengali, Noto Sans
  Gurmukhi (Panjabi) and Noto Sans Myanmar (Burmese, Unicode encoding, not Zawgyi): every
  glyph, static, no hinting. Debian's Nastaliq Bold says weight 400 in OS/2 (its style name
  and bold bits say Bold), so fontconfig would see two regular faces and bold Urdu could come
  out regular; the copy made here says 700.
- Thai: Noto Serif Thai. Thai children learn to read the looped forms (the small circles at
  the heads of letters), and readers of low literacy tell apart letters that differ only in a
  loop (ถ ภ, ค ด ต, บ ป, ผ ฝ) more easily with them; loopless Thai (Noto Sans Thai) is a
  display and signage style. Noto Serif Thai is looped and of low contrast, like the looped
  faces of Thai school books and official forms. Noto Looped Thai would be the sans-serif
  match, but Debian's (version 1.00) draws a tone mark on top of an upper vowel instead of
  above it, so the mark disappears (ที่ looks like ที; notofonts/noto-fonts issue 2005): a
  tone mark changes the word, so it is not safe for health text until a fixed static build
  is in Debian (Fonts/check-scripts.sh finds the overlap). Noto Serif Thai has no Latin letters or
  digits: those come from Noto Sans, which is first in every family list.
- Noto Sans CJK TC (Traditional Chinese) subset like the others: Big5 level 1 (the 5401
  common hanzi, Big5 0xA440-0xC67E), the same punctuation and full-width forms, and the
  characters of the guides. Hong Kong additions (HKSCS) are left out. Traditional hanzi have
  more strokes, so it is 3.2 MB per weight against 1.7 MB for SC.
Persian, Dari and Pashto use Noto Naskh Arabic and Nepali uses Noto Sans Devanagari; Noto
Sans covers Cyrillic and the Latin of Romanian, Turkish, Albanian, Somali, Tagalog and
Haitian Creole (Fonts/check-scripts.sh checks all of this).

Without arguments the script rebuilds every font. `--only NAME,...` rebuilds only the named
groups and leaves every other file alone (`--list` shows the groups and their files):

    python3 Fonts/make-fonts.py --only nastaliq,bengali,gurmukhi,myanmar,thai,cjk-tc

Use --only to add or update faces: PDFs are compared byte for byte with earlier ones, so a
font that is already committed must not change by accident. A full rebuild with fonttools
4.68.0 and Debian 12's fonts-noto-core 20201225-1 and fonts-noto-cjk 20220127 gives
byte-identical non-CJK files, but the JP, KR and SC subsets change whenever the guides' CJK
characters do: they were made when the guides still had 胃 and 찻 (since removed), so a full
rebuild now drops those two glyphs and changes all six files. Another fonttools may change
every file.
After editing a guide with characters outside these sets, `handouts check` names them;
run this script again (e.g. `--only cjk-tc`) to add them.
"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NOTO = "/usr/share/fonts/truetype/noto"
CJK = "/usr/share/fonts/opentype/noto"
KANJIDIC = "/usr/share/edict/kanjidic"


def need(path, package):
    if not os.path.exists(path):
        sys.exit(f"make-fonts: {path} is missing: apt-get install -y {package}")


def subset(source, output, unicodes=None, text_file=None, font_number=None, fix=None):
    args = ["pyftsubset", source, f"--output-file={os.path.join(HERE, output)}",
            "--layout-features=*", "--name-IDs=*", "--name-languages=*", "--no-hinting",
            "--notdef-outline", "--recommended-glyphs", "--desubroutinize"]
    if unicodes:
        args.append(f"--unicodes={unicodes}")
    if text_file:
        args.append(f"--text-file={text_file}")
    if font_number is not None:
        args.append(f"--font-number={font_number}")
    subprocess.run(args, check=True)
    if fix:
        from fontTools.ttLib import TTFont
        font = TTFont(os.path.join(HERE, output), recalcTimestamp=False)  # same bytes on every run
        fix(font)
        font.save(os.path.join(HERE, output))
    print(f"{output}: {os.path.getsize(os.path.join(HERE, output)) // 1024} KB")


def bold_weight(font):
    """Says weight 700 in OS/2, for a bold face whose source says 400."""
    font["OS/2"].usWeightClass = 700


def rows(codec, first, last):
    """The characters of rows first..last of a 94x94 EUC-encoded character set."""
    chars = []
    for row in range(first, last + 1):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row + 0xA0, cell]).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


def joyo():
    """Joyo kanji: kanjidic grades 1-6 (Kyoiku) and 8 (the rest of the Joyo list)."""
    with open(KANJIDIC, encoding="euc_jp", errors="ignore") as file:
        return [line[0] for line in file if any(f" G{g} " in line for g in "123456") or " G8 " in line]


def big5_level1():
    """The 5401 common hanzi of Big5 level 1, codes 0xA440-0xC67E."""
    chars = []
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            if 0xA440 <= (lead << 8 | trail) <= 0xC67E:
                try:
                    chars.append(bytes([lead, trail]).decode("big5"))
                except UnicodeDecodeError:
                    pass
    return chars


def guide_text():
    text = set()
    for path in glob.glob(os.path.join(ROOT, "Guide", "*.yaml")):
        with open(path, encoding="utf-8") as file:
            text.update(file.read())
    return text


def cjk(name, index, chars):
    """Noto Sans CJK face `index` of the collections, subset to `chars` and the guides' CJK."""
    def build():
        # Characters the guides use in CJK blocks go into every CJK face: a Chinese guide
        # may quote a kana-free term, a Japanese one a hanzi, and so on.
        wanted = set(chars()) | {c for c in guide_text() if ord(c) >= 0x2E80}
        text_file = os.path.join(HERE, f".chars-{name}.txt")
        with open(text_file, "w", encoding="utf-8") as file:
            file.write("".join(sorted(wanted)))
        for weight in ["Regular", "Bold"]:
            subset(f"{CJK}/NotoSansCJK-{weight}.ttc", f".NotoSansCJK{name}-{weight}.subset.otf",
                   text_file=text_file, font_number=index)
            to_truetype(f".NotoSansCJK{name}-{weight}.subset.otf", f"NotoSansCJK{name}-{weight}.subset.ttf")
        os.remove(text_file)
    return build, [f"NotoSansCJK{name}-{weight}.subset.ttf" for weight in ["Regular", "Bold"]]


def to_truetype(source, output):
    """The CFF outlines of `source` as TrueType (quadratic) outlines in `output`.

    Why: cairo 1.16's CFF subsetter leaks two small blocks for every PDF that embeds a CFF
    font (LeakSanitizer shows them under cairo_surface_finish), which a long-running web
    service would feel; its TrueType subsetter does not. Curves are converted within 1 unit
    of the 1000-unit em (invisible at any print size), as fontTools' otf2ttf does."""
    from fontTools.ttLib import TTFont, newTable
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    font = TTFont(os.path.join(HERE, source), recalcTimestamp=False)
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for table in ["CFF ", "VORG"]:
        if table in font:
            del font[table]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ["maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"]:
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: the PDF maps glyphs to text through its clusters
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(os.path.join(HERE, output))
    os.remove(os.path.join(HERE, source))
    print(f"{output}: {os.path.getsize(os.path.join(HERE, output)) // 1024} KB (TrueType outlines)")


def whole(family, styles=("Regular", "Bold"), fixes=None):
    """Every glyph of the static faces NOTO/<family>-<style>.ttf."""
    def build():
        for style in styles:
            subset(f"{NOTO}/{family}-{style}.ttf", f"{family}-{style}.ttf", unicodes="*",
                   fix=(fixes or {}).get(style))
    return build, [f"{family}-{style}.ttf" for style in styles]


def groups():
    common = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xA0, 0x100)]
    common += [chr(c) for c in range(0x2010, 0x2030)]            # dashes, quotes, bullets
    common += [chr(c) for c in range(0x3000, 0x3040)]            # CJK symbols and punctuation
    common += [chr(c) for c in range(0xFF01, 0xFF5F)]            # full-width forms
    kana = [chr(c) for c in range(0x3040, 0x3100)]              # hiragana, katakana

    def symbols():
        subset(f"{NOTO}/NotoSansSymbols2-Regular.ttf", "NotoSansSymbols2-Regular.subset.ttf", unicodes="U+2731")
        # The minus sign of "−18 °C": Noto Sans has none, and without it fontconfig takes it
        # from whichever script font it finds first (Devanagari, Bengali...).
        subset(f"{NOTO}/NotoSansMath-Regular.ttf", "NotoSansMath-Regular.subset.ttf", unicodes="U+2212")
    return {
        "sans": whole("NotoSans", ["Regular", "Bold", "Italic", "BoldItalic"]),
        "naskh": whole("NotoNaskhArabic"),
        "devanagari": whole("NotoSansDevanagari"),
        "symbols": (symbols, ["NotoSansSymbols2-Regular.subset.ttf", "NotoSansMath-Regular.subset.ttf"]),
        "cjk-jp": cjk("jp", 0, lambda: common + kana + joyo() + rows("euc_jp", 16, 47)),
        "cjk-kr": cjk("kr", 1, lambda: common + rows("euc_kr", 16, 40)),
        "cjk-sc": cjk("sc", 2, lambda: common + rows("gb2312", 16, 55)),
        "cjk-tc": cjk("tc", 3, lambda: common + big5_level1()),
        "nastaliq": whole("NotoNastaliqUrdu", fixes={"Bold": bold_weight}),
        "bengali": whole("NotoSansBengali"),
        "gurmukhi": whole("NotoSansGurmukhi"),
        "myanmar": whole("NotoSansMyanmar"),
        "thai": whole("NotoSerifThai"),
    }


def main():
    known = groups()
    parser = argparse.ArgumentParser(description="Regenerates the fonts in Fonts/ from Debian's Noto packages.")
    parser.add_argument("--only", metavar="NAME,...", help="rebuild only these groups, leave the other files alone")
    parser.add_argument("--list", action="store_true", help="list the groups and the files each makes")
    options = parser.parse_args()
    if options.list:
        for name, (_, outputs) in known.items():
            print(f"{name}: {' '.join(outputs)}")
        return
    chosen = list(known) if options.only is None else [n.strip() for n in options.only.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in known]
    if unknown or not chosen:
        sys.exit(f"make-fonts: unknown group {', '.join(unknown) or '(none given)'}; groups: {', '.join(known)}")

    needs = [(NOTO, "fonts-noto-core")]
    if any(n.startswith("cjk-") for n in chosen):
        needs.append((CJK, "fonts-noto-cjk"))
    if "cjk-jp" in chosen:
        needs.append((KANJIDIC, "kanjidic"))
    for path, package in needs:
        need(path, package)
    subprocess.run(["pyftsubset", "--help"], check=True, capture_output=True)

    if options.only is None:
        # A full rebuild starts from an empty folder, so a face dropped here leaves no file.
        for old in glob.glob(os.path.join(HERE, "*.ttf")) + glob.glob(os.path.join(HERE, "*.otf")):
            os.remove(old)
    for name in chosen:
        build, _ = known[name]
        build()

    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(HERE, "*.[ot]tf")))
    print(f"Fonts/: {total / 1024 / 1024:.1f} MB of fonts")


if __name__ == "__main__":
    main()
