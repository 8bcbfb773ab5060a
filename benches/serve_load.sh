#!/usr/bin/env bash
# Requests per second and p50/p99 latency of `grade serve`'s POST /api/grade for a
# ~500-word answer (made from the shipped product-pitch fixtures), with wrk on 127.0.0.1:
# one connection (a person typing), then CONNECTIONS at once (a class at one server).
# Usage: benches/serve_load.sh   (env: DURATION=10s CONNECTIONS=64 PORT=18787,
# GRADE=path measures another build)
# Needs: cargo, python3, wrk (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18787}
say() { printf '%s\n' "$*"; }

if ! command -v wrk >/dev/null; then
    say "== installing wrk"
    apt-get install -y -q wrk >/dev/null
fi

say "== build (release)"
cargo build --release --quiet
GRADE=${GRADE:-$PWD/target/release/grade}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/grade-serve-load.XXXXXX")
SERVER=
cleanup() {
    [[ -n "$SERVER" ]] && kill -INT "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# The body: the product-pitch fixtures one after another, cut to 500 words.
python3 - "$WORK/body.json" <<'PY'
import glob, json, sys
words = []
for path in sorted(glob.glob("fixtures/product-pitch/*.md")):
    words += open(path, encoding="utf-8").read().split()
text = " ".join(words[:500])
json.dump({"text": text, "rubric": "product-pitch"}, open(sys.argv[1], "w"))
PY
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open("$WORK/body.json", "rb")
wrk.body = file:read("*a")
file:close()
LUA

"$GRADE" serve --port "$PORT" > "$WORK/server.out" 2>&1 &
SERVER=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/server.out" && break; sleep 0.05; done
URL="http://127.0.0.1:$PORT/api/grade"
STATUS=$(python3 -c "
import sys, urllib.request
request = urllib.request.Request(sys.argv[1], data=open(sys.argv[2], 'rb').read(), method='POST')
print(urllib.request.urlopen(request).status)" "$URL" "$WORK/body.json")
[[ "$STATUS" == 200 ]] || { say "POST /api/grade answered $STATUS"; exit 1; }

run() { # run CONNECTIONS: wrk's figures for that many connections at once
    local connections=$1 threads=$(( $1 < 2 ? 1 : 2 ))
    local out
    out=$(wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$WORK/post.lua" "$URL")
    if grep -q "Non-2xx" <<<"$out"; then say "$out"; say "some responses were not 200"; exit 1; fi
    local rps p50 p99
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-12s %10s %10s %10s\n' "$connections" "$rps" "$p50" "$p99"
}

say "== POST /api/grade, 500 words, $DURATION per row, $(nproc) cores"
printf '%-12s %10s %10s %10s\n' connections req/s p50 p99
run 1
run "$CONNECTIONS"
