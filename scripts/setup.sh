#!/usr/bin/env bash
# Installs everything osmand-account needs, idempotently. Seconds when all is present.
# Called by `make run` and `make test`; safe to run by hand.
#
# Every step says what it does and, when it is slow, about how long it takes on a fresh 2-core
# machine. A step that fails names what is missing and the command that fixes it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

WBG=0.2.130        # == wasm-bindgen in Cargo.lock == Trunk.toml [tools].wasm_bindgen
BINARYEN=132.0.0   # npm binaryen; Trunk.toml [tools].wasm_opt = "version_132"
TRUNK=0.22.1       # built with the image's nightly (needs rustc >= 1.96.1)
TRUNK_FALLBACK=0.21.14

T0=$SECONDS
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
# die WHAT FIX: the one-line reason setup stopped, and what to run about it.
die() {
  printf '\033[1;31m[setup] missing: %s\033[0m\n' "$1" >&2
  printf '\033[1;31m[setup] fix:     %s\033[0m\n' "$2" >&2
  exit 1
}
# step WHAT FIX CMD...: runs CMD; on failure, stops with WHAT and FIX.
step() {
  local what="$1" fix="$2"; shift 2
  "$@" || die "$what" "$fix"
}
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 \
  || die "Rust (cargo and rustup)" "install rustup from your distribution or rustup.rs, then run make again"

have_wasm_target() { rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }

# 1. wasm32 std: rustup's prebuilt target when it can be had, else Debian rustc-web + build-std.
if ! have_wasm_target; then
  log "rustup target add wasm32-unknown-unknown (seconds to a minute)"
  timeout 180 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
    || log "no rustup wasm32 target: falling back to Debian's rustc-web with build-std"
fi
# std's source, for release builds that rebuild std smaller (scripts/wasm-env.sh, WASM_RELEASE).
if have_wasm_target && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  log "rustup component add rust-src (seconds)"
  timeout 180 rustup component add rust-src >/dev/null 2>&1 \
    || log "no rust-src: release builds keep the prebuilt std (a slightly larger bundle)"
fi

pkgs=()
command -v chromium     >/dev/null 2>&1 || pkgs+=(chromium)
command -v chromedriver >/dev/null 2>&1 || pkgs+=(chromium-driver)
command -v brotli       >/dev/null 2>&1 || pkgs+=(brotli)
command -v unzip        >/dev/null 2>&1 || pkgs+=(unzip)
command -v git          >/dev/null 2>&1 || pkgs+=(git)
command -v cc           >/dev/null 2>&1 || pkgs+=(gcc libc6-dev)
command -v node         >/dev/null 2>&1 || pkgs+=(nodejs npm)
command -v npm          >/dev/null 2>&1 || pkgs+=(npm)
fc-list 2>/dev/null | grep -qi 'DejaVuSans' || pkgs+=(fonts-dejavu-core)
if ! have_wasm_target; then
  for p in rustc-web cargo-web rust-web-src lld; do dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p"); done
fi
if [ ${#pkgs[@]} -gt 0 ]; then
  log "apt-get install ${pkgs[*]} (one to three minutes)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  step "the package lists (apt-get update)" "$SUDO apt-get update" $SUDO apt-get update -q >/dev/null
  step "Debian packages: ${pkgs[*]}" \
    "$SUDO apt-get install --no-install-recommends ${pkgs[*]}" \
    env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${pkgs[@]}" >/dev/null
fi
# Never install Debian's `binaryen`: its wasm-opt 108 corrupts wasm-bindgen output.
if ! have_wasm_target; then
  rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
  log "wasm32 std: Debian rustc-web with build-std"
fi

# 2. wasm-bindgen-cli at exactly the Cargo.lock version (--locked fails against this index).
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG" ]; then
  log "cargo install wasm-bindgen-cli $WBG (about 3 minutes on a fresh machine)"
  cargo install --quiet wasm-bindgen-cli --version "=$WBG" --locked 2>/dev/null \
    || step "wasm-bindgen-cli $WBG" "cargo install wasm-bindgen-cli --version =$WBG" \
         cargo install --quiet wasm-bindgen-cli --version "=$WBG"
fi

# 3. wasm-opt from npm binaryen into the git-ignored .tools/ (2 s, no C++ build).
want_opt="wasm-opt version ${BINARYEN%%.*} (version_${BINARYEN%%.*})"
if [ "$("$ROOT/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)" != "$want_opt" ]; then
  log "npm install binaryen@$BINARYEN into .tools/ (seconds)"
  step "wasm-opt (npm binaryen@$BINARYEN)" "npm install --prefix .tools --no-save binaryen@$BINARYEN" \
    npm install --silent --prefix "$ROOT/.tools" --no-audit --no-fund --no-save "binaryen@$BINARYEN" >/dev/null
fi

# 4. Trunk (0.22 via the image's nightly; else 0.21.14 on stable), the slow step. Its default
#    features stay: trunk 0.22 refuses to build without a TLS backend (compile_error), and the
#    only other one, native-tls, needs OpenSSL's headers from apt for a small saving.
trunk_v="$(trunk --version 2>/dev/null || true)"
case "$trunk_v" in
  "trunk $TRUNK"|"trunk $TRUNK_FALLBACK") ;;
  *)
    trunk_fix="cargo +nightly install trunk --version =$TRUNK --locked"
    if cargo +nightly --version >/dev/null 2>&1; then
      log "cargo +nightly install trunk $TRUNK (about 20 minutes on a fresh 2-core machine: the slow step)"
      cargo +nightly install --quiet trunk --version "=$TRUNK" --locked \
        || step "Trunk ($TRUNK or $TRUNK_FALLBACK)" "$trunk_fix" \
             cargo install --quiet trunk --version "=$TRUNK_FALLBACK" --locked
    else
      log "cargo install trunk $TRUNK_FALLBACK (about 20 minutes on a fresh 2-core machine: the slow step)"
      step "Trunk $TRUNK_FALLBACK" \
        "cargo install trunk --version =$TRUNK_FALLBACK --locked" \
        cargo install --quiet trunk --version "=$TRUNK_FALLBACK" --locked
    fi ;;
esac

# 5. End-to-end npm packages (Playwright runner and axe; never download a browser).
if [ ! -f "$ROOT/end2end/node_modules/.install-stamp" ] \
   || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.install-stamp" ]; then
  log "npm ci in end2end/ (under a minute)"
  ( cd "$ROOT/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund >/dev/null ) \
    || die "the Playwright packages (end2end/node_modules)" "cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci"
  touch "$ROOT/end2end/node_modules/.install-stamp"
fi

# 6. Crates for offline builds (Trunk passes --offline to cargo): the workspace's, and std's own
#    (library/Cargo.lock) for the builds that rebuild std (-Zbuild-std, scripts/wasm-env.sh).
#    Seconds when cached, a minute or two of downloads into an empty cargo home.
log "cargo fetch: the workspace's crates"
cargo fetch --quiet >/dev/null 2>&1 \
  || step "the workspace's crates (cargo fetch)" "cargo fetch" cargo fetch
# The wasm toolchain's sysroot (Debian's rustc-web on the build-std path).
std_lib="$( (. scripts/wasm-env.sh; rustc --print sysroot) 2>/dev/null)/lib/rustlib/src/rust/library"
if [ -f "$std_lib/Cargo.lock" ]; then
  log "cargo fetch: std's crates (for the release build's rebuilt std)"
  if ! ( . scripts/wasm-env.sh
         RUSTC_BOOTSTRAP=1 cargo fetch --quiet --locked --manifest-path "$std_lib/Cargo.toml" ) >/dev/null 2>&1; then
    if have_wasm_target; then
      # Only a size optimisation depends on it: the release build falls back (scripts/wasm-env.sh).
      log "could not fetch std's crates: release builds keep the prebuilt std" \
          "(retry: RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path $std_lib/Cargo.toml)"
    else
      die "std's crates for build-std (Debian rustc-web path)" \
          "RUSTC_BOOTSTRAP=1 RUSTUP_TOOLCHAIN=debian-web cargo fetch --locked --manifest-path $std_lib/Cargo.toml"
    fi
  fi
fi
log "tools ready in $((SECONDS - T0)) s: $(wasm-bindgen --version), $(trunk --version), $("$ROOT/.tools/node_modules/.bin/wasm-opt" --version | cut -d' ' -f1-3), $(chromium --version 2>/dev/null | head -1)"
