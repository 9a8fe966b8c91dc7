#!/usr/bin/env bash
# Builds the loader fuzzer with libFuzzer and AddressSanitizer, then runs it.
#   Fuzz/run.sh [SECONDS] [extra libFuzzer options...]     (default 60 seconds)
#   Fuzz/run.sh repro FILE...                              (run single inputs, e.g. Fuzz/crashes/*)
# New interesting inputs go to Fuzz/corpus-generated/ (git-ignored); the committed seeds
# in Fuzz/corpus/ are only read. Crashes, hangs and leaks are written to Fuzz/findings/
# (git-ignored); copy the ones worth keeping to Fuzz/crashes/.
set -euo pipefail
caller="$PWD"
cd "$(dirname "$0")"

# `--sanitize=fuzzer` rather than `-Xswiftc -sanitize=fuzzer,address`: SwiftPM links an
# executable target with `--defsym main=<Module>_main`, a symbol that `-parse-as-library`
# never emits, so the -Xswiftc form fails to link. The SwiftPM flags also instrument the
# vendored C libyaml inside Yams.
swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library >&2
binary="$(swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library --show-bin-path)/FuzzLoaders"

# The Swift runtime's own crash backtracer reads the stack in a way ASan reports as a
# stack-buffer-underflow, hiding the real failure: leave crash reports to ASan and libFuzzer.
export SWIFT_BACKTRACE=enable=no
mkdir -p corpus-generated findings
if [[ "${1:-}" == "repro" ]]; then
    shift
    cd "$caller"
    exec "$binary" -rss_limit_mb=2048 -timeout=10 "$@"
fi
seconds="${1:-60}"
shift || true
exec "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix=findings/ -dict=yaml.dict -print_final_stats=1 "$@" corpus-generated corpus
