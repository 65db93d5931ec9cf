#!/usr/bin/env bash
# Runs a command with the wasm toolchain environment: scripts/wasm.sh trunk build --release
set -euo pipefail
. "$(dirname "$0")/wasm-env.sh"
exec "$@"
