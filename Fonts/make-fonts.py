#!/usr/bin/env python3
"""Regenerates every font in Fonts/ from Debian's Noto packages.

Run it only to update the fonts (the results are committed; the program never reads
system fonts):

    apt-get install -y fonts-noto-core fonts-noto-cjk kanjidic
    pip install fonttools
    python3 Fonts/make-fonts.py

What it makes, and why:
- Noto Sans (Latin, Greek, Cyrillic, Vietnamese), Noto Naskh Arabic and Noto Sans
  Devanagari: every glyph, static faces, hinting removed (print does not use it, and it
  makes the embedded subsets in each PDF smaller).
- Noto Sans CJK JP, SC and KR (regular and bold) subset to the characters of the shipped
  guides plus the common sets a translator or ward might add: kana and Joyo kanji with
  JIS X 0208 level 1 (Japanese), GB2312 level 1 (Simplified Chinese), KS X 1001 Hangul
  (Korean), and CJK punctuation and full-width forms. Whole CJK collections are 20 MB per
  weight; the subsets keep Fonts/ well under 40 MB.
- Noto Sans Symbols 2: only the marks the handouts print (✱).
After editing a guide with characters outside these sets, `handouts check` names them;
run this script again to add them.
"""
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


def subset(source, output, unicodes=None, text_file=None, font_number=None):
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
    print(f"{output}: {os.path.getsize(os.path.join(HERE, output)) // 1024} KB")


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


def guide_text():
    text = set()
    for path in glob.glob(os.path.join(ROOT, "Guide", "*.yaml")):
        with open(path, encoding="utf-8") as file:
            text.update(file.read())
    return text


def main():
    for path, package in [(NOTO, "fonts-noto-core"), (CJK, "fonts-noto-cjk"), (KANJIDIC, "kanjidic")]:
        need(path, package)
    subprocess.run(["pyftsubset", "--help"], check=True, capture_output=True)

    for old in glob.glob(os.path.join(HERE, "*.ttf")) + glob.glob(os.path.join(HERE, "*.otf")):
        os.remove(old)

    for style in ["Regular", "Bold", "Italic", "BoldItalic"]:
        subset(f"{NOTO}/NotoSans-{style}.ttf", f"NotoSans-{style}.ttf", unicodes="*")
    for style in ["Regular", "Bold"]:
        subset(f"{NOTO}/NotoNaskhArabic-{style}.ttf", f"NotoNaskhArabic-{style}.ttf", unicodes="*")
        subset(f"{NOTO}/NotoSansDevanagari-{style}.ttf", f"NotoSansDevanagari-{style}.ttf", unicodes="*")
    subset(f"{NOTO}/NotoSansSymbols2-Regular.ttf", "NotoSansSymbols2-Regular.subset.ttf", unicodes="U+2731")

    common = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xA0, 0x100)]
    common += [chr(c) for c in range(0x2010, 0x2030)]            # dashes, quotes, bullets
    common += [chr(c) for c in range(0x3000, 0x3040)]            # CJK symbols and punctuation
    common += [chr(c) for c in range(0xFF01, 0xFF5F)]            # full-width forms
    kana = [chr(c) for c in range(0x3040, 0x3100)]              # hiragana, katakana
    sets = {
        "jp": (0, set(common + kana + joyo() + rows("euc_jp", 16, 47))),
        "kr": (1, set(common + rows("euc_kr", 16, 40))),
        "sc": (2, set(common + rows("gb2312", 16, 55))),
    }
    used = guide_text()
    for name, (index, chars) in sets.items():
        # Characters the guides use in CJK blocks go into every CJK face: a Chinese guide
        # may quote a kana-free term, a Japanese one a hanzi, and so on.
        chars |= {c for c in used if ord(c) >= 0x2E80}
        text_file = os.path.join(HERE, f".chars-{name}.txt")
        with open(text_file, "w", encoding="utf-8") as file:
            file.write("".join(sorted(chars)))
        for weight in ["Regular", "Bold"]:
            subset(f"{CJK}/NotoSansCJK-{weight}.ttc", f"NotoSansCJK{name}-{weight}.subset.otf",
                   text_file=text_file, font_number=index)
        os.remove(text_file)

    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(HERE, "*.[ot]tf")))
    print(f"Fonts/: {total / 1024 / 1024:.1f} MB of fonts")


if __name__ == "__main__":
    main()
