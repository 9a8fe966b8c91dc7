#!/usr/bin/env bash
# The release build of the handouts program, as the quick start and the benchmarks make it:
#   --static-swift-stdlib   the Swift runtime and Foundation linked into the program: it
#                           runs on a machine without Swift, and starts without resolving
#                           thousands of symbols across six shared Swift libraries
#                           (whole-process render 41 -> 30 ms, peak memory 39 -> 35 MiB)
#   -Xlinker -no-pie        a fixed load address, so the linker has already applied the
#                           relocations a position-independent program applies at every
#                           start (a further 2-3 ms and 3 MiB)
# Extra arguments go to swift build (for example --package-path Benchmarks --product inprocess).
# The program is then .build/release/handouts.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[[ " ${args[*]} " == *" --product "* ]] || args+=(--product handouts)
exec swift build -c release --static-swift-stdlib -Xlinker -no-pie "${args[@]}"
