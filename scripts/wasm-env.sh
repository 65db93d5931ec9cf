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
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case ":$PATH:" in *":$_root/.tools/node_modules/.bin:"*) ;; *) export PATH="$_root/.tools/node_modules/.bin:$PATH";; esac
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH";; esac
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
unset _root
