#!/usr/bin/env bash
# grade as a Spark map stage, for real: PySpark in local[2] pipes 2,020 records (20 bad) in
# 4 partitions through `grade --stdin-jsonl` (tests/distributed/spark_job.py says what it
# checks). Installs Java (Debian) and PySpark (a virtual environment in the user's cache)
# when missing. Exits non-zero naming the failed check. Run from anywhere; .ci/run runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."

# 4.x runs on Java 17 and 21; pinned so that a new release cannot change the test.
PYSPARK_VERSION=4.3.0
venv="${GRADE_SPARK_VENV:-${XDG_CACHE_HOME:-${HOME:-$PWD/target}/.cache}/grade/pyspark-$PYSPARK_VERSION}"
started=$SECONDS

fail() {
    echo "spark.sh: FAIL: $*" >&2
    exit 1
}

if ! command -v java >/dev/null; then
    echo "spark.sh: installing Java (openjdk-17-jre-headless)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq \
        && apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless; } \
        || fail "java is missing and apt-get could not install openjdk-17-jre-headless"
fi
java -version >/dev/null 2>&1 || fail "java is on PATH but does not run"

installed="import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')"
if ! "$venv/bin/python" -c "$installed" 2>/dev/null; then
    echo "spark.sh: installing pyspark==$PYSPARK_VERSION into $venv"
    rm -rf "$venv"
    { python3 -m venv "$venv" \
        && "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"; } \
        || fail "could not install pyspark==$PYSPARK_VERSION into $venv"
fi

# A debug build: cargo test has just built it in CI, and it grades the 2,020 records in seconds.
cargo build --quiet || fail "cargo build failed"
target=$(cargo metadata --format-version 1 --no-deps \
    | "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
binary="$target/debug/grade"
[ -x "$binary" ] || fail "no binary at $binary"

# Spark's workers run this Python too; a local-only Spark; no __pycache__ in the tree.
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
export SPARK_LOCAL_IP=127.0.0.1 PYTHONDONTWRITEBYTECODE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
job=tests/distributed/spark_job.py
if ! "$venv/bin/python" "$job" "$binary" "$PWD/fixtures" 2>"$log"; then
    tail -n 40 "$log" >&2
    fail "the Spark job failed (last lines of its log above)"
fi
echo "spark.sh: $((SECONDS - started)) s in all (installs, build, Spark start-up and jobs)"
