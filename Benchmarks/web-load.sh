#!/usr/bin/env bash
# A load benchmark of the ward's web page (not a test): wrk against the release build on
# loopback, for a cached PDF (the same link every time) and an uncached one (the unit, and
# so the cache key, changes on every request; every unit is a real profile, so every answer
# is a valid PDF). Prints requests per second, p50/p99 latency and errors from wrk, the
# time from start to the first /healthz answer, and resident memory (the server and its
# helper processes) after the runs.
#
#   Benchmarks/web-load.sh                  # builds the release programs first
#   SKIP_BUILD=1 DURATION=20s CONNECTIONS=8 Benchmarks/web-load.sh
#   SKIP_BUILD=1 BIN_DIR=elsewhere/release Benchmarks/web-load.sh    # programs built elsewhere
#
# Needs wrk and curl (apt-get install wrk curl). Traffic goes to 127.0.0.1 only, and each
# run stops by itself after DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "web-load: needs wrk (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "web-load: needs curl (apt-get install curl)" >&2; exit 1; }
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  scripts/build-release.sh >/dev/null
  scripts/build-release.sh --product handouts-server >/dev/null
fi
bin=${BIN_DIR:-.build/release}
port=${PORT:-18080}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-8}
units=${UNITS:-4000}
work=$(mktemp -d /tmp/handouts-web-load.XXXXXX)
server=""
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Unit profiles u0001 ... (GB, so the handouts carry a real country and numbers).
mkdir "$work/units"
for i in $(seq -f "%04g" 1 "$units"); do
  printf 'unit: Benchmark Unit %s\ncountry: GB\nphones:\n  ward: "020 7946 0321"\n  infant_feeding: "020 7946 0322"\n' "$i" \
    > "$work/units/u$i.yaml"
done

start=$(date +%s%N)
"$bin/handouts" serve --port "$port" --units "$work/units" >"$work/server.log" 2>&1 &
server=$!
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.005
done
echo "start-up to the first /healthz answer: $(( ($(date +%s%N) - start) / 1000000 )) ms"

# Resident memory of the server and of its helper processes, in MiB.
memory() {
  local self helpers=0 pid
  self=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
  for pid in $(pgrep -P "$server" || true); do
    helpers=$(( helpers + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") ))
  done
  echo "resident memory $1: server $(( self / 1024 )) MiB, helpers $(( helpers / 1024 )) MiB"
}

cached="/handouts/colostrum-facts.pdf?lang=en&unit=u0001"
curl -fs -o /dev/null "http://127.0.0.1:$port$cached"
memory "before the runs"

echo
echo "== cached: GET $cached, $connections connections, $duration"
wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$cached"
memory "after the cached run"

# Each wrk thread has its own Lua state: thread n asks for units n+1, n+1+threads, …
cat >"$work/uncached.lua" <<LUA
local threads = {}
local count = 0
function setup(thread)
  thread:set("id", count)
  count = count + 1
end
function init(args)
  n = id
end
function request()
  n = n + 2
  local unit = (n % $units) + 1
  return wrk.format("GET", string.format("/handouts/colostrum-facts.pdf?lang=en&unit=u%04d", unit))
end
LUA
echo
echo "== uncached: the unit changes on every request (up to $units units), $connections connections, $duration"
wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/uncached.lua" "http://127.0.0.1:$port/"
memory "after the uncached run"
echo
curl -fs "http://127.0.0.1:$port/healthz"
echo
