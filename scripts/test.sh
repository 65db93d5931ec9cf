#!/usr/bin/env bash
# `make test`: fmt, clippy, native tests, wasm-bindgen tests in headless Chromium, then the
# Playwright suite against a release build served by the devserver. Every step runs even if an
# earlier one failed; the last line is the total: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
LOGDIR="$ROOT/target/test-logs"
mkdir -p "$LOGDIR"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

PASSED=0
FAILED=0
STEPS_FAILED=()
T0=$SECONDS

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
fail_step() { FAILED=$((FAILED + 1)); STEPS_FAILED+=("$1"); printf '\033[1;31m!! %s failed\033[0m\n' "$1"; }

# Adds the counts of cargo's "test result:" lines in $1; a run with no such line counts as failed.
count_cargo() {
  local log="$1" name="$2" rc="$3" p f
  p=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1/' | awk '{s+=$1} END {print s+0}')
  f=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\2/' | awk '{s+=$1} END {print s+0}')
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail_step "$name"; elif [ "$f" -gt 0 ]; then STEPS_FAILED+=("$name"); fi
  echo "$name: $p passed, $f failed ($((SECONDS - STEP_T0)) s)"
}

step "cargo fmt --check"
STEP_T0=$SECONDS
cargo fmt --all -- --check || fail_step "fmt"

step "cargo clippy (host, all targets)"
cargo clippy --workspace --all-targets --quiet -- -D warnings || fail_step "clippy"

step "cargo clippy (wasm32: app, gallery, api)"
scripts/wasm.sh cargo clippy -p osmand-account -p osmand-api --target wasm32-unknown-unknown \
  --all-targets --features osmand-account/gallery --quiet -- -D warnings || fail_step "clippy-wasm"

step "native tests (all crates)"
STEP_T0=$SECONDS
cargo test --workspace --features osmand-account/gallery 2>&1 | tee "$LOGDIR/native.log"
count_cargo "$LOGDIR/native.log" "native tests" "${PIPESTATUS[0]}"

step "wasm-bindgen tests in headless Chromium"
STEP_T0=$SECONDS
scripts/wasm.sh cargo test -p osmand-account -p osmand-api --target wasm32-unknown-unknown \
  --test web --test browser 2>&1 | tee "$LOGDIR/wasm.log"
count_cargo "$LOGDIR/wasm.log" "wasm tests" "${PIPESTATUS[0]}"

step "release build, gallery build (trunk) and devserver"
STEP_T0=$SECONDS
if scripts/release.sh >"$LOGDIR/trunk.log" 2>&1 \
   && scripts/wasm.sh trunk build gallery.html --dist dist-gallery --public-url /gallery/ \
        --skip-version-check >>"$LOGDIR/trunk.log" 2>&1 \
   && scripts/gallery-static.sh dist-gallery-static >>"$LOGDIR/trunk.log" 2>&1 \
   && cargo build -p devserver --quiet; then
  echo "built in $((SECONDS - STEP_T0)) s"
  step "Playwright end-to-end"
  STEP_T0=$SECONDS
  ( cd end2end && PLAYWRIGHT_JSON_OUTPUT_NAME="$LOGDIR/e2e.json" npx playwright test --reporter=list,json )
  rc=$?
  if [ -s "$LOGDIR/e2e.json" ]; then
    read -r p f < <(node -e 'const s=require(process.argv[1]).stats; console.log((s.expected+s.flaky)+" "+s.unexpected)' "$LOGDIR/e2e.json")
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
    [ "$f" -gt 0 ] && STEPS_FAILED+=("e2e")
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && fail_step "e2e"
    echo "e2e: $p passed, $f failed ($((SECONDS - STEP_T0)) s)"
  else
    fail_step "e2e"
  fi
else
  tail -30 "$LOGDIR/trunk.log"
  fail_step "release build"
fi

echo
if [[ " ${STEPS_FAILED[*]} " == *" e2e "* ]] && [ -s "$LOGDIR/e2e.json" ]; then
  echo "end-to-end failures:"; node scripts/e2e-failures.mjs "$LOGDIR/e2e.json"
fi
echo "make test took $((SECONDS - T0)) s"
if [ ${#STEPS_FAILED[@]} -gt 0 ]; then echo "failed steps: ${STEPS_FAILED[*]}"; fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
