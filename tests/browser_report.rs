//! The HTML reports in a real browser: Debian's chromium, headless, driven by
//! playwright-core (tests/browser/report.mjs). The single page of a written answer and of
//! a transcript, the cohort page of a fixture folder, and both pages of an answer and a
//! rubric full of markup are loaded from files; each must render (a screenshot that is not
//! blank), hold its score and its marks, show a mark's criterion on keyboard focus, log no
//! error, run no script and request nothing from any host. `UPDATE_SCREENSHOTS=1` writes
//! docs/report.png and docs/cohort.png. Without chromium or the npm packages the test
//! prints a note and passes, unless `CI` is set (`.ci/install-browser` installs both).

mod common;

use common::{
    grade, hostile_answer_and_rubric, root, scratch, skip_unless_ci, stderr, wait_within,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// How long the browser may take over every page.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(180);

/// Whether the browser and the npm packages are there; when not, fails under CI and
/// otherwise says why the test does nothing.
fn browser_available() -> bool {
    let chromium =
        Path::new("/usr/bin/chromium").exists() || std::env::var_os("CHROMIUM").is_some();
    let packages = root()
        .join("tests/browser/node_modules/playwright-core")
        .is_dir();
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if chromium && packages && node {
        return true;
    }
    let missing = format!(
        "chromium {chromium}, tests/browser/node_modules {packages}, node {node}; run .ci/install-browser"
    );
    skip_unless_ci(&missing);
    false
}

/// Runs tests/browser/report.mjs on `spec`: whether every check passed, and what it printed.
fn run_browser(spec: &Path) -> (bool, String) {
    let mut child = Command::new("node")
        .arg(root().join("tests/browser/report.mjs"))
        .arg(spec)
        .current_dir(root().join("tests/browser"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(
        wait_within(&mut child, BROWSER_TIMEOUT),
        "the browser did not finish in {BROWSER_TIMEOUT:?}"
    );
    let output = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    let err = String::from_utf8_lossy(&output.stderr);
    (output.status.success(), format!("{out}{err}"))
}

/// The built-in rubric the fixtures are graded under.
const PITCH: &str = "product-pitch";

/// Writes the page of `path` under `rubric` to `dir/name.html` and returns its path and its
/// score as the page shows it (a folder's page shows its summary instead).
fn page(dir: &Path, name: &str, path: &str, rubric: &str) -> (PathBuf, String) {
    let args = [path, "--rubric", rubric, "--format"];
    let html = grade(&[&args[..], &["html"]].concat());
    assert!(
        matches!(html.status.code(), Some(0 | 1)),
        "{path}: {}",
        stderr(&html)
    );
    let file = dir.join(format!("{name}.html"));
    std::fs::write(&file, &html.stdout).unwrap();
    let json = grade(&[&args[..], &["json"]].concat());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap_or_default();
    let score = value["score"]
        .as_f64()
        .map_or_else(|| "Cohort summary".to_owned(), |s| format!("{s:.1}"));
    (file, score)
}

#[test]
fn reports_render_in_headless_chromium() {
    if !browser_available() {
        return;
    }
    let dir = scratch("browser");
    // A folder of its own, so that its cohort page holds just the hostile answer.
    let hostile_dir = dir.join("hostile");
    std::fs::create_dir_all(&hostile_dir).unwrap();
    let (answer, rubric) = hostile_answer_and_rubric(&hostile_dir);
    let (answer, rubric) = (answer.to_str().unwrap(), rubric.to_str().unwrap());
    let hostile = hostile_dir.to_str().unwrap();
    let pages = [
        (
            "report",
            page(
                &dir,
                "report",
                "fixtures/product-pitch/strong-commute-packs.md",
                PITCH,
            ),
            vec!["The answer", "Next steps"],
        ),
        (
            "transcript",
            page(
                &dir,
                "transcript",
                "fixtures/transcripts/pitch-catch-up.srt",
                PITCH,
            ),
            vec!["Delivery", "Talk share"],
        ),
        (
            "cohort",
            page(&dir, "cohort", "fixtures/product-pitch", PITCH),
            vec![
                "Files per band",
                "Flagged answers",
                "strong-commute-packs.md",
            ],
        ),
        (
            "hostile",
            page(&dir, "hostile", answer, rubric),
            vec!["<script>alert(1)</script>", "javascript:alert(1)"],
        ),
        (
            "hostile-cohort",
            page(&dir, "hostile-cohort", hostile, rubric),
            vec!["\"><img src=x onerror=alert(1)>"],
        ),
    ];
    let update = std::env::var_os("UPDATE_SCREENSHOTS").is_some();
    let specs: Vec<serde_json::Value> = pages
        .iter()
        .map(|(name, (file, score), texts)| {
            let shot = match (update, *name) {
                (true, "report" | "cohort") => root().join("docs").join(format!("{name}.png")),
                _ => dir.join(format!("{name}.png")),
            };
            serde_json::json!({
                "file": file, "screenshot": shot, "score": score, "marks": true, "texts": texts,
                "keepFocus": *name == "report",
            })
        })
        .collect();
    let spec = dir.join("spec.json");
    std::fs::write(&spec, serde_json::json!({ "pages": specs }).to_string()).unwrap();

    let (ok, out) = run_browser(&spec);
    assert!(ok, "{out}");
    let result: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(result["failures"], serde_json::json!([]));
    let results = result["results"].as_array().unwrap();
    assert_eq!(results.len(), pages.len());
    for r in results {
        assert!(r["marks"].as_u64().unwrap() > 0, "{r}");
        assert!(r["focused"].as_str().unwrap().contains(" · "), "{r}");
    }
    for (name, _, _) in &pages {
        assert!(
            dir.join(format!("{name}.png")).exists() || update,
            "{name}: no screenshot"
        );
    }
}

/// The checks can fail: a page that runs a script, opens a dialog and asks another host for
/// an image fails each of them.
#[test]
fn the_browser_checks_catch_a_script_and_an_outside_request() {
    if !browser_available() {
        return;
    }
    let dir = scratch("browser-canary");
    let page = dir.join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><body><p>score 12.0</p><mark class=\"ev\" tabindex=\"0\">x</mark>\
         <img src=\"http://example.invalid/x.png\"><script>alert(1)</script></body></html>",
    )
    .unwrap();
    let spec = dir.join("spec.json");
    let pages = serde_json::json!({ "pages": [{
        "file": page, "screenshot": dir.join("bad.png"), "score": "12.0", "marks": true,
    }]});
    std::fs::write(&spec, pages.to_string()).unwrap();
    let (ok, out) = run_browser(&spec);
    assert!(!ok, "{out}");
    for failure in [
        "no <script> element",
        "no request to another host",
        "no dialog opened",
    ] {
        assert!(out.contains(failure), "`{failure}` not reported: {out}");
    }
}
