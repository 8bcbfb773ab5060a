#!/usr/bin/env bash
# grade against ripgrep on a generated corpus, and the issue's targets (issue 15):
#   1. grading ANSWERS files with all cores takes at most 2x `rg --count-matches -i -w -F`
#      with the 40 phrases of ../shared/bench/keywords.txt (timed in one run, alternating;
#      rg with the rubric's 459 phrase patterns is printed beside it);
#   2. two threads are at least 1.8x faster than one;
#   3. peak RSS for ANSWERS files is within 1.5x of that for 100;
#   4. one ~500-word answer graded as a whole process takes under 5 ms;
#   5. the analysis stage runs at 100 MB/s or more on one thread (stage-times, in process).
# Usage: benches/compare.sh   (env: ANSWERS=20000 ROUNDS=5 SEED=1, KEEP=1 keeps the corpus,
# GRADE=path measures another build)
# Needs: cargo, python3; rg and hyperfine (Debian: apt-get install ripgrep hyperfine);
# /usr/bin/time for memory. Parts whose tool is missing are skipped and say so.
set -euo pipefail
cd "$(dirname "$0")/.."

ANSWERS=${ANSWERS:-20000}
ROUNDS=${ROUNDS:-5}
SEED=${SEED:-1}
RUBRIC=product-pitch
CORES=$(nproc)

have() { command -v "$1" >/dev/null 2>&1; }
say() { printf '%s\n' "$*"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
verdict() { # verdict VALUE OP BOUND -> "met" or "NOT MET"
    python3 -c "import sys, operator as o; v, op, b = float(sys.argv[1]), sys.argv[2], float(sys.argv[3]); print('met' if {'<=': o.le, '>=': o.ge, '<': o.lt}[op](v, b) else 'NOT MET')" "$1" "$2" "$3"
}

say "== build (release)"
cargo build --release --quiet
cargo build --release --quiet --example gen-corpus --example stage-times
# GRADE may name another build of grade to measure instead.
GRADE=${GRADE:-$PWD/target/release/grade}
GEN=$PWD/target/release/examples/gen-corpus
STAGES=$PWD/target/release/examples/stage-times
KEYWORDS=${KEYWORDS:-$PWD/../shared/bench/keywords.txt}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/grade-compare.XXXXXX")
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$WORK"' EXIT; else say "keeping $WORK"; fi
BIG=$WORK/corpus-$ANSWERS
SMALL=$WORK/corpus-100

say "== corpus: $ANSWERS answers and 100 answers (seed $SEED)"
"$GEN" "$BIG" "$ANSWERS" --seed "$SEED"
"$GEN" "$SMALL" 100 --seed "$SEED"
BYTES=$(du -sb "$BIG" | cut -f1)
say "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $CORES cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The rubric's phrases as ripgrep patterns: every phrase list (not `match`, `units` or
# examples), regex-escaped; a trailing `*` (a stem) becomes `\w*`.
PATTERNS=$WORK/phrases.txt
python3 - "rubrics/$RUBRIC.toml" >"$PATTERNS" <<'PY'
import re, sys, tomllib
KEYS = {"phrases", "with", "near", "to", "of", "absent", "present", "steps", "topic"}
def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in KEYS:
                yield from strings(value)
            else:
                yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)
phrases = set()
with open(sys.argv[1], "rb") as f:
    for phrase in walk(tomllib.load(f)):
        phrase = phrase.strip()
        stem = phrase.endswith("*")
        body = re.sub(r"([\\.+*?()|\[\]{}^$#&~-])", r"\\\1", phrase.rstrip("*").strip())
        phrases.add(body + (r"\w*" if stem else ""))
print("\n".join(sorted(p for p in phrases if p)))
PY
say "rubric $RUBRIC: $(wc -l <"$PATTERNS") phrases for rg"

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {printf "%.0f\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }  # %.0f: mawk's %d stops at 2^31

# Alternates two commands ROUNDS times after a warm-up of each; prints "grade_s rg_s".
alternate() {
    local grade_cmd=$1 rg_cmd=$2 g=() r=() t
    bash -c "$grade_cmd" >/dev/null 2>&1 || true
    bash -c "$rg_cmd" >/dev/null 2>&1 || true
    for ((i = 0; i < ROUNDS; i++)); do
        t=$(now); bash -c "$grade_cmd" >/dev/null; g+=($(($(now) - t)))
        t=$(now); bash -c "$rg_cmd" >/dev/null || true; r+=($(($(now) - t)))
    done
    local gm rm
    gm=$(printf '%s\n' "${g[@]}" | median)
    rm=$(printf '%s\n' "${r[@]}" | median)
    python3 -c "import sys; print(f'{int(sys.argv[1]) / 1e9:.3f} {int(sys.argv[2]) / 1e9:.3f}')" "$gm" "$rm"
}

BATCH=no
if "$GRADE" "$SMALL" --rubric "$RUBRIC" --format jsonl -j 1 >/dev/null 2>&1; then
    BATCH=yes
fi

declare -A RESULT
if [[ $BATCH == yes ]] && have rg; then
    say "== $ANSWERS files ($((BYTES / 1000000)) MB): grade --format jsonl against rg --count-matches -i -w, $ROUNDS alternating rounds, medians"
    RG40=(rg --count-matches -i -w -F -f "$KEYWORDS")
    [[ -f $KEYWORDS ]] || { say "($KEYWORDS not found: the 40-phrase rg line uses the rubric's phrases)"; RG40=(rg --count-matches -i -w -f "$PATTERNS"); }
    read -r g1 r1 < <(alternate "'$GRADE' '$BIG' --rubric $RUBRIC --format jsonl -j 1" \
        "rg -j1 --count-matches -i -w -f '$PATTERNS' '$BIG'")
    read -r gn rn < <(alternate "'$GRADE' '$BIG' --rubric $RUBRIC --format jsonl -j $CORES" \
        "rg --count-matches -i -w -f '$PATTERNS' '$BIG'")
    read -r gk rk < <(alternate "'$GRADE' '$BIG' --rubric $RUBRIC --format jsonl -j $CORES" \
        "${RG40[*]@Q} '$BIG'")
    mbs() { python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]) / 1e6:.1f}')" "$BYTES" "$1"; }
    row() { printf '%-34s %9s %9s %11s %9s %7s\n' "$@"; }
    row "" "grade s" "rg s" "grade MB/s" "rg MB/s" ratio
    row "1 thread, rg: rubric's phrases" "$g1" "$r1" "$(mbs "$g1")" "$(mbs "$r1")" "$(ratio "$g1" "$r1")"
    row "$CORES threads, rg: rubric's phrases" "$gn" "$rn" "$(mbs "$gn")" "$(mbs "$rn")" "$(ratio "$gn" "$rn")"
    row "$CORES threads, rg: 40 phrases -F" "$gk" "$rk" "$(mbs "$gk")" "$(mbs "$rk")" "$(ratio "$gk" "$rk")"
    RESULT[rg]="grade/rg (40 phrases) with all cores: $(ratio "$gk" "$rk") (target <= 2.00; against the rubric's $(wc -l <"$PATTERNS") patterns $(ratio "$gn" "$rn")): $(verdict "$(ratio "$gk" "$rk")" '<=' 2)"
    RESULT[threads]="grade -j1 / -j$CORES: $(ratio "$g1" "$gn") (target >= 1.80): $(verdict "$(ratio "$g1" "$gn")" '>=' 1.8)"
    RESULT[rate]="one core grades $(python3 -c "import sys; print(f'{3600 * int(sys.argv[1]) / float(sys.argv[2]):,.0f}')" "$ANSWERS" "$g1") answers an hour at this rate"
elif [[ $BATCH == no ]]; then
    say "== batch mode (grade DIR --format jsonl -j N) is not in this build: skipping the rg and thread comparisons"
else
    say "== rg not found (apt-get install ripgrep): skipping the rg and thread comparisons"
fi

if [[ $BATCH == yes && -x /usr/bin/time ]]; then
    say "== peak memory (max RSS), all cores"
    rss() {
        /usr/bin/time -v "$GRADE" "$1" --rubric "$RUBRIC" --format jsonl 2>&1 >/dev/null |
            awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
    }
    big_kb=$(rss "$BIG")
    small_kb=$(rss "$SMALL")
    say "$ANSWERS files: $big_kb KiB; 100 files: $small_kb KiB"
    RESULT[rss]="RSS $ANSWERS / 100 files: $(ratio "$big_kb" "$small_kb") (target <= 1.50): $(verdict "$(ratio "$big_kb" "$small_kb")" '<=' 1.5)"
elif [[ $BATCH == yes ]]; then
    say "== /usr/bin/time not found (apt-get install time): skipping peak memory"
fi

# The Markdown answer whose word count is nearest 500.
ANSWER=$(python3 - "$BIG" <<'PY'
import pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).glob("*.md"))
print(min(files, key=lambda f: (abs(len(f.read_text().split()) - 500), f.name)))
PY
)
say "== one answer as a whole process: $(basename "$ANSWER"), $(wc -w <"$ANSWER") words"
if have hyperfine; then
    hyperfine -N --warmup 10 --runs 200 --export-json "$WORK/one.json" \
        "$GRADE $ANSWER --rubric $RUBRIC" "$GRADE $ANSWER --rubric $RUBRIC --format json" |
        grep -E 'Benchmark|Time|Range'
    read -r one_ms one_min < <(python3 -c "import json, sys; r = json.load(open(sys.argv[1]))['results'][0]; print(f\"{r['mean'] * 1e3:.2f} {r['min'] * 1e3:.2f}\")" "$WORK/one.json")
else
    say "(hyperfine not found: apt-get install hyperfine; timing 200 runs in a loop)"
    t=$(now)
    for ((i = 0; i < 200; i++)); do "$GRADE" "$ANSWER" --rubric "$RUBRIC" >/dev/null; done
    one_ms=$(python3 -c "import sys; print(f'{int(sys.argv[1]) / 200 / 1e6:.2f}')" "$(($(now) - t))")
    one_min=n/a
fi
RESULT[one]="one answer: $one_ms ms mean, $one_min ms min (target < 5 ms): $(verdict "$one_ms" '<' 5)"

say "== the analysis stage, one thread, in process (stage-times 2000)"
"$STAGES" 2000 "$RUBRIC" | tee "$WORK/stages.txt"
analysis_mbs=$(awk '$1 == "analyze:" {print $4}' "$WORK/stages.txt")
RESULT[analysis]="analysis: $analysis_mbs MB/s on one thread (target >= 100): $(verdict "$analysis_mbs" '>=' 100)"

say "== targets"
for key in rg threads rss one analysis rate; do
    if [[ -n "${RESULT[$key]:-}" ]]; then say "${RESULT[$key]}"; else say "$key: not measured (see above)"; fi
done
