//! Issue 16 part 3, no silent wrong result: limits at u64::MAX, bounds outside 0–100,
//! pace from too little speech, unclosed or bodiless front matter, UTF-16/32 byte-order
//! marks, JSON Lines ids echoed as written, and control characters escaped on a terminal.

mod common;

use common::{grade, grade_in_with_stdin, root, stderr, stdout};

const STRONG: &str = "fixtures/product-pitch/strong-commute-packs.md";

#[test]
fn max_bytes_at_u64_max_grades_the_file() {
    let output = grade(&[
        STRONG,
        "--rubric",
        "product-pitch",
        "--max-bytes",
        "18446744073709551615",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains("empty"), "{}", stderr(&output));
}

#[test]
fn stdin_jsonl_with_a_huge_max_bytes_takes_a_6_kb_record() {
    let text = "Members who travel give up on downloads because storage runs out. ".repeat(90);
    let record = format!(
        "{{\"id\": 1, \"text\": {:?}, \"rubric\": \"product-pitch\"}}\n",
        text
    );
    for limit in ["3074457345618258602", "18446744073709551615"] {
        let args = ["--stdin-jsonl", "--max-bytes", limit];
        let output = grade_in_with_stdin(root(), &args, record.as_bytes());
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let out = stdout(&output);
        assert!(!out.contains("\"error\""), "{out}");
    }
}

/// Asserts a usage error: exit 2, `error:` on stderr naming every fragment, no panic.
fn assert_usage_error(output: &std::process::Output, fragments: &[&str]) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains("error: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for fragment in fragments {
        assert!(err.contains(fragment), "`{fragment}` not in: {err}");
    }
}

#[test]
fn score_bounds_outside_0_to_100_are_usage_errors() {
    for flag in ["--fail-under", "--fail-above"] {
        for value in ["150", "-5", "NaN"] {
            let output = grade(&[STRONG, "--rubric", "product-pitch", flag, value]);
            assert_usage_error(&output, &[flag, value]);
        }
        let fine = grade(&[STRONG, "--rubric", "product-pitch", flag, "0"]);
        assert_ne!(fine.status.code(), Some(2), "{}", stderr(&fine));
    }
    let output = grade(&[STRONG, "--rubric", "product-pitch", "--fail-under", "-5"]);
    assert_usage_error(&output, &["outside 0–100"]);
}

#[test]
fn a_criterion_bound_above_its_max_or_below_0_is_a_usage_error() {
    let args = [
        STRONG,
        "--rubric",
        "product-pitch",
        "--fail-under-criterion",
    ];
    let above = grade(&[&args[..], &["data=150"]].concat());
    assert_usage_error(
        &above,
        &["data=150", "above the max of `data`", "no file could pass"],
    );
    let negative = grade(&[&args[..], &["data=-1"]].concat());
    assert_usage_error(&negative, &["data=-1", "below 0"]);
}

#[test]
fn grade_toml_bounds_outside_their_range_are_errors() {
    let cases: &[(&str, &[&str])] = &[
        (
            "min-score = 150\n",
            &["grade.toml:1:1", "min-score: 150 is outside 0–100"],
        ),
        (
            "max-score = -5\n",
            &["grade.toml:1:1", "max-score: -5 is outside 0–100"],
        ),
        (
            "min-criterion = { data = 150 }\n",
            &["data=150", "above the max of `data`"],
        ),
        ("min-criterion = { data = -1 }\n", &["data = -1 is below 0"]),
    ];
    for (i, (bound, fragments)) in cases.iter().enumerate() {
        let dir = common::scratch(&format!("edges-toml-{i}"));
        let config = format!("[[check]]\nfiles = \"*.md\"\nrubric = \"product-pitch\"\n{bound}");
        std::fs::write(dir.join("grade.toml"), config).unwrap();
        std::fs::copy(root().join(STRONG), dir.join("a.md")).unwrap();
        let output = common::grade_in(&dir, &["check"]);
        assert_usage_error(&output, fragments);
    }
}

#[test]
fn utf16_input_is_named_not_called_binary() {
    let dir = common::scratch("edges-utf16");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Members who commute struggle.".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let file = dir.join("wide.md");
    std::fs::write(&file, bytes).unwrap();
    let output = grade(&[file.to_str().unwrap(), "--rubric", "product-pitch"]);
    assert_usage_error(
        &output,
        &["wide.md", "UTF-16 (little-endian) text", "save it as UTF-8"],
    );
    assert!(!stderr(&output).contains("binary"), "{}", stderr(&output));
}

#[test]
fn stdin_jsonl_ids_come_back_as_written() {
    let text = "Members who commute struggle to stream on the train, so churn rises.";
    let input = format!(
        "{{\"id\": 18446744073709551617, \"text\": {text:?}, \"rubric\": \"product-pitch\"}}\n\
         {{\"id\": -0, \"text\": 5}}\n"
    );
    let output = grade_in_with_stdin(root(), &["--stdin-jsonl"], input.as_bytes());
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(r#"{"id":18446744073709551617,"report""#),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with(r#"{"id":-0,"#), "{}", lines[1]);
}

#[test]
fn unclosed_front_matter_warns_on_its_line_and_bodiless_front_matter_is_empty() {
    let dir = common::scratch("edges-front-matter");
    let body = std::fs::read_to_string(root().join(STRONG)).unwrap();
    let open = dir.join("open.md");
    std::fs::write(&open, format!("---\nrubric: product-pitch\n{body}")).unwrap();
    let output = grade(&[open.to_str().unwrap(), "--rubric", "product-pitch"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output) + &stderr(&output);
    assert!(report.contains("never closed"), "{report}");
    assert!(report.contains("1"), "{report}");

    let only = dir.join("only.md");
    std::fs::write(
        &only,
        "---\nrubric: product-pitch\nquestion: Pitch it.\n---\n\n",
    )
    .unwrap();
    let output = grade(&[only.to_str().unwrap()]);
    assert_usage_error(&output, &["only.md", "the answer is empty"]);
}

/// Runs `grade analyze - --format json` on `text` and returns its delivery object.
fn delivery_of(text: &str) -> (serde_json::Value, String) {
    let args = ["analyze", "-", "--format", "json"];
    let output = grade_in_with_stdin(root(), &args, text.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    (json, stdout(&output))
}

#[test]
fn cues_of_0_or_1_ms_give_no_absurd_pace_and_a_warning_on_their_line() {
    let mut vtt = String::from("WEBVTT\n");
    for i in 0..40u64 {
        let (start, end) = (i * 10, i * 10 + i % 2);
        vtt.push_str(&format!(
            "\n00:00:00.{start:03} --> 00:00:00.{end:03}\nWe would ship shared watchlists so families pick a film faster.\n"
        ));
    }
    let (json, _) = delivery_of(&vtt);
    let delivery = &json["delivery"];
    assert_eq!(delivery["pace_wpm"], serde_json::Value::Null, "{delivery}");
    for turn in delivery["turns"].as_array().unwrap() {
        let wpm = turn["wpm"].as_f64().unwrap();
        assert!(wpm <= 200.0, "absurd pace per turn: {turn}");
    }
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 40, "{warnings:?}");
    assert_eq!(warnings[0]["line"], 3, "the first cue's timing line");
    assert!(
        warnings[1]["message"]
            .as_str()
            .unwrap()
            .contains("cue lasts 1 ms"),
        "{warnings:?}"
    );
    // Text output says so too, on the cue's line.
    let output = grade_in_with_stdin(root(), &["analyze", "-"], vtt.as_bytes());
    let text = stdout(&output);
    assert!(text.contains("warning: line 3: cue lasts 0 ms"), "{text}");
    assert!(!text.contains("slow down"), "{text}");
}

#[test]
fn eight_seconds_of_timed_speech_has_no_pace_and_says_why() {
    let srt = "1\n00:00:00,000 --> 00:00:04,000\nCandidate: We would ship shared watchlists for families.\n\n2\n00:00:04,000 --> 00:00:08,000\nCandidate: Success is more evenings where a family watches together.\n";
    let (json, _) = delivery_of(srt);
    let delivery = &json["delivery"];
    assert_eq!(delivery["pace_wpm"], serde_json::Value::Null, "{delivery}");
    assert_eq!(
        delivery["pace_note"],
        "only 8.0 s of speech is timed; pace needs at least 10 s"
    );
    let checks = delivery["checks"].as_array().unwrap();
    assert!(
        checks.iter().all(|c| c["metric"] != "pace-wpm"),
        "{checks:?}"
    );
    let output = grade_in_with_stdin(root(), &["analyze", "-"], srt.as_bytes());
    let text = stdout(&output);
    assert!(
        text.contains("pace not measured: only 8.0 s of speech is timed"),
        "{text}"
    );
}

/// The characters that must not reach a terminal raw: C0 (line feed and tab aside), DEL,
/// C1, and the bidirectional marks, embeddings, overrides and isolates.
fn raw_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with grade's own colour codes (`ESC [ digits m`) taken out.
fn without_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let digits = tail
            .find(|c: char| !c.is_ascii_digit() && c != ';')
            .unwrap_or(tail.len());
        if tail[digits..].starts_with('m') {
            rest = &tail[digits + 1..];
        } else {
            out.push('\u{1b}');
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn control_and_bidi_characters_from_input_are_escaped_on_the_terminal() {
    let dir = common::scratch("limits-escape");
    let body = std::fs::read_to_string(root().join(STRONG)).unwrap();
    let name = "answer\u{202e}dm.md";
    let evil = format!(
        "---\nquestion: Pitch \u{1b}[2J a feature\u{9b}31m for Netflix\u{2066}?\n---\nMembers \u{1b}]0;pwned\u{7} who commute \u{202e}lose signal and give up on downloads.\n{body}"
    );
    std::fs::write(dir.join(name), &evil).unwrap();
    std::fs::write(dir.join("empty\u{1b}[31m.md"), "").unwrap();
    let path = dir.join(name);
    let file = path.to_str().unwrap();
    let runs: Vec<(Vec<&str>, bool)> = vec![
        (vec![file, "--rubric", "product-pitch"], false),
        (
            vec![file, "--rubric", "product-pitch", "--color", "always"],
            true,
        ),
        (
            vec![dir.to_str().unwrap(), "--rubric", "product-pitch"],
            false,
        ),
        (vec!["analyze", file], false),
        (
            vec!["compare", file, file, "--rubric", "product-pitch"],
            false,
        ),
    ];
    for (args, colour) in runs {
        let output = grade(&args);
        for (stream, text) in [("stdout", stdout(&output)), ("stderr", stderr(&output))] {
            let text = if colour { without_sgr(&text) } else { text };
            let raw: Vec<String> = text
                .chars()
                .filter(|&c| raw_control(c))
                .map(|c| format!("U+{:04X}", u32::from(c)))
                .collect();
            assert!(raw.is_empty(), "{args:?} {stream}: raw {raw:?} in:\n{text}");
        }
        let all = stdout(&output) + &stderr(&output);
        assert!(
            all.contains("\\u{202e}"),
            "{args:?}: the name's override, escaped:\n{all}"
        );
    }
    // The report still quotes the answer, with the escapes visible.
    let output = grade(&[file, "--rubric", "product-pitch"]);
    let report = stdout(&output);
    assert!(
        report.contains("question: Pitch \\u{1b}[2J a feature\\u{9b}31m"),
        "{report}"
    );
    let batch = grade(&[dir.to_str().unwrap(), "--rubric", "product-pitch"]);
    assert!(
        stderr(&batch).contains("empty\\u{1b}[31m.md"),
        "{}",
        stderr(&batch)
    );
}
