#!/usr/bin/env bash
# Prints the release bundle's transfer sizes: raw, gzip -9 and brotli -q 11, per kind and in total.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${1:-dist}"
[ -d "$DIST" ] || { echo "no $DIST/ — run: make build" >&2; exit 1; }
printf '%-6s %12s %12s %12s\n' kind raw gzip brotli
tr=0; tg=0; tb=0
for kind in wasm js css; do
  r=0; g=0; b=0
  while IFS= read -r -d '' f; do
    r=$((r + $(stat -c %s "$f")))
    g=$((g + $(gzip -9 -c "$f" | wc -c)))
    b=$((b + $(brotli -q 11 -c "$f" | wc -c)))
  done < <(find "$DIST" -maxdepth 1 -name "*.$kind" -print0)
  printf '%-6s %12d %12d %12d\n' "$kind" "$r" "$g" "$b"
  tr=$((tr + r)); tg=$((tg + g)); tb=$((tb + b))
done
printf '%-6s %12d %12d %12d\n' total "$tr" "$tg" "$tb"
# The budget is read the strict way: 250 KB = 250 000 bytes (KiB shown too).
awk -v b="$tb" 'BEGIN { printf "brotli total: %d B = %.1f KB = %.1f KiB (budget 250 KB = 250000 B: %.3fx)\n", b, b / 1000, b / 1024, b / 250000 }'
