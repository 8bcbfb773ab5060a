//! The HTML reports in a real browser: Debian's chromium, headless, driven by
//! playwright-core (tests/browser/report.mjs). The single page of a written answer and of
//! a transcript, the cohort page of a fixture folder, and both pages of an answer and a
//! rubric full of markup are loaded from files; each must render (a screenshot that is not
//! blank), hold its score and its marks, show a mark's criterion on keyboard focus, log no
//! error, run no script and request nothing from any host. `UPDATE_SCREENSHOTS=1` writes
//! docs/report.png and docs/cohort.png. Without chromium or the npm packages the test
//! prints a note and passes, unless `CI` is set (`.ci/install-browser` installs both).

mod common;

use common::{grade, hostile_answer_and_rubric, root, scratch, stderr};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but the browser test cannot run: {missing}"
    );
    println!("note: browser test skipped: {missing}");
    false
}

/// Writes `args`' page to `dir/name` and returns its path and its score as the page shows it.
fn page(dir: &Path, name: &str, args: &[&str]) -> (PathBuf, String) {
    let html = grade(&[args, &["--format", "html"]].concat());
    assert!(
        matches!(html.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        stderr(&html)
    );
    let path = dir.join(name);
    std::fs::write(&path, &html.stdout).unwrap();
    let json = grade(&[args, &["--format", "json"]].concat());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap_or_default();
    let score = value["score"]
        .as_f64()
        .map_or_else(|| "Cohort summary".to_owned(), |s| format!("{s:.1}"));
    (path, score)
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
    let pitch = ["--rubric", "product-pitch"];
    let pages = [
        (
            "report",
            page(
                &dir,
                "report.html",
                &[
                    &["fixtures/product-pitch/strong-commute-packs.md"][..],
                    &pitch,
                ]
                .concat(),
            ),
            vec!["The answer", "Next steps"],
        ),
        (
            "transcript",
            page(
                &dir,
                "transcript.html",
                &[&["fixtures/transcripts/pitch-catch-up.srt"][..], &pitch].concat(),
            ),
            vec!["Delivery", "Talk share"],
        ),
        (
            "cohort",
            page(
                &dir,
                "cohort.html",
                &[&["fixtures/product-pitch"][..], &pitch].concat(),
            ),
            vec![
                "Files per band",
                "Flagged answers",
                "strong-commute-packs.md",
            ],
        ),
        (
            "hostile",
            page(&dir, "hostile.html", &[answer, "--rubric", rubric]),
            vec!["<script>alert(1)</script>", "javascript:alert(1)"],
        ),
        (
            "hostile-cohort",
            page(
                &dir,
                "hostile-cohort.html",
                &[hostile_dir.to_str().unwrap(), "--rubric", rubric],
            ),
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

    let mut child = Command::new("node")
        .arg(root().join("tests/browser/report.mjs"))
        .arg(&spec)
        .current_dir(root().join("tests/browser"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > BROWSER_TIMEOUT {
            child.kill().unwrap();
            panic!("the browser did not finish in {BROWSER_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{out}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
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
