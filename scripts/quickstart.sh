#!/usr/bin/env bash
# The README's first command: installs what Handouts needs, builds it (release) and renders
# every handout into ./handouts-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build-release.sh
.build/release/handouts render --all --out-dir handouts-out
echo "Done: the PDFs are in $(pwd)/handouts-out/ — the program is .build/release/handouts"
