#!/usr/bin/env bash
# Byte-identity harness for performance work: writes every report a change must not move,
# so that a build before and a build after can be compared byte for byte.
#   benches/identity.sh OUT            writes OUT/ with the current release build
#   benches/identity.sh --compare A B  exit 0 when A/ and B/ hold the same bytes
# OUT holds, under every built-in rubric: the JSON Lines reports of a generated corpus slice
# (ANSWERS answers, default 2,000, seed 1) and the JSON report and `grade analyze --format
# json` of every fixture. env: GRADE=path measures another build (its gen-corpus beside
# it if there is one); ANSWERS=N.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ${1:-} == --compare ]]; then
    [[ $# -eq 3 ]] || { echo "usage: $0 --compare A B" >&2; exit 2; }
    if diff -r -q "$2" "$3"; then
        echo "identical: $(find "$2" -type f | wc -l) files, $(du -sb "$2" | cut -f1) bytes"
    else
        echo "DIFFERENT (diff -r $2 $3)" >&2
        exit 1
    fi
    exit 0
fi
[[ $# -eq 1 ]] || { echo "usage: $0 OUT | $0 --compare A B" >&2; exit 2; }
OUT=$1
ANSWERS=${ANSWERS:-2000}

if [[ -z ${GRADE:-} ]]; then
    cargo build --release --quiet --bin grade --example gen-corpus
    GRADE=$PWD/target/release/grade
fi
# The corpus generator built beside GRADE, else this tree's.
GEN=$(dirname "$GRADE")/examples/gen-corpus
if [[ ! -x $GEN ]]; then
    cargo build --release --quiet --example gen-corpus
    GEN=target/release/examples/gen-corpus
fi
CORPUS=$OUT/.corpus
rm -rf "$OUT"
mkdir -p "$OUT"
"$GEN" "$CORPUS" "$ANSWERS" --seed 1 2>/dev/null

RUBRICS=$(sed -n 's/^[[:space:]]*("\([a-z-]*\)",.*/\1/p; s/^[[:space:]]*"\([a-z-]*\)",$/\1/p' src/rubric/builtin.rs)
[[ -n $RUBRICS ]] || { echo "no built-in rubric ids found in src/rubric/builtin.rs" >&2; exit 2; }
mapfile -t FIXTURES < <(find fixtures -type f \( -name '*.md' -o -name '*.txt' -o -name '*.srt' -o -name '*.vtt' \) | sort)

# Exit codes 1 (a bound) and 2 (a fixture that cannot be graded) are outputs like any other.
run() { local out=$1; shift; "$GRADE" "$@" >"$out" 2>"$out.err" || echo "exit $?" >>"$out.err"; }

for rubric in $RUBRICS; do
    # From inside OUT, so that the reports name the same relative paths whatever OUT is.
    (cd "$OUT" && run "corpus.$rubric.jsonl" .corpus --rubric "$rubric" --format jsonl -j 2)
    mkdir -p "$OUT/fixtures.$rubric"
    for f in "${FIXTURES[@]}"; do
        run "$OUT/fixtures.$rubric/${f//\//_}.json" "$f" --rubric "$rubric" --format json
    done
done
mkdir -p "$OUT/analyze"
for f in "${FIXTURES[@]}"; do
    run "$OUT/analyze/${f//\//_}.json" analyze "$f" --format json
done
rm -rf "$CORPUS"
echo "wrote $(find "$OUT" -type f | wc -l) files ($(du -sb "$OUT" | cut -f1) bytes) to $OUT"
