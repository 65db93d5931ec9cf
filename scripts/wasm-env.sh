# Sourced (in a subshell) before every wasm build: picks the wasm32 toolchain and puts the project's
# wasm-opt first on PATH. Host builds never see these variables, so they stay fast.
if [ "${WASM_TOOLCHAIN:-auto}" = auto ]; then
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then WASM_TOOLCHAIN=rustup
  else WASM_TOOLCHAIN=debian; fi
fi
export WASM_TOOLCHAIN
if [ "$WASM_TOOLCHAIN" = debian ]; then
  # Debian rustc-web + rust-web-src: build std for wasm32 ourselves (scripts/setup.sh links the toolchain).
  export RUSTUP_TOOLCHAIN=debian-web
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld
fi
# Release builds (scripts/release.sh) rebuild std with panic=immediate-abort: no panic message
# formatting in the bundle, ~7 % less brotli. The app never panics by design (clippy denies the
# shortcuts); if it did, it would stop as with panic=abort, only without a console message.
# Needs std's source (rustup's rust-src, or Debian's rust-web-src) and a rustc that knows the
# strategy, and std's own crates in the cargo cache (scripts/setup.sh fetches them; Trunk builds
# offline). Without any of these the release build never fails: it says why in one line and is
# the plain panic=abort one. Tests and the gallery never take this path (their panics must print).
_std_lib="$(rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library"
_std_skip=""
if [ "${WASM_RELEASE:-0}" = 1 ]; then
  if [ ! -f "$_std_lib/Cargo.lock" ]; then _std_skip="no std source (rustup component add rust-src)"
  elif ! RUSTC_BOOTSTRAP=1 rustc -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none \
        --target wasm32-unknown-unknown --print cfg >/dev/null 2>&1; then
    _std_skip="this rustc lacks -Cpanic=immediate-abort"
  elif ! RUSTC_BOOTSTRAP=1 cargo metadata --offline --locked --format-version 1 \
        --manifest-path "$_std_lib/Cargo.toml" >/dev/null 2>&1; then
    _std_skip="std's crates are not in the cargo cache (scripts/setup.sh fetches them)"
  fi
  [ -z "$_std_skip" ] || echo "[release] std is not rebuilt smaller: $_std_skip" >&2
fi
if [ "${WASM_RELEASE:-0}" = 1 ] && [ -z "$_std_skip" ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # Replaces .cargo/config.toml's target rustflags, so erase_components is repeated here.
  # -Zfmt-debug=none: `{:?}` prints nothing in release builds (no Debug code in the bundle,
  # ~1 % less brotli); the app never shows Debug text (tests and the gallery keep it).
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
fi
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case ":$PATH:" in *":$_root/.tools/node_modules/.bin:"*) ;; *) export PATH="$_root/.tools/node_modules/.bin:$PATH";; esac
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH";; esac
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
unset _root _std_lib _std_skip
