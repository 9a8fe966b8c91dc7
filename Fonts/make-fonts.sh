#!/usr/bin/env bash
# Regenerates the fonts in this folder from Debian's Noto packages. Run it only to update
# the fonts; the program never reads system fonts, and the results are committed.
#   apt-get install -y fonts-noto-core && pip install fonttools && Fonts/make-fonts.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
noto=/usr/share/fonts/truetype/noto
command -v pyftsubset >/dev/null || { echo "make-fonts: needs pyftsubset (pip install fonttools)" >&2; exit 1; }
[[ -d $noto ]] || { echo "make-fonts: needs Debian's fonts-noto-core ($noto)" >&2; exit 1; }

# Latin, Greek, Cyrillic, Vietnamese: Noto Sans, static faces, whole.
for style in Regular Bold Italic BoldItalic; do
  cp "$noto/NotoSans-$style.ttf" "$here/NotoSans-$style.ttf"
done

# Symbols: only the marks the handouts print (✱ urgent, ✓ ☐ ☎).
pyftsubset "$noto/NotoSansSymbols2-Regular.ttf" --unicodes="U+2731,U+2713,U+2610,U+260E" \
  --layout-features='*' --output-file="$here/NotoSansSymbols2-Regular.subset.ttf"

ls -l "$here"/*.ttf
