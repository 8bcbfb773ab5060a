//! `grade --stdin-jsonl`: one output line per record, in input order, for any thread
//! count; a malformed record is an error line for that record and the stream goes on.

mod common;

use common::{grade_in_with_stdin, root};
use std::process::Output;

fn grade_with_stdin(args: &[&str], input: &[u8]) -> Output {
    grade_in_with_stdin(root(), &[&["--stdin-jsonl"], args].concat(), input)
}

fn lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn answer() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/product-pitch/strong-commute-packs.md"),
    )
    .unwrap()
}

#[test]
fn one_report_per_record_and_an_error_line_for_each_bad_record() {
    let good = serde_json::json!({"id": "a-1", "text": answer(), "rubric": "product-pitch"});
    let numeric_id = serde_json::json!({"id": 7, "text": "Members who commute struggle to stream.", "rubric": "product-pitch"});
    let mut input = Vec::new();
    for line in [
        good.to_string(),
        "{not json".to_owned(),
        r#"{"id": "no-text", "rubric": "product-pitch"}"#.to_owned(),
        r#"{"id": "empty", "text": "   ", "rubric": "product-pitch"}"#.to_owned(),
        r#"{"id": "bad-rubric", "text": "Members struggle.", "rubric": "product-pich"}"#.to_owned(),
        r#"{"id": "no-rubric", "text": "Members struggle."}"#.to_owned(),
        r#"{"id": "extra", "text": "x", "rubric": "product-pitch", "score": 100}"#.to_owned(),
        "[1, 2]".to_owned(),
        String::new(),
        numeric_id.to_string(),
    ] {
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
    }
    input.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");

    let output = grade_with_stdin(&[], &input);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = lines(&output);
    assert_eq!(out.len(), 10, "one line per non-blank record: {out:?}");
    assert_eq!(out[0]["id"], "a-1");
    assert_eq!(out[0]["report"]["schema"], "grade-report/1");
    assert!(out[0]["report"]["score"].as_f64().unwrap() > 80.0);
    let error = |i: usize| out[i]["error"].as_str().unwrap_or_default().to_owned();
    assert!(error(1).contains("not a JSON record"), "{}", error(1));
    assert_eq!(out[1]["line"], 2);
    assert_eq!(out[1]["id"], serde_json::Value::Null);
    assert!(error(2).contains("no `text`"));
    assert_eq!(out[2]["id"], "no-text");
    assert!(error(3).contains("empty"));
    assert!(error(4).contains("did you mean `product-pitch`"));
    assert!(error(5).contains("no rubric chosen"));
    assert!(error(6).contains("unknown field `score`"));
    assert!(error(7).contains("JSON object"));
    assert_eq!(out[8]["id"], 7, "ids keep their JSON type");
    assert_eq!(out[8]["report"]["rubric"]["id"], "product-pitch");
    assert_eq!(out[9]["line"], 11, "line numbers count the blank line");
    assert_eq!(out[9]["record"], 10, "record indexes do not");
    assert!(error(9).contains("UTF-8"));

    // --rubric fills in for records without one.
    let defaulted = grade_with_stdin(
        &["--rubric", "metrics"],
        br#"{"id": 1, "text": "We track churn weekly."}"#,
    );
    assert_eq!(lines(&defaulted)[0]["report"]["rubric"]["id"], "metrics");
}

#[test]
fn error_lines_carry_the_record_index_within_the_stream() {
    // 40 records with blank lines among them and bad records at known indexes (1-based).
    let bad = [1, 7, 8, 20, 33, 40];
    let mut input = String::new();
    let mut line_of = Vec::new();
    let mut line = 0;
    for index in 1..=40usize {
        if index % 6 == 0 {
            input.push_str("\n  \t\n");
            line += 2;
        }
        let record = match bad.iter().position(|&b| b == index) {
            Some(0) => "{\"id\": \"cut".to_owned(),
            Some(1) => format!(r#"{{"id": {index}, "text": "x", "grade": 1}}"#),
            Some(2) => format!(r#"{{"id": {index}, "text": "", "rubric": "metrics"}}"#),
            Some(3) => format!(r#"{{"id": {index}, "text": "x", "rubric": "nope"}}"#),
            Some(4) => format!(r#"{{"id": {index}, "text": "x", "rubric": "/etc/passwd"}}"#),
            Some(_) => "[]".to_owned(),
            None => serde_json::json!({"id": index, "text": "We track churn weekly.", "rubric": "metrics"})
                .to_string(),
        };
        input.push_str(&record);
        input.push('\n');
        line += 1;
        line_of.push(line);
    }
    for jobs in ["-j1", "-j4"] {
        let output = grade_with_stdin(&[jobs], input.as_bytes());
        assert_eq!(output.status.code(), Some(0), "{jobs}");
        let out = lines(&output);
        assert_eq!(out.len(), 40, "{jobs}: one line per record");
        for (i, reply) in out.iter().enumerate() {
            let index = i + 1;
            if bad.contains(&index) {
                assert!(reply["error"].is_string(), "{jobs} record {index}: {reply}");
                assert_eq!(reply["record"], index, "{jobs}: {reply}");
                assert_eq!(reply["line"], line_of[i], "{jobs}: {reply}");
            } else {
                assert_eq!(reply["id"], index, "{jobs}: {reply}");
                assert!(
                    reply["report"].is_object(),
                    "{jobs} record {index}: {reply}"
                );
            }
        }
        // What the index is for: an unparseable record has no id to find it by.
        assert_eq!(out[0]["id"], serde_json::Value::Null);
        assert_eq!(out[39]["id"], serde_json::Value::Null);
        assert_eq!(out[6]["id"], 7);
    }
}

#[test]
fn many_records_keep_input_order_on_any_thread_count() {
    let mut input = String::new();
    for i in 0..700u32 {
        let text = if i.is_multiple_of(3) {
            answer()
        } else {
            format!("Members who commute struggle {i} times a week to stream on the train.")
        };
        input.push_str(
            &serde_json::json!({"id": i, "text": text, "rubric": "product-pitch"}).to_string(),
        );
        input.push('\n');
    }
    let one = grade_with_stdin(&["-j1"], input.as_bytes());
    let four = grade_with_stdin(&["-j4"], input.as_bytes());
    assert!(one.stdout == four.stdout, "-j1 and -j4 differ");
    let ids: Vec<u64> = lines(&four)
        .iter()
        .map(|l| l["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (0..700).collect::<Vec<_>>());
}

#[test]
fn an_unknown_default_rubric_stops_before_reading() {
    let output = grade_with_stdin(&["--rubric", "nope"], b"{}\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: unknown rubric `nope`"));
    assert!(output.stdout.is_empty());
}
