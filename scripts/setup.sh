#!/usr/bin/env bash
# Installs everything osmand-account needs, idempotently. Seconds when all is present.
# Called by `make run` and `make test`; safe to run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

WBG=0.2.130        # == wasm-bindgen in Cargo.lock == Trunk.toml [tools].wasm_bindgen
BINARYEN=132.0.0   # npm binaryen; Trunk.toml [tools].wasm_opt = "version_132"
TRUNK=0.22.1       # built with the image's nightly (needs rustc >= 1.96.1)
TRUNK_FALLBACK=0.21.14

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

have_wasm_target() { rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }

# 1. wasm32 std: rustup's prebuilt target when it can be had, else Debian rustc-web + build-std.
have_wasm_target || timeout 180 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
# std's source, for release builds that rebuild std smaller (scripts/wasm-env.sh, WASM_RELEASE).
if have_wasm_target && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  log "rustup component add rust-src"
  timeout 180 rustup component add rust-src >/dev/null 2>&1 || log "no rust-src: release builds keep the prebuilt std"
fi

pkgs=()
command -v chromium     >/dev/null 2>&1 || pkgs+=(chromium)
command -v chromedriver >/dev/null 2>&1 || pkgs+=(chromium-driver)
command -v brotli       >/dev/null 2>&1 || pkgs+=(brotli)
command -v unzip        >/dev/null 2>&1 || pkgs+=(unzip)
command -v node         >/dev/null 2>&1 || pkgs+=(nodejs npm)
fc-list 2>/dev/null | grep -qi 'DejaVuSans' || pkgs+=(fonts-dejavu-core)
if ! have_wasm_target; then
  for p in rustc-web cargo-web rust-web-src lld; do dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p"); done
fi
if [ ${#pkgs[@]} -gt 0 ]; then
  log "apt-get install ${pkgs[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${pkgs[@]}" >/dev/null
fi
# Never install Debian's `binaryen`: its wasm-opt 108 corrupts wasm-bindgen output.
if ! have_wasm_target; then
  rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
  log "wasm32 std: Debian rustc-web with build-std"
fi

# 2. wasm-bindgen-cli at exactly the Cargo.lock version (--locked fails against this index).
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG" ]; then
  log "cargo install wasm-bindgen-cli $WBG (a few minutes)"
  cargo install --quiet wasm-bindgen-cli --version "=$WBG" --locked 2>/dev/null \
    || cargo install --quiet wasm-bindgen-cli --version "=$WBG"
fi

# 3. wasm-opt from npm binaryen into the git-ignored .tools/ (2 s, no C++ build).
want_opt="wasm-opt version ${BINARYEN%%.*} (version_${BINARYEN%%.*})"
if [ "$("$ROOT/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)" != "$want_opt" ]; then
  log "npm install binaryen@$BINARYEN into .tools/"
  npm install --silent --prefix "$ROOT/.tools" --no-audit --no-fund --no-save "binaryen@$BINARYEN" >/dev/null
fi

# 4. Trunk (0.22 via the image's nightly; else 0.21.14 on stable). ~20 min cold on 2 cores.
trunk_v="$(trunk --version 2>/dev/null || true)"
case "$trunk_v" in
  "trunk $TRUNK"|"trunk $TRUNK_FALLBACK") ;;
  *)
    if cargo +nightly --version >/dev/null 2>&1; then
      log "cargo +nightly install trunk $TRUNK (about 20 minutes on a fresh machine)"
      cargo +nightly install --quiet trunk --version "=$TRUNK" --locked \
        || cargo install --quiet trunk --version "=$TRUNK_FALLBACK" --locked
    else
      log "cargo install trunk $TRUNK_FALLBACK"
      cargo install --quiet trunk --version "=$TRUNK_FALLBACK" --locked
    fi ;;
esac

# 5. End-to-end npm packages (Playwright runner and axe; never download a browser).
if [ ! -f "$ROOT/end2end/node_modules/.install-stamp" ] \
   || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.install-stamp" ]; then
  log "npm ci in end2end/"
  ( cd "$ROOT/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund >/dev/null )
  touch "$ROOT/end2end/node_modules/.install-stamp"
fi

# 6. Crates for offline builds (Trunk passes --offline to cargo).
cargo fetch --quiet >/dev/null 2>&1 || cargo fetch
log "tools ready: $(wasm-bindgen --version), $(trunk --version), $("$ROOT/.tools/node_modules/.bin/wasm-opt" --version | cut -d' ' -f1-3), $(chromium --version 2>/dev/null | head -1)"
