#!/usr/bin/env bash
# Fuzzes each target for SECONDS (default 600), one after another, seeding the corpora from
# the project's own rubrics, fixtures and transcripts. Crashes land in artifacts/<target>/.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP lets the stable toolchain
# accept the sanitizer flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
mkdir -p corpus/load_rubric corpus/parse_document corpus/parse_transcript
cp ../rubrics/*.toml corpus/load_rubric/
for f in ../fixtures/*/*.md; do
  cp "$f" "corpus/parse_document/$(basename "$(dirname "$f")")-$(basename "$f")"
done
cp ../fixtures/transcripts/* corpus/parse_transcript/
for target in parse_document parse_transcript load_rubric; do
  echo "== $target for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 2>&1 | tail -n 4
done
