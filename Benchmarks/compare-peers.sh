#!/usr/bin/env bash
# Times our fact sheet (colostrum-facts, A4, en, ar and ja) against the Typst and WeasyPrint
# renders of shared/peers, on this machine, in one run. The peers have no Japanese sheet:
# Benchmarks/peers/handout-ja.typ is theirs in Japanese, for Typst only, set in the Noto Sans
# CJK JP that we ship (Fonts/), which Typst is given as a font folder.
#
#   whole process   median wall and CPU time and peak RSS of RUNS counted runs after one
#                   warm-up; the commands alternate run by run (and start at a different one
#                   each run), so a noisy neighbour hits every engine alike
#   in process      docs/s for 50 renders with a changing input: the peers' `-n 50 --vary`
#                   and our Benchmarks/Sources/inprocess (a different unit name each render);
#                   median of 3
#   output          PDF bytes and the words on each page (pdftotext | wc -w), to show that the
#                   documents compared are alike
#
# usage: Benchmarks/compare-peers.sh [RUNS]        (RUNS: counted runs, default 11)
# env:   PEERS=DIR        the peers folder (default: ../shared/peers beside the repository)
#        PEERS_VENV=DIR   a venv that already has typst==0.15.2 and weasyprint==70.0
#                         (default: a new one in the temporary folder, filled from PyPI)
# needs: swift, python3 with venv and pip, /usr/bin/time, poppler-utils, fonts-noto-core
#        (apt-get install -y time poppler-utils fonts-noto-core)
set -euo pipefail

runs=${1:-11}
repo=$(cd "$(dirname "$0")/.." && pwd)
peers=${PEERS:-$repo/../shared/peers}
[[ -f $peers/typst_render.py ]] || { echo "no peers folder at $peers: set PEERS=DIR" >&2; exit 64; }
for tool in /usr/bin/time pdftotext pdfinfo python3 swift; do
    command -v "$tool" >/dev/null || { echo "missing $tool (see the header of $0)" >&2; exit 69; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/compare-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pdf" "$tmp/res"

say() { printf '%s\n' "$*" >&2; }

# --- Build ours, set up the peers --------------------------------------------------------
say "building ours (scripts/build-release.sh) ..."
"$repo/scripts/build-release.sh" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 70; }
"$repo/scripts/build-release.sh" --package-path Benchmarks --product inprocess >"$tmp/build.log" 2>&1 ||
    { cat "$tmp/build.log" >&2; exit 70; }
handouts=$repo/.build/release/handouts
inprocess=$repo/Benchmarks/.build/release/inprocess

cp -r "$peers" "$tmp/peers"
chmod -R u+w "$tmp/peers"      # the shared folder may be read-only
cp "$repo/Benchmarks/peers/handout-ja.typ" "$tmp/peers/"
mkdir -p "$tmp/peers/fonts-ja" && cp "$repo"/Fonts/NotoSansCJKjp-*.ttf "$tmp/peers/fonts-ja/"
# typst_render.py learns "ja": its source, and the font folder for it alone (given to en and
# ar too, it would add to their start-up).
sed -i -e 's|"ar": "handout-ar.typ"}|"ar": "handout-ar.typ", "ja": "handout-ja.typ"}|' \
       -e 's|root=HERE)|root=HERE, font_paths=[str(HERE / "fonts-ja")] if args.variant == "ja" else [])|' \
    "$tmp/peers/typst_render.py"
grep -q '"ja": "handout-ja.typ"' "$tmp/peers/typst_render.py" && grep -q 'fonts-ja' "$tmp/peers/typst_render.py" ||
    { say "the peers' typst_render.py has changed: cannot add the Japanese row"; exit 70; }
if [[ -n ${PEERS_VENV:-} ]]; then
    py=$PEERS_VENV/bin/python
else
    say "making a venv with typst==0.15.2 weasyprint==70.0 ..."
    python3 -m venv "$tmp/peers/.venv"
    "$tmp/peers/.venv/bin/pip" install -q --disable-pip-version-check typst==0.15.2 weasyprint==70.0 >&2
    py=$tmp/peers/.venv/bin/python
fi

# --- The whole-process commands, by label -------------------------------------------------
# Ours runs from the repository root (so it reads Guide/, Layouts/, Fonts/ there), as the
# README's `handouts render` does; each writes its PDF into $tmp/pdf/LABEL/. `env -C` changes
# folder and execs, so no extra shell is timed.
labels=(typst-en typst-ar typst-ja weasy-en weasy-ar ours-en ours-ar ours-ja)
set_command() {  # label -> cmd=(...)
    case $1 in
        typst-*) cmd=(env -C "$tmp/peers" "$py" typst_render.py "${1#typst-}" -o "$tmp/pdf/$1/$1.pdf") ;;
        weasy-*) cmd=(env -C "$tmp/peers" "$py" weasy_render.py "${1#weasy-}" -o "$tmp/pdf/$1/$1.pdf") ;;
        ours-*)  cmd=(env -C "$repo" "$handouts" render colostrum-facts --lang "${1#ours-}" --out-dir "$tmp/pdf/$1") ;;
        floor)   cmd=(/bin/true) ;;
    esac
}

# One timed run: wall, user and system time to the millisecond from bash's `time`, peak RSS
# from /usr/bin/time -f %M (KiB). bash's figures include the /usr/bin/time wrapper, about
# 1 ms; the `floor` row (/bin/true, run the same way) shows how much.
time_once() {  # label command...
    local label=$1; shift
    local TIMEFORMAT='%3R %3U %3S'
    { time /usr/bin/time -f %M -o "$tmp/rss" "$@" >"$tmp/out" 2>&1; } 2>"$tmp/t" ||
        { say "$label failed:"; cat "$tmp/out" >&2; exit 70; }
    read -r wall user sys <"$tmp/t"
    echo "$wall" >>"$tmp/res/$label.wall"
    awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f\n", u + s }' >>"$tmp/res/$label.cpu"
    tail -1 "$tmp/rss" >>"$tmp/res/$label.rss"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

say "whole process: 1 warm-up + $runs counted runs of each, alternating ..."
all=("${labels[@]}" floor)
for ((run = 0; run <= runs; run++)); do
    for ((k = 0; k < ${#all[@]}; k++)); do
        label=${all[(run + k) % ${#all[@]}]}
        mkdir -p "$tmp/pdf/$label"
        set_command "$label"
        time_once "$label" "${cmd[@]}"
    done
    if ((run == 0)); then rm -f "$tmp"/res/*; fi     # the warm-up is not counted
done

# --- In process: 50 renders with a changing input, median of 3 --------------------------
say "in process: 50 renders with changing input, 3 times each ..."
rate() {  # label -> docs/s of one 50-render run
    local out
    case $1 in
        typst-*) out=$(cd "$tmp/peers" && "$py" typst_render.py "${1#typst-}" -n 50 --vary -o "$tmp/x.pdf") ;;
        weasy-*) out=$(cd "$tmp/peers" && "$py" weasy_render.py "${1#weasy-}" -n 50 --vary -o "$tmp/x.pdf") ;;
        ours-*)  out=$("$inprocess" -n 50 "${1#ours-}") ;;
    esac
    sed -E 's/.*= ([0-9.]+) docs\/s.*/\1/' <<<"$out"
}
for pass in 1 2 3; do
    for label in "${labels[@]}"; do rate "$label" >>"$tmp/res/$label.rate"; done
done

# --- Report -------------------------------------------------------------------------------
words_per_page() {  # pdf -> "w1 w2 ..."
    local pages p list=""
    pages=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    for ((p = 1; p <= pages; p++)); do list+="$(pdftotext -q -f "$p" -l "$p" "$1" - | wc -w) "; done
    echo "${list% }"
}
pdf_of() { ls "$tmp/pdf/$1"/*.pdf | head -1; }

version() { "$py" -c "import importlib.metadata as m; print(m.version('$1'))"; }
ours="not a git checkout"
if commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null); then
    ours=$commit; git -C "$repo" diff --quiet HEAD -- || ours+=" with uncommitted changes"
fi
echo "Fact sheet, A4 (en, ar; ja with Typst only): Typst $(version typst), WeasyPrint $(version weasyprint), ours $ours"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end;" \
     "whole process: median of $runs runs after 1 warm-up; in process: median of 3 x 50 renders"
# Typst reads every system font at start-up (ours reads only Fonts/), so its whole-process
# time grows with what is installed here: say how much that is.
fonts=$(find /usr/share/fonts /usr/local/share/fonts -type f \( -name '*.tt[fc]' -o -name '*.otf' -o -name '*.otc' -o -name '*.pf[ab]' \) 2>/dev/null | wc -l)
echo "system fonts Typst scans at start: $fonts files ($(du -sch /usr/share/fonts 2>/dev/null | tail -1 | cut -f1))"
echo
fmt='%-9s %9s %9s %9s %10s %10s %8s  %s\n'
printf "$fmt" engine wall_ms cpu_ms rss_MiB docs/s ms/doc pdf_B words/page
for label in "${labels[@]}"; do
    wall=$(median "$tmp/res/$label.wall"); cpu=$(median "$tmp/res/$label.cpu")
    rss=$(median "$tmp/res/$label.rss"); rate=$(median "$tmp/res/$label.rate")
    pdf=$(pdf_of "$label"); bytes=$(stat -c %s "$pdf")
    awk -v l="$label" -v w="$wall" -v c="$cpu" -v r="$rss" -v d="$rate" -v b="$bytes" -v p="$(words_per_page "$pdf")" -v f="$fmt" \
        'BEGIN { printf f, l, sprintf("%.0f", w * 1000), sprintf("%.0f", c * 1000), sprintf("%.1f", r / 1024), sprintf("%.1f", d), sprintf("%.2f", 1000 / d), b, p }'
    printf '%s %s %s %s %s %s\n' "$label" "$wall" "$cpu" "$rss" "$rate" "$bytes" >>"$tmp/res/summary"
done
awk -v w="$(median "$tmp/res/floor.wall")" -v c="$(median "$tmp/res/floor.cpu")" -v r="$(median "$tmp/res/floor.rss")" -v f="$fmt" \
    'BEGIN { printf f, "floor", sprintf("%.0f", w * 1000), sprintf("%.0f", c * 1000), sprintf("%.1f", r / 1024), "-", "-", "-", "(/bin/true under the same timing)" }'

echo
echo "ours / theirs (below 1: ours is smaller or faster; in process compares ms/doc)"
printf '%-16s %8s %8s %8s %8s %8s\n' "" wall cpu rss ms/doc pdf_B
for lang in en ar ja; do
    for peer in typst weasy; do
        [[ $lang == ja && $peer == weasy ]] && continue     # no WeasyPrint source in Japanese
        awk -v lang="$lang" -v peer="$peer" '
            { row[$1] = $0 }
            END {
                split(row["ours-" lang], o, " "); split(row[peer "-" lang], t, " ")
                printf "%-16s %8.2f %8.2f %8.2f %8.2f %8.2f\n", "ours/" peer " " lang,
                    o[2] / t[2], o[3] / t[3], o[4] / t[4], t[5] / o[5], o[6] / t[6]
            }' "$tmp/res/summary"
    done
done
echo
echo "Each whole-process run writes one PDF; Typst's is tagged by default, WeasyPrint's is not, ours is."
