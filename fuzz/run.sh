#!/usr/bin/env bash
# Fuzzes each target (or the targets named after SECONDS) for SECONDS (default 600), one
# after another, seeding the corpora from the project's own rubrics, fixtures and
# transcripts. Crashes land in artifacts/<target>/.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP lets the stable toolchain
# accept the sanitizer flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
# Naming targets lets two runs share the cores: `run.sh 600 a b & run.sh 600 c d e`.
targets=("${@:-parse_document parse_transcript load_rubric grade_request lsp_session}")
# Seeds are written to a folder of this run's own and renamed into the corpora: two runs
# started together would otherwise race to create the same files (`cp: File exists`), and
# a rename replaces a file atomically.
mkdir -p corpus
seed="$(mktemp -d corpus/.seed.XXXXXX)"
trap 'rm -rf "$seed"' EXIT
mkdir -p "$seed/load_rubric" "$seed/parse_document" "$seed/parse_transcript" \
  "$seed/grade_request" "$seed/lsp_session"
cp ../rubrics/*.toml "$seed/load_rubric/"
for f in ../fixtures/*/*.md; do
  cp "$f" "$seed/parse_document/$(basename "$(dirname "$f")")-$(basename "$f")"
done
cp ../fixtures/transcripts/* "$seed/parse_transcript/"
# Request bodies and framed editor sessions, made from the fixtures.
SEED="$seed" python3 - <<'PY'
import glob, json, os
seed = os.environ["SEED"]
for i, path in enumerate(sorted(glob.glob("../fixtures/*/*.md"))[:40]):
    text = open(path, encoding="utf-8").read()
    rubric = os.path.basename(os.path.dirname(path))
    body = {"text": text, "rubric": rubric if i % 2 else "auto"}
    if i % 3 == 0:
        body["id"] = i
    open(f"{seed}/grade_request/{i}.json", "w", encoding="utf-8").write(json.dumps(body))
    uri = "file:///fuzz/answer.md"
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 1, "character": 2},
                                          "end": {"line": 1, "character": 5}}, "text": "é🙂"}]}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 2, "character": 4}}},
        {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    framed = b"".join(
        b"Content-Length: %d\r\n\r\n%s" % (len(m), m)
        for m in (json.dumps(message).encode() for message in messages))
    open(f"{seed}/lsp_session/{i}", "wb").write(framed)
PY
for dir in "$seed"/*/; do
  target="$(basename "$dir")"
  mkdir -p "corpus/$target"
  find "$dir" -type f -exec mv -f {} "corpus/$target/" \;
done
for target in ${targets[*]}; do
  echo "== $target for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 2>&1 | tail -n 4
done
