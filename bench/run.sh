#!/usr/bin/env bash
# Changes-list benchmark (app vs vanilla JS at 10k and 50k versions). Builds nothing itself unless
# asked: set BENCH_BUILD=1 to build the release bundle into $BENCH_DIST and the devserver first.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_DIST="${BENCH_DIST:-dist}"
if [ "${BENCH_BUILD:-0}" = 1 ]; then
  scripts/release.sh --dist "$BENCH_DIST"
  cargo build -p devserver
fi
exec node bench/changes.mjs
