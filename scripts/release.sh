#!/usr/bin/env bash
# The release build of the app into dist/ (extra trunk arguments, e.g. --dist, are passed on).
# Same as `scripts/wasm.sh trunk build --release`, plus the size settings of release builds
# (WASM_RELEASE=1 in scripts/wasm-env.sh: std rebuilt with panic=immediate-abort).
set -euo pipefail
cd "$(dirname "$0")/.."
export WASM_RELEASE=1
exec scripts/wasm.sh trunk build --release --skip-version-check "$@"
