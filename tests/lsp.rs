//! `grade lsp` driven as an editor drives it: the binary over stdio through a whole
//! session (initialize, didOpen, didChange, hover, executeCommand, codeAction, shutdown,
//! exit), with the diagnostics snapshotted; and its edges: malformed messages, unknown
//! methods, a document over --max-bytes, no rubric, grade.toml's choice, coalesced
//! changes, and exiting when stdin closes.

#[path = "lsp/client.rs"]
mod client;

use client::{Client, temp_dir, uri};
use serde_json::{Value, json};
use std::time::Duration;

const ANSWER: &str = "---
question: \"Pitch a new feature for Netflix.\"
rubric: product-pitch
---

# Watch Party Queue 🍿

Members who live apart, like Zoë in Lyon and Ünal in İzmir, tell us they can’t agree on what to watch together. I’d add a shared queue 🎬 where each friend adds titles and votes, so a “movie night” starts in minutes instead of a long group chat.

The metric I would move is the share of co-viewing sessions that start within five minutes, and I would guard against a drop in solo watch time 📉. We could test it with an A/B test in two markets before a wider launch.

The risk is privacy: people may not want friends to see everything they watch, so votes stay private by default.
";

/// The same answer with features piled on: a named mistake in three sentences.
fn piled() -> String {
    ANSWER.replace(
        "by default.\n",
        "by default.\n\nIt could also suggest snacks for the night. On top of that, the queue could sync the room lights. It could even run a trivia round after the credits.\n",
    )
}

/// The docs links, fixed so that snapshots do not hold this checkout's path.
fn options() -> Value {
    json!({"docsUrl": "https://grade.example/docs"})
}

/// Diagnostics without what is the same in every one, sorted as published.
fn brief(params: &Value) -> Value {
    let list = params["diagnostics"].as_array().unwrap();
    Value::Array(
        list.iter()
            .map(|d| {
                let r = &d["range"];
                json!({
                    "at": format!("{}:{}-{}:{}", r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"]),
                    "severity": d["severity"],
                    "code": d["code"],
                    "message": d["message"],
                    "href": d["codeDescription"]["href"],
                })
            })
            .collect(),
    )
}

fn codes(params: &Value) -> Vec<String> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

fn utf16(s: &str) -> u64 {
    s.encode_utf16().count() as u64
}

#[test]
fn a_full_session() {
    let dir = temp_dir("session");
    let path = dir.join("watch-party.md");
    std::fs::write(&path, ANSWER).unwrap();
    let doc = uri(&path);
    let mut client = Client::start(&["--debounce-ms", "50"]);
    let init = client.initialize(options());
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["executeCommandProvider"]["commands"],
        json!(["grade.report"])
    );
    assert_eq!(init["result"]["serverInfo"]["name"], "grade");

    client.open(&doc, ANSWER);
    let opened = client.diagnostics(&doc);
    assert_eq!(opened["version"], 1);
    insta::assert_json_snapshot!("opened", brief(&opened));

    let changed_text = piled();
    client.change(&doc, 2, &changed_text);
    let changed = client.diagnostics(&doc);
    assert_eq!(changed["version"], 2);
    insta::assert_json_snapshot!("changed", brief(&changed));
    let piles = codes(&changed)
        .iter()
        .filter(|c| *c == "feature-pile")
        .count();
    assert_eq!(
        piles, 3,
        "one warning on each sentence that piles a feature on"
    );

    // Hover on the first line: the breakdown; on a sentence: what it earned.
    let at = |line: u32, character: u64| json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": character}});
    let top = client.request("textDocument/hover", at(0, 1));
    let top = top["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        top.contains("/100") && top.contains("| criterion | weight | score |"),
        "{top}"
    );
    assert!(top.contains("mistake `feature-pile`"), "{top}");
    let line = changed_text.lines().nth(9).unwrap();
    let test_sentence = line.find("We could test").unwrap();
    let hover = client.request(
        "textDocument/hover",
        at(9, utf16(&line[..test_sentence]) + 3),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("earns **Trade-offs, risks and how to test it** `test-plan`"),
        "{value}"
    );
    assert_eq!(
        hover["result"]["range"]["start"]["character"],
        utf16(&line[..test_sentence])
    );

    // A sentence whose rubric words were set aside says why, with its stance and cue.
    let rejected = changed_text.replace(
        "by default.\n",
        "by default.\n\n## What I wouldn’t do\n\nI wouldn’t run an A/B test on the whole member base on day one.\n",
    );
    client.change(&doc, 3, &rejected);
    let line = rejected
        .lines()
        .position(|l| l.starts_with("I wouldn’t run"))
        .unwrap();
    let hover = client.request("textDocument/hover", at(line as u32, 5));
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("not counted: rejected under 'What I wouldn’t do' at 14:4 (stance: rejected; cue “What I wouldn’t do” at 14:4)"),
        "{value}"
    );
    client.change(&doc, 4, &changed_text);

    // The full report: the same text `grade FILE` prints for the buffer's text.
    std::fs::write(&path, &changed_text).unwrap();
    let report = client.request(
        "workspace/executeCommand",
        json!({"command": "grade.report", "arguments": [doc]}),
    );
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_grade"))
        .arg(&path)
        .args(["--color", "never"])
        .output()
        .unwrap();
    assert_eq!(
        report["result"].as_str().unwrap(),
        String::from_utf8(cli.stdout).unwrap()
    );

    // A document whose front matter names no rubric is offered one.
    let other = uri(&dir.join("no-rubric.md"));
    let without = ANSWER.replace("rubric: product-pitch\n", "");
    client.open(&other, &without);
    let auto = client.diagnostics(&other);
    let summary = auto["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        summary.contains("under product-pitch (from auto"),
        "{summary}"
    );
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": other}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    let first = &actions["result"][0];
    assert_eq!(
        first["title"],
        "Set the rubric: front matter `rubric: product-pitch`"
    );
    assert_eq!(first["isPreferred"], true);
    let edit = &first["edit"]["changes"][&other][0];
    assert_eq!(edit["newText"], "rubric: product-pitch\n");
    assert_eq!(edit["range"]["start"], json!({"line": 1, "character": 0}));
    let none = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    assert_eq!(none["result"], json!([]), "the rubric is already set");

    let shutdown = client.request("shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    assert!(shutdown.get("error").is_none());
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diagnostic_ranges_count_utf16_units() {
    let mut client = Client::start(&[]);
    client.initialize(json!({"evidenceHints": true}));
    let doc = "untitled:utf16.md";
    client.open(doc, ANSWER);
    let published = client.diagnostics(doc);
    let line = ANSWER.lines().nth(9).unwrap();
    let start = line.find("We could test").unwrap();
    let hint = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "test-plan" && d["severity"] == 4)
        .unwrap_or_else(|| panic!("no test-plan hint: {published:#}"));
    // The line holds a 📉 before the sentence: two UTF-16 units, one char, four bytes.
    let units = utf16(&line[..start]);
    assert_eq!(units, line[..start].chars().count() as u64 + 1);
    assert_eq!(
        hint["range"]["start"],
        json!({"line": 9, "character": units})
    );
    assert_eq!(
        hint["range"]["end"],
        json!({"line": 9, "character": utf16(line)})
    );
    assert!(
        hint["message"]
            .as_str()
            .unwrap()
            .starts_with("earns Trade-offs"),
        "{hint}"
    );
    // By default the links point into this build's checkout.
    let href = published["diagnostics"][0]["codeDescription"]["href"]
        .as_str()
        .unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .canonicalize()
        .unwrap();
    assert!(href.starts_with("file:///"), "{href}");
    let path = href
        .strip_prefix("file://")
        .unwrap()
        .strip_suffix("/README.md#how-a-score-is-computed");
    assert!(path.is_some(), "{href}");
    if !root
        .to_string_lossy()
        .contains(|c: char| !c.is_ascii_alphanumeric() && !"/-_.~".contains(c))
    {
        assert_eq!(path, Some(root.to_str().unwrap()), "{href}");
    }
}

#[test]
fn bad_messages_get_errors_and_the_session_goes_on() {
    let mut client = Client::start(&[]);
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(
        early["error"]["code"], -32002,
        "not initialized yet: {early}"
    );
    client.initialize(json!({}));
    client.raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(
        (parse["id"].clone(), parse["error"]["code"].clone()),
        (Value::Null, json!(-32700))
    );
    client.send(&json!({"jsonrpc": "2.0", "id": 99, "params": []}));
    let invalid = client.wait_for(|m| m["id"] == 99);
    assert_eq!(invalid["error"]["code"], -32600);
    client.raw(b"Content-Length: nope\r\n\r\n");
    let header = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(header["error"]["code"], -32700);
    // An unknown notification is ignored; an unknown request is MethodNotFound.
    client.notify("$/somethingNew", json!({}));
    let unknown = client.request("grade/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad_params = client.request("textDocument/hover", json!({"textDocument": 3}));
    assert_eq!(bad_params["error"]["code"], -32602);
    let command = client.request("workspace/executeCommand", json!({"command": "grade.nope"}));
    assert_eq!(command["error"]["code"], -32602);
    // Nothing else was sent in between: the notification got no reply.
    let replies = client.seen.iter().filter(|m| m.get("id").is_some()).count();
    assert_eq!(replies, client.seen.len(), "{:#?}", client.seen);
    let shutdown = client.request("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none());
    let after = client.request("textDocument/hover", json!({}));
    assert_eq!(after["error"]["code"], -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), 0);
}

#[test]
fn a_document_over_max_bytes_gets_one_diagnostic() {
    let mut client = Client::start(&["--max-bytes", "2000"]);
    client.initialize(json!({}));
    let doc = "untitled:big.md";
    client.open(doc, &ANSWER.repeat(3));
    let published = client.diagnostics(doc);
    let list = published["diagnostics"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{published:#}");
    assert_eq!(list[0]["code"], "too-large");
    let message = list[0]["message"].as_str().unwrap();
    assert!(
        message.contains("over the server's limit of 2000"),
        "{message}"
    );
    // Far over: the message itself is skipped unread, and the client told.
    client.open("untitled:huge.md", &"word ".repeat(20_000));
    let told = client.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        told["params"]["message"]
            .as_str()
            .unwrap()
            .contains("skipped a message")
    );
    // And the server still answers.
    client.open(doc, ANSWER);
    assert_eq!(codes(&client.diagnostics(doc))[0], "score");
}

#[test]
fn no_rubric_at_all_is_one_information() {
    let mut client = Client::start(&[]);
    client.initialize(json!({}));
    let doc = "untitled:sourdough.md";
    client.open(
        doc,
        "My sourdough starter needs feeding twice a day in the summer months.\n",
    );
    let published = client.diagnostics(doc);
    let list = published["diagnostics"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{published:#}");
    assert_eq!(list[0]["severity"], 3);
    assert_eq!(list[0]["code"], "no-rubric");
    assert!(
        list[0]["message"]
            .as_str()
            .unwrap()
            .contains("front matter `rubric: <id>`")
    );
    // The setting chooses one for such documents.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"grade": {"rubric": "culture-fit"}}}),
    );
    let again = client.diagnostics(doc);
    let summary = again["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        summary.contains("under culture-fit (from the editor's grade settings)"),
        "{summary}"
    );
}

#[test]
fn grade_toml_chooses_and_a_buffer_names_no_file() {
    let dir = temp_dir("config");
    std::fs::write(
        dir.join("mine.toml"),
        grade::rubric::builtin::source("metrics").unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("grade.toml"),
        "[[check]]\nfiles = \"drafts/*.md\"\nrubric = \"culture-fit\"\n\n[lsp]\nrubric = \"mine.toml\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    let (draft, loose) = (dir.join("drafts/a.md"), dir.join("b.md"));
    let mut client = Client::start(&[]);
    client.initialize(json!({}));
    let body = "We measured weekly churn for members before and after the change.\n";
    client.open(&uri(&draft), body);
    let by_check = client.diagnostics(&uri(&draft));
    let summary = by_check["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        summary.contains("under culture-fit (from check 1 in"),
        "{summary}"
    );
    client.open(&uri(&loose), body);
    let by_folder = client.diagnostics(&uri(&loose));
    let summary = by_folder["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        summary.contains("under metrics (from [lsp] rubric in"),
        "{summary}"
    );
    // A rubric file the buffer names is refused, with a warning on its line.
    let named = format!("---\nrubric: /etc/passwd\n---\n{body}");
    client.change(&uri(&loose), 2, &named);
    let refused = client.diagnostics(&uri(&loose));
    let warning = refused["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "rubric-refused")
        .unwrap_or_else(|| panic!("{refused:#}"));
    assert_eq!(warning["range"]["start"]["line"], 1);
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("names a file")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn changes_in_a_burst_are_graded_once() {
    let mut client = Client::start(&["--debounce-ms", "300"]);
    client.initialize(json!({}));
    let doc = "untitled:burst.md";
    client.open(doc, ANSWER);
    client.diagnostics(doc);
    for version in 2..=30 {
        client.change(
            doc,
            version,
            &ANSWER.replace("five minutes", &format!("{version} minutes")),
        );
    }
    // Regraded once for the burst (a loaded machine may split it, never into 29).
    let mut publishes = 0;
    loop {
        publishes += 1;
        if client.diagnostics(doc)["version"] == 30 {
            break;
        }
    }
    assert!(publishes <= 3, "{publishes} regrades for 29 changes");
    let more = client.drain(Duration::from_millis(600));
    assert!(
        more.is_empty(),
        "nothing after the last change's: {more:#?}"
    );
}

#[test]
fn it_exits_when_stdin_closes_or_on_exit_without_shutdown() {
    let mut client = Client::start(&[]);
    client.initialize(json!({}));
    client.close_stdin();
    assert_eq!(client.exit_code(), 0);
    let mut client = Client::start(&[]);
    client.initialize(json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(
        client.exit_code(),
        1,
        "exit before shutdown is 1, as the protocol says"
    );
}
