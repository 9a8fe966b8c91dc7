#!/usr/bin/env python3
"""Contact sheets of rendered pages for docs/: small PNGs side by side, each captioned, so a
reviewer can look at every page of a set at once (the README links them).

    pip install pillow
    python3 scripts/contact-sheets.py            # uses .build/release/handouts, else .build/debug

Also the README's pictures (page 1 of each handout, branded, Arabic, Japanese, the 2-up sheet).
Writes docs/a5-and-large-print.png (every A5 and large-print page of the three sheets, in
English) and docs/first-week-page1-every-language.png (page 1 of the checklist on A4 in every
shipped language). Needs pdftoppm (poppler-utils).
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def program() -> str:
    if os.environ.get("HANDOUTS_BIN"):  # a build elsewhere, or the debug build when release is stale
        return os.environ["HANDOUTS_BIN"]
    for build in ("release", "debug"):
        candidate = ROOT / ".build" / build / "handouts"
        if candidate.exists():
            return str(candidate)
    sys.exit("contact-sheets: build the program first (scripts/build-release.sh)")


def render(work: Path, arguments: list[str]) -> Path:
    pdf = work / ("-".join(a.strip("-") for a in arguments) + ".pdf")
    subprocess.run([program(), "render", *arguments, "--root", str(ROOT), "-o", str(pdf)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return pdf


def pages(pdf: Path, dpi: int, first: int | None = None, last: int | None = None) -> list[Image.Image]:
    prefix = pdf.with_suffix("")
    command = ["pdftoppm", "-r", str(dpi), "-png"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    subprocess.run(command + [str(pdf), str(prefix)], check=True)
    files = sorted(pdf.parent.glob(prefix.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    images = [Image.open(f).convert("RGB") for f in files]
    for f in files:
        f.unlink()
    return images


def sheet(tiles: list[tuple[str, Image.Image]], columns: int, out: Path) -> None:
    font = ImageFont.load_default()
    width = max(t.width for _, t in tiles) + 8
    height = max(t.height for _, t in tiles) + 22
    rows = (len(tiles) + columns - 1) // columns
    canvas = Image.new("RGB", (columns * width, rows * height), "#d8d8d8")
    draw = ImageDraw.Draw(canvas)
    for index, (caption, tile) in enumerate(tiles):
        x, y = (index % columns) * width + 4, (index // columns) * height + 4
        canvas.paste(tile, (x, y))
        draw.text((x, y + tile.height + 3), caption, fill="black", font=font)
    canvas.save(out, optimize=True)
    print(f"wrote {out.relative_to(ROOT)}: {len(tiles)} pages, {out.stat().st_size // 1024} KB")


def readme_pictures(work: Path) -> None:
    site = str(DOCS / "site.example.yaml")
    for name, arguments, dpi, page in (
        ("colostrum-facts-en-a4", ["colostrum-facts", "--country", "GB"], 40, 1),
        ("first-week-en-a4", ["first-week", "--country", "GB"], 40, 1),
        ("first-week-en-a4-p2", ["first-week", "--country", "GB"], 50, 2),
        ("alternatives-card-en-a6", ["alternatives-card", "--country", "GB"], 60, 1),
        ("alternatives-card-en-a6-back", ["alternatives-card", "--country", "GB"], 60, 4),
        ("colostrum-facts-en-a4-branded", ["colostrum-facts", "--site", site], 40, 1),
        ("first-week-ar-a4", ["first-week", "--lang", "ar", "--country", "GB"], 40, 1),
        ("colostrum-facts-ja-a4", ["colostrum-facts", "--lang", "ja", "--country", "JP", "--paper", "a4"], 40, 1),
        ("alternatives-card-en-2up-a4", ["alternatives-card", "--n-up", "2", "--sheet", "a4", "--country", "GB"], 40, 1),
    ):
        image = pages(render(work, arguments), dpi, page, page)[0]
        image.save(DOCS / f"{name}.png", optimize=True)
        print(f"wrote docs/{name}.png")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        readme_pictures(work)
        tiles = []
        for handout in ("colostrum-facts", "first-week"):
            for arguments, label in (([handout, "--paper", "a5"], "A5"), ([handout, "--large-print"], "large print")):
                for number, page in enumerate(pages(render(work, arguments + ["--country", "GB"]), 24), 1):
                    tiles.append((f"{handout} {label} p{number}", page))
        for number, page in enumerate(pages(render(work, ["alternatives-card", "--large-print", "--country", "GB"]), 24), 1):
            tiles.append((f"card large print p{number}", page))
        sheet(tiles, 8, DOCS / "a5-and-large-print.png")

        languages = subprocess.run([program(), "list", "--root", str(ROOT)], check=True, capture_output=True, text=True).stdout
        tags = []
        in_languages = False
        for line in languages.splitlines():
            if line.startswith("Languages"):
                in_languages = True
            elif in_languages and line.startswith("  "):
                tags.append(line.split()[0])
            elif in_languages:
                break
        tiles = []
        for tag in tags:
            pdf = render(work, ["first-week", "--lang", tag, "--paper", "a4"])
            tiles.append((tag, pages(pdf, 20, 1, 1)[0]))
        sheet(tiles, 9, DOCS / "first-week-page1-every-language.png")


if __name__ == "__main__":
    main()
