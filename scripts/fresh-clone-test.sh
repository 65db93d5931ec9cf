#!/usr/bin/env bash
# What a newcomer gets: `make test` (and, with --run, `make run`) in a fresh clone of the
# committed HEAD with an empty cargo home. Installed tools stay on PATH (~/.cargo/bin), but no
# crate is cached, so a build path that needs crates setup did not fetch fails here as it would
# on a fresh machine. Takes about as long as a cold `make test` (half an hour on 2 cores).
#
#   scripts/fresh-clone-test.sh [--run] [--keep]
#     --run   also start `make run` on a free port and check that the account page is served
#     --keep  keep the clone and the cargo home (their paths are printed)
set -uo pipefail
cd "$(dirname "$0")/.."
RUN=0; KEEP=0
for a in "$@"; do
  case "$a" in
    --run) RUN=1 ;;
    --keep) KEEP=1 ;;
    *) echo "usage: $0 [--run] [--keep]" >&2; exit 2 ;;
  esac
done
[ -z "$(git status --porcelain --untracked-files=no)" ] \
  || echo "[fresh] note: uncommitted changes are not part of the clone"
WORK="$(mktemp -d /tmp/osmand-fresh.XXXXXX)"
export CARGO_HOME="$WORK/cargo-home"
mkdir -p "$CARGO_HOME"
export PATH="$HOME/.cargo/bin:$PATH"
cleanup() { [ "$KEEP" = 1 ] && echo "[fresh] kept $WORK" || rm -rf "$WORK"; }
trap cleanup EXIT

git clone --quiet "$PWD" "$WORK/clone" || exit 1
cd "$WORK/clone"
echo "[fresh] clone of $(git rev-parse --short HEAD) in $WORK/clone, CARGO_HOME=$CARGO_HOME (empty)"
T0=$SECONDS
make test
rc=$?
echo "[fresh] make test exited $rc after $((SECONDS - T0)) s"

if [ "$RUN" = 1 ] && [ "$rc" = 0 ]; then
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  make run PORT="$port" >"$WORK/run.log" 2>&1 &
  pid=$!
  ok=0
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$port/map/account/" 2>/dev/null | grep -q '<body'; then ok=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  pkill -P "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  if [ "$ok" = 1 ]; then echo "[fresh] make run served /map/account/ on :$port"
  else echo "[fresh] make run did not serve /map/account/"; tail -20 "$WORK/run.log"; rc=1; fi
fi
exit "$rc"
