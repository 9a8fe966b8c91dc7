#!/usr/bin/env bash
# Makes docs/web-page.png, the README's picture of the nurse's page: starts `handouts serve`
# from the release build on a spare loopback port, photographs the page with headless
# Chromium at 1280x1000, and stops the server.
#   scripts/web-screenshot.sh [OUTPUT.png]        (needs chromium: apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/web-page.png}
bin=${HANDOUTS_BIN:-.build/release/handouts}
port=${PORT:-18181}
[[ -x $bin ]] || { echo "web-screenshot: no $bin — run scripts/build-release.sh and scripts/build-release.sh --product handouts-server" >&2; exit 1; }
command -v chromium >/dev/null || { echo "web-screenshot: needs chromium (apt-get install chromium)" >&2; exit 1; }
"$bin" serve --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1000 \
  --screenshot="$out" "http://127.0.0.1:$port/" 2>/dev/null
echo "wrote $out"
