//! A real editor as the client: Debian's Neovim, headless, with tests/editor/init.lua,
//! attaches `grade lsp` to tests/editor/answer.md, waits for the diagnostics and writes
//! them to a file, which this test reads. Without `nvim` the test prints a note and passes
//! only when `CI` is unset (.ci/install-neovim installs it for CI).

mod common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn nvim_found() -> bool {
    Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn neovim_shows_the_diagnostics() {
    if !nvim_found() {
        common::skip_unless_ci("nvim not found; .ci/install-neovim installs it");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::temp_dir().join(format!("grade-nvim-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let mut child = Command::new("nvim")
        .args([
            "--headless",
            "--clean",
            "-u",
            "tests/editor/init.lua",
            "tests/editor/answer.md",
        ])
        .current_dir(root)
        .env("GRADE_BIN", env!("CARGO_BIN_EXE_grade"))
        .env("GRADE_OUT", &out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(
        common::wait_within(&mut child, Duration::from_secs(60)),
        "nvim did not quit within 60 s"
    );
    let written = std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("nvim wrote no {}: {e}", out.display()));
    let _ = std::fs::remove_file(&out);
    assert!(!written.starts_with("error:"), "{written}");
    let diagnostics: Vec<Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find =
        |code: &str| -> Vec<&Value> { diagnostics.iter().filter(|d| d["code"] == code).collect() };
    // The summary: Information (3) on the first line.
    let score = find("score");
    assert_eq!(score.len(), 1, "{written}");
    assert_eq!(
        (score[0]["lnum"].as_u64(), score[0]["severity"].as_u64()),
        (Some(0), Some(3))
    );
    assert!(
        score[0]["message"].as_str().unwrap().contains("/100"),
        "{written}"
    );
    // The mistake: a Warning (2) on each of the three sentences of line 14.
    let piles = find("feature-pile");
    let at: Vec<(u64, u64, u64)> = piles
        .iter()
        .map(|d| {
            (
                d["lnum"].as_u64().unwrap(),
                d["col"].as_u64().unwrap(),
                d["severity"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(at, [(13, 0, 2), (13, 44, 2), (13, 98, 2)], "{written}");
    // A missing signal of a top criterion (the member problem, the answer's first next
    // step after the mistake): Information on the first line.
    let problem = find("problem");
    assert_eq!(
        (problem[0]["lnum"].as_u64(), problem[0]["severity"].as_u64()),
        (Some(0), Some(3)),
        "{written}"
    );
    // An evidence hint (4) after an emoji: Neovim turned the server's UTF-16 column into
    // this byte column, so both sides counted the same character.
    let text = std::fs::read_to_string(root.join("tests/editor/answer.md")).unwrap();
    let line = text.lines().nth(9).unwrap();
    let hint = find("test-plan");
    assert_eq!(hint.len(), 1, "{written}");
    assert_eq!(hint[0]["severity"], 4);
    assert_eq!(hint[0]["lnum"], 9);
    assert_eq!(
        hint[0]["col"].as_u64().unwrap() as usize,
        line.find("We could test").unwrap()
    );
    assert_eq!(hint[0]["end_col"].as_u64().unwrap() as usize, line.len());
}
