//! The language server's cost per keystroke burst: a ~500-word Markdown answer changed and
//! regraded, from the `didChange` notification to the framed `publishDiagnostics` bytes
//! (the server state machine as `grade lsp` runs it, without the pipes). Target: under
//! 10 ms.
//!
//! `cargo bench --bench lsp`. `cargo test` neither builds nor runs it.

mod corpus;

use divan::Bencher;
use divan::counter::BytesCount;
use grade::lsp::transport::{Incoming, write};
use grade::lsp::{Outgoing, Server};
use serde_json::json;
use std::time::{Duration, Instant};

fn main() {
    divan::main();
}

const SEED: u64 = 1;
const URI: &str = "untitled:answer.md";

fn incoming(message: serde_json::Value) -> Incoming {
    Incoming::Message(serde_json::from_value(message).expect("a valid message"))
}

/// A server with the answer open, graded once (rubrics compiled).
fn server_with(text: &str) -> Server {
    let mut server = Server::new(usize::MAX, Duration::ZERO);
    let now = Instant::now();
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "capabilities": {}, "initializationOptions": {"rubric": "product-pitch"}}});
    server.handle(incoming(init), now);
    let open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": text}}});
    server.handle(incoming(open), now);
    server
}

#[divan::bench]
fn change_and_regrade_500_words(bencher: Bencher) {
    let answer = (0..)
        .map(|i| corpus::answer(SEED, i))
        .find(|a| a.form == corpus::Form::Markdown && a.candidate_words.abs_diff(500) <= 20)
        .expect("the corpus has a ~500-word Markdown answer");
    let mut server = server_with(&answer.text);
    let mut version = 1;
    bencher
        .counter(BytesCount::new(answer.text.len()))
        .bench_local(|| {
            version += 1;
            let change = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"text": answer.text}]}});
            let now = Instant::now();
            server.handle(incoming(change), now);
            let published: Vec<Outgoing> = server.regrade_due(now);
            assert_eq!(published.len(), 1);
            let mut wire = Vec::new();
            write(&mut wire, &published[0]).expect("writes to memory");
            wire
        });
}
