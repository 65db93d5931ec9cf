#!/usr/bin/env bash
# `make gallery-static`: the designers' gallery as plain files that open from any static host or
# straight from a folder (file://), with no server and no build tools on the viewer's side.
# Output: dist-gallery-static/ (or $1). The wasm is embedded in a classic script, because
# browsers refuse ES modules and fetch() on file:// pages.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-dist-gallery-static}"
scripts/wasm.sh cargo build --quiet --bin gallery --features gallery --target wasm32-unknown-unknown
rm -rf "$OUT" && mkdir -p "$OUT"
scripts/wasm.sh wasm-bindgen --target no-modules --no-typescript --out-dir "$OUT" --out-name gallery \
  target/wasm32-unknown-unknown/debug/gallery.wasm
node scripts/gallery-pack.mjs "$OUT"
echo "static gallery: $OUT/index.html (open it from the folder, or copy the folder to any host)"
