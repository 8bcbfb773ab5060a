//! Issue 16, parts 1 and 2: grade reads only what the person running it names (a record's
//! rubric path only under --rubric-dir; rubric files and grade.toml only when regular and
//! within 1 MiB), and nothing hangs (a FIFO or device named on the command line, -j 10000,
//! link webs under grade.toml). Each run is a process killed after a timeout.

mod common;

use common::{root, scratch};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

/// Longer than any of these runs takes on a loaded debug build; a run past it hung.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Runs `grade args` in `dir` with `stdin`, killing it and failing the test on timeout.
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    common::grade_within(dir, args, stdin, Some(TIMEOUT))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn lines(output: &Output) -> Vec<serde_json::Value> {
    text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn answer() -> String {
    std::fs::read_to_string(root().join("fixtures/product-pitch/strong-commute-packs.md")).unwrap()
}

/// A folder with `rubrics/pitch.toml` (a copy of a built-in rubric) and `outside.toml`
/// beside it, for --rubric-dir rubrics.
fn rubric_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    let rubric = root().join("rubrics/product-pitch.toml");
    std::fs::create_dir_all(dir.join("rubrics")).unwrap();
    std::fs::copy(&rubric, dir.join("rubrics/pitch.toml")).unwrap();
    std::fs::copy(&rubric, dir.join("outside.toml")).unwrap();
    dir
}

/// One record per rubric, graded with `args`; the output lines.
fn records(dir: &Path, args: &[&str], rubrics: &[&str]) -> Vec<serde_json::Value> {
    let mut input = String::new();
    for (id, rubric) in rubrics.iter().enumerate() {
        let record = serde_json::json!({"id": id, "text": answer(), "rubric": rubric});
        input.push_str(&format!("{record}\n"));
    }
    let mut all = vec!["--stdin-jsonl"];
    all.extend_from_slice(args);
    let output = run(dir, &all, input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let lines = lines(&output);
    assert_eq!(lines.len(), rubrics.len(), "{lines:?}");
    lines
}

fn error(line: &serde_json::Value) -> &str {
    line["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error: {line}"))
}

#[test]
fn a_record_naming_etc_passwd_is_refused_and_the_stream_goes_on() {
    let dir = rubric_dir("passwd");
    for args in [&[][..], &["--rubric-dir", "rubrics"][..]] {
        let lines = records(&dir, args, &["/etc/passwd", "product-pitch"]);
        assert!(error(&lines[0]).contains("/etc/passwd"), "{}", lines[0]);
        assert_eq!(lines[1]["report"]["rubric"]["id"], "product-pitch");
    }
}

#[test]
fn a_record_naming_dev_zero_is_refused_promptly() {
    let dir = rubric_dir("zero");
    let lines = records(
        &dir,
        &["--rubric-dir", "/dev"],
        &["zero", "/dev/zero", "zero.toml"],
    );
    for line in &lines {
        error(line);
    }
    // Under a --rubric-dir that holds it, a device is still not a rubric file.
    let lines = records(
        &dir,
        &["--rubric-dir", "/dev"],
        &["./zero", "product-pitch"],
    );
    assert!(
        error(&lines[0]).contains("regular files only"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1]["report"]["rubric"]["id"], "product-pitch");
}

#[test]
fn a_record_rubric_under_rubric_dir_is_accepted() {
    let dir = rubric_dir("under");
    let lines = records(
        &dir,
        &["--rubric-dir", "rubrics"],
        &["pitch.toml", "./pitch.toml"],
    );
    for line in &lines {
        assert_eq!(line["report"]["rubric"]["id"], "product-pitch", "{line}");
    }
    // Without --rubric-dir a path is refused, even one that exists.
    let lines = records(&dir, &[], &["rubrics/pitch.toml", "outside.toml"]);
    for line in &lines {
        assert!(error(line).contains("--rubric-dir"), "{line}");
    }
}

#[test]
fn a_record_rubric_escaping_rubric_dir_is_refused() {
    let dir = rubric_dir("escape");
    std::os::unix::fs::symlink(dir.join("outside.toml"), dir.join("rubrics/link.toml")).unwrap();
    let outside = dir.join("outside.toml");
    let lines = records(
        &dir,
        &["--rubric-dir", "rubrics"],
        &[
            "../outside.toml",
            "sub/../../outside.toml",
            "link.toml",
            outside.to_str().unwrap(),
        ],
    );
    for line in &lines {
        assert!(error(line).contains("rubric"), "{line}");
    }
    assert!(
        error(&lines[0]).contains("outside --rubric-dir"),
        "{}",
        lines[0]
    );
    assert!(
        error(&lines[2]).contains("outside --rubric-dir"),
        "{}",
        lines[2]
    );
    let missing = run(&dir, &["--stdin-jsonl", "--rubric-dir", "nope"], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("--rubric-dir nope"));
}

#[test]
fn rubric_files_and_grade_toml_are_read_only_when_regular_and_small() {
    let dir = scratch("sources");
    std::fs::write(dir.join("a.md"), answer()).unwrap();
    mkfifo(&dir.join("fifo.toml"));
    let big = format!("# {}\n", "x".repeat(1 << 20));
    std::fs::write(dir.join("big.toml"), big).unwrap();
    for rubric in ["/dev/zero", "fifo.toml", "big.toml"] {
        let output = run(&dir, &["--rubric", rubric, "a.md"], b"");
        assert_eq!(output.status.code(), Some(2), "{rubric}");
        assert!(
            text(&output.stderr).contains(rubric),
            "{}",
            text(&output.stderr)
        );
    }
    for config in ["fifo.toml", "/dev/zero", "big.toml"] {
        let output = run(&dir, &["check", "--config", config], b"");
        assert_eq!(output.status.code(), Some(2), "{config}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.starts_with(&format!("error: {config}: ")),
            "{stderr}"
        );
    }
}

#[test]
fn a_fifo_or_device_on_the_command_line_is_refused_and_the_others_graded() {
    let dir = scratch("fifo");
    std::fs::write(dir.join("a.md"), answer()).unwrap();
    mkfifo(&dir.join("pipe.md"));
    let args = ["--rubric", "product-pitch", "--format", "jsonl"];
    let output = run(
        &dir,
        &[&args[..], &["pipe.md", "a.md", "/dev/zero"]].concat(),
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("error: pipe.md: cannot read: is a FIFO"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: /dev/zero: cannot read: is a device"),
        "{stderr}"
    );
    let graded = lines(&output)
        .iter()
        .filter(|l| l["score"].is_number())
        .count();
    assert_eq!(graded, 1, "{}", text(&output.stdout));
    let one = run(&dir, &["--rubric", "product-pitch", "pipe.md"], b"");
    assert_eq!(one.status.code(), Some(2));
    assert!(text(&one.stderr).contains("pipe.md"));
}

#[test]
fn jobs_over_four_per_core_are_capped_with_a_warning() {
    let dir = scratch("jobs");
    for i in 0..13 {
        std::fs::write(dir.join(format!("{i}.md")), answer()).unwrap();
    }
    let output = run(
        &dir,
        &["-j", "10000", "--rubric", "product-pitch", "."],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("warning: --jobs 10000 is over 4×"));
    let quiet = run(&dir, &["-j", "1", "--rubric", "product-pitch", "."], b"");
    assert_eq!(quiet.stdout, output.stdout);
    assert!(quiet.stderr.is_empty());
}

#[test]
fn grade_toml_stays_in_its_folder_unless_a_glob_says_dot_dot() {
    let dir = scratch("toml-walk");
    let project = dir.join("project");
    std::fs::create_dir_all(project.join("answers")).unwrap();
    std::fs::create_dir_all(dir.join("shared")).unwrap();
    std::fs::write(project.join("answers/a.md"), answer()).unwrap();
    std::fs::write(dir.join("shared/b.md"), answer()).unwrap();
    let link = |target: &Path, at: &str| std::os::unix::fs::symlink(target, project.join(at));
    // A link out of the folder, a link to an ancestor, and a link to the root.
    link(&dir.join("shared"), "answers/out").unwrap();
    link(&project, "answers/up").unwrap();
    link(Path::new("/"), "root").unwrap();
    let config = "[[check]]\nfiles = \"**/*.md\"\nrubric = \"product-pitch\"\n";
    std::fs::write(project.join("grade.toml"), config).unwrap();
    let output = run(&project, &["check"], b"");
    let stdout = text(&output.stdout);
    assert!(stdout.contains("answers/a.md"), "{stdout}");
    assert!(!stdout.contains("b.md"), "{stdout}");
    let dotdot =
        format!("{config}\n[[check]]\nfiles = \"../shared/*.md\"\nrubric = \"product-pitch\"\n");
    std::fs::write(project.join("grade.toml"), dotdot).unwrap();
    let output = run(&project, &["check"], b"");
    let stdout = text(&output.stdout);
    assert!(stdout.contains("../shared/b.md"), "{stdout}");
}

#[test]
fn a_labels_file_that_is_a_fifo_is_refused_promptly() {
    let dir = scratch("labels");
    mkfifo(&dir.join("labels.csv"));
    let output = run(&dir, &["calibrate", "labels.csv"], b"");
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("labels.csv") && stderr.contains("regular file"),
        "{stderr}"
    );
}
