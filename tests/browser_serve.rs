//! The practice page in real headless chromium: `grade serve` on a free loopback port,
//! driven by tests/browser/serve.mjs (playwright-core pointed at Debian's chromium). An
//! answer is typed key by key; the score shown must be the API's for that text, its
//! evidence highlighted, markup in the answer shown as text, and a stale response dropped.
//! `UPDATE_SCREENSHOTS=1` saves the page as docs/serve.png.

mod common;

use common::server::Server;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Whether `program` runs; without it the test is skipped, except under CI, where it fails.
fn have(program: &str, args: &[&str]) -> bool {
    let found = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        common::skip_unless_ci(&format!("{program} not found; run .ci/install-browser"));
    }
    found
}

#[test]
fn the_page_grades_what_is_typed_and_highlights_its_evidence() {
    let root = common::root();
    let modules = root.join("tests/browser/node_modules/playwright-core");
    if !have("node", &["--version"]) || !have("/usr/bin/chromium", &["--version"]) {
        return;
    }
    if !modules.is_dir() {
        common::skip_unless_ci("tests/browser/node_modules is missing; run .ci/install-browser");
        return;
    }
    let server = Server::start(&[]);
    let shot = if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        root.join("docs/serve.png")
    } else {
        std::env::temp_dir().join(format!("grade-serve-{}.png", std::process::id()))
    };
    let answer = root.join("fixtures/product-pitch/strong-commute-packs.md");
    let mut node = Command::new("node")
        .arg(root.join("tests/browser/serve.mjs"))
        .arg(format!("http://{}", server.address))
        .arg(&answer)
        .arg(&shot)
        .current_dir(root.join("tests/browser"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(
        common::wait_within(&mut node, Duration::from_secs(120)),
        "the browser test ran past 120 s"
    );
    let output = node.wait_with_output().unwrap();
    let (out, err) = (common::stdout(&output), common::stderr(&output));
    assert!(output.status.success(), "serve.mjs failed:\n{out}\n{err}");
    let result: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(result["shown"], result["score"], "{result}");
    assert!(result["marks"].as_u64().unwrap() > 0, "{result}");
    // The score the page showed is the one the CLI gives that answer.
    let cli = common::grade(&[
        "fixtures/product-pitch/strong-commute-packs.md",
        "--rubric",
        "product-pitch",
        "--format",
        "json",
    ]);
    let cli: serde_json::Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(cli["score"], result["score"]);
    assert_screenshot_not_blank(&shot);
    let (status, lines) = server.interrupt();
    assert!(status.success(), "exit after SIGINT: {status:?}");
    assert_eq!(lines, ["grade serve: stopped"]);
}

/// A PNG of the page, not an empty or one-colour image: large, and with many byte values
/// in its compressed data.
fn assert_screenshot_not_blank(path: &Path) {
    let png = std::fs::read(path).unwrap();
    assert!(
        png.starts_with(b"\x89PNG"),
        "{} is not a PNG",
        path.display()
    );
    assert!(
        png.len() > 30_000,
        "{} is {} bytes: blank?",
        path.display(),
        png.len()
    );
    let distinct: std::collections::BTreeSet<u8> = png.iter().copied().collect();
    assert!(distinct.len() > 200, "{} looks blank", path.display());
}
