//! The binary end to end: grading, rubric commands, and every kind of bad input, each
//! printing `error: …` and exiting 2 without a panic.

mod common;

use common::{grade, grade_in_with_stdin, root, scratch, stderr, stdout};
use std::path::Path;
use std::process::Output;

fn grade_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    grade_in_with_stdin(root(), args, stdin.unwrap_or_default())
}

const STRONG: &str = "fixtures/product-pitch/strong-commute-packs.md";

/// Asserts exit 2 with one `error:` line that contains every fragment, and no panic.
fn assert_error(output: &Output, fragments: &[&str]) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for fragment in fragments {
        assert!(err.contains(fragment), "`{fragment}` not in: {err}");
    }
    assert!(output.stdout.is_empty(), "nothing on stdout on error");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn grades_a_strong_sample_as_text() {
    let output = grade(&[STRONG, "--rubric", "product-pitch"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("score "), "{text}");
    assert!(text.contains("Strong"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn json_carries_the_schema_and_the_file() {
    let output = grade(&[STRONG, "--rubric", "product-pitch", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["schema"], "grade-report/1");
    assert_eq!(report["file"], STRONG);
    assert_eq!(report["rubric"]["id"], "product-pitch");
    assert!(report["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(STRONG)).unwrap();
    let from_stdin = grade_with_stdin(
        &["-", "--rubric", "product-pitch", "--format", "json"],
        Some(&text),
    );
    let from_file = grade(&[STRONG, "--rubric", "product-pitch", "--format", "json"]);
    let a: serde_json::Value = serde_json::from_str(&stdout(&from_stdin)).unwrap();
    let b: serde_json::Value = serde_json::from_str(&stdout(&from_file)).unwrap();
    assert_eq!(a["score"], b["score"]);
    assert_eq!(a["file"], "-");
}

#[test]
fn front_matter_picks_the_rubric_and_is_not_graded() {
    let dir = scratch("front-matter");
    let body = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(STRONG)).unwrap();
    let file = write(
        &dir,
        "answer.md",
        format!("---\nrubric: product-pitch\nquestion: Pitch a feature about churn retention.\n---\n{body}").as_bytes(),
    );
    let output = grade(&[&file, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["rubric"]["id"], "product-pitch");
    assert_eq!(report["question"], "Pitch a feature about churn retention.");
    let plain = grade(&[STRONG, "--rubric", "product-pitch", "--format", "json"]);
    let plain: serde_json::Value = serde_json::from_str(&stdout(&plain)).unwrap();
    assert_eq!(
        report["score"], plain["score"],
        "front matter words earn nothing"
    );
    assert_eq!(report["stats"]["words"], plain["stats"]["words"]);
}

#[test]
fn a_missing_file() {
    assert_error(
        &grade(&["no/such/answer.md", "--rubric", "product-pitch"]),
        &["no/such/answer.md", "no such file"],
    );
}

#[test]
fn a_folder_is_graded_as_a_batch() {
    // Before batches existed a folder was refused; now it gets the summary table.
    let output = grade(&["fixtures/product-pitch", "--rubric", "product-pitch"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("file "), "{text}");
    assert!(
        text.contains("fixtures/product-pitch/strong-commute-packs.md"),
        "{text}"
    );
}

#[test]
fn empty_and_whitespace_only_files() {
    let dir = scratch("empty");
    for (name, bytes) in [("empty.md", &b""[..]), ("blank.md", &b"  \n\t\n"[..])] {
        let file = write(&dir, name, bytes);
        assert_error(
            &grade(&[&file, "--rubric", "product-pitch"]),
            &[name, "empty"],
        );
    }
}

#[test]
fn a_binary_file() {
    let dir = scratch("binary");
    let file = write(&dir, "image.md", b"PNG\x00\x01\x02");
    assert_error(
        &grade(&[&file, "--rubric", "product-pitch"]),
        &["image.md", "binary", "byte offset 3"],
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = scratch("latin1");
    let file = write(&dir, "latin1.md", b"Members\nlove caf\xe9s.");
    assert_error(
        &grade(&[&file, "--rubric", "product-pitch"]),
        &["latin1.md:2:9", "not valid UTF-8", "byte offset 16"],
    );
}

#[test]
fn a_large_file_is_refused_unless_allowed() {
    let dir = scratch("large");
    let sentence = "Members who travel give up on downloads because storage runs out. ";
    let big = sentence.repeat(1024 * 1024 / sentence.len() + 1);
    let file = write(&dir, "big.md", big.as_bytes());
    assert_error(
        &grade(&[&file, "--rubric", "product-pitch"]),
        &["big.md", "--max-bytes"],
    );
    let allowed = grade(&[&file, "--rubric", "product-pitch", "--max-bytes", "2000000"]);
    assert_eq!(allowed.status.code(), Some(0), "{}", stderr(&allowed));
}

#[test]
fn an_unknown_rubric_lists_the_built_ins_and_suggests_one() {
    assert_error(
        &grade(&[STRONG, "--rubric", "product-pich"]),
        &[
            "unknown rubric `product-pich`",
            "did you mean `product-pitch`",
            "built-in rubrics: product-pitch",
        ],
    );
}

#[test]
fn no_rubric_chosen() {
    assert_error(&grade(&[STRONG]), &["no rubric chosen", "--rubric"]);
}

#[test]
fn an_invalid_rubric_file_points_at_line_and_column() {
    let dir = scratch("bad-rubric");
    let rubric = write(
        &dir,
        "bad.toml",
        b"id = \"x\"\ntitle = \"X\"\n\n[[criterion]]\nid = \"c\"\nname = \"C\"\nweight = -2\nmax = 1\nadvice = \"a\"\n\n  [[criterion.signal]]\n  id = \"s\"\n  kind = \"phrases\"\n  phrases = [\"p\"]\n",
    );
    assert_error(
        &grade(&[STRONG, "--rubric", &rubric]),
        &[
            "invalid rubric",
            "bad.toml:7:10",
            "`weight` must be a positive number",
        ],
    );
}

#[test]
fn rubrics_list_show_and_check() {
    let list = stdout(&grade(&["rubrics", "list"]));
    assert!(
        list.contains("product-pitch") && list.contains("criteria"),
        "{list}"
    );
    let show = stdout(&grade(&["rubrics", "show", "product-pitch"]));
    assert!(
        show.contains("weight") && show.contains("advice:"),
        "{show}"
    );
    let check = grade(&["rubrics", "check", "rubrics/product-pitch.toml"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(stdout(&check).contains("examples passed"));
}

#[test]
fn rubrics_check_fails_on_a_failing_example() {
    let dir = scratch("failing-example");
    let rubric = write(
        &dir,
        "ex.toml",
        b"id = \"x\"\ntitle = \"X\"\n\n[[criterion]]\nid = \"c\"\nname = \"C\"\nweight = 1\nmax = 1\nadvice = \"a\"\n\n  [[criterion.signal]]\n  id = \"s\"\n  kind = \"phrases\"\n  phrases = [\"retention\"]\n  examples.hit = [\"We will grow revenue next year.\"]\n",
    );
    let output = grade(&["rubrics", "check", &rubric]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("c.s: should earn the signal"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn rubrics_check_runs_a_custom_concepts_examples_and_show_expands_it() {
    let dir = scratch("custom-concept");
    let rubric = write(
        &dir,
        "concept.toml",
        b"id = \"x\"\ntitle = \"X\"\n\n[[concept]]\nid = \"pricing\"\nphrases = [\"price*\", \"discount*\"]\nexamples.hit = [\"We will raise revenue next year.\"]\n\n[[criterion]]\nid = \"c\"\nname = \"C\"\nweight = 1\nmax = 1\nadvice = \"a\"\n\n  [[criterion.signal]]\n  id = \"s\"\n  kind = \"phrases\"\n  phrases = [\"@pricing\", \"@retention\"]\n",
    );
    let output = grade(&["rubrics", "check", &rubric]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("@pricing: should hold one of the concept's phrases"),
        "{}",
        stdout(&output)
    );
    let show = stdout(&grade(&["rubrics", "show", &rubric]));
    assert!(
        show.contains("@pricing (price*, discount*), @retention (retention, "),
        "{show}"
    );
}

#[test]
fn analyze_works_on_written_answers_and_transcripts() {
    let written = grade(&["analyze", STRONG]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    assert!(
        stdout(&written).contains("reading ease"),
        "{}",
        stdout(&written)
    );
    let json = grade(&[
        "analyze",
        "fixtures/transcripts/pitch-catch-up.vtt",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(report["schema"], "grade-analysis/1");
    assert_eq!(report["form"], "vtt");
    assert_eq!(report["delivery"]["speaker"], "Sam Rivera");
    assert!(report["delivery"]["pace_wpm"].as_f64().unwrap() > 100.0);
}

#[test]
fn speaker_and_input_format_flags() {
    let file = "fixtures/transcripts/failure-interviewer-talks-more.txt";
    let named = grade(&[
        file,
        "--rubric",
        "failure-story",
        "--speaker",
        "Interviewer",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&named)).unwrap();
    assert_eq!(report["transcript"]["speaker"], "Interviewer");
    assert_eq!(report["transcript"]["chosen_by"], "named with --speaker");
    assert_error(
        &grade(&[file, "--rubric", "failure-story", "--speaker", "Bob"]),
        &[file, ":1:1", "`Bob` is not in the transcript", "`Priya`"],
    );
    assert_error(
        &grade(&["analyze", STRONG, "--input-format", "vtt"]),
        &[STRONG, ":1:1", "WEBVTT"],
    );
    let as_text = grade(&[
        "analyze",
        file,
        "--input-format",
        "text",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&as_text)).unwrap();
    assert_eq!(report["form"], "text");
    assert!(report["delivery"].is_null());
}

#[test]
fn unusable_captions_name_the_line() {
    assert_error(
        &grade(&[
            "fixtures/transcripts/pitch-broken-cue.srt",
            "--rubric",
            "product-pitch",
        ]),
        &["pitch-broken-cue.srt:10:1", "timing line"],
    );
}
