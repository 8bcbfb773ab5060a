//! Batches end to end: folders walked as ripgrep walks them, per-file failures beside the
//! graded files, output identical for any thread count, every --format, bounds and exit
//! codes, and the progress bar kept off stderr when it is not a terminal.

mod common;

use common::{grade, scratch, stderr, stdout};
use std::path::Path;
use std::process::Output;

const STRONG: &str = "fixtures/product-pitch/strong-commute-packs.md";
const WEAK: &str = "fixtures/product-pitch/weak-super-app.md";

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn jsonl(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn a_folder_with_bad_files_grades_the_rest_and_exits_2() {
    let dir = scratch("mixed");
    write(&dir.join("a-strong.md"), fixture(STRONG));
    write(&dir.join("b-weak.txt"), fixture(WEAK));
    write(&dir.join("c-latin1.md"), b"Members\nlove caf\xe9s.");
    write(&dir.join("d-empty.md"), b"");
    write(&dir.join("e-binary.md"), b"PNG\x00\x01");
    // Tests run as root, where chmod 000 does not stop a read: a link to a missing file is
    // a file that cannot be read whoever runs the test.
    std::os::unix::fs::symlink(dir.join("gone.md"), dir.join("f-dangling.md")).unwrap();
    write(&dir.join("g-also-strong.md"), fixture(STRONG));
    write(&dir.join("h-too-large.md"), fixture(STRONG).repeat(4));

    let path = dir.to_str().unwrap();
    let output = grade(&[
        path,
        "--rubric",
        "product-pitch",
        "--format",
        "jsonl",
        "--max-bytes",
        "4000",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let lines = jsonl(&output);
    let files: Vec<String> = lines
        .iter()
        .map(|l| {
            let file = l["file"].as_str().unwrap();
            Path::new(file)
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        files,
        [
            "a-strong.md",
            "b-weak.txt",
            "c-latin1.md",
            "d-empty.md",
            "e-binary.md",
            "f-dangling.md",
            "g-also-strong.md",
            "h-too-large.md"
        ],
        "every file once, in path order"
    );
    for graded in [0, 1, 6] {
        assert_eq!(lines[graded]["schema"], "grade-report/1");
    }
    assert!(lines[0]["score"].as_f64().unwrap() > lines[1]["score"].as_f64().unwrap());
    assert_eq!(lines[0]["score"], lines[6]["score"]);
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8")
    );
    assert_eq!(
        (lines[2]["line"].as_u64(), lines[2]["column"].as_u64()),
        (Some(2), Some(9))
    );
    assert!(lines[3]["error"].as_str().unwrap().contains("empty"));
    assert!(lines[4]["error"].as_str().unwrap().contains("binary"));
    assert!(lines[5]["error"].as_str().unwrap().contains("missing file"));
    assert!(lines[7]["error"].as_str().unwrap().contains("--max-bytes"));

    let err = stderr(&output);
    assert_eq!(err.lines().count(), 5, "one error line per bad file: {err}");
    assert!(
        err.contains("c-latin1.md:2:9: the file is not valid UTF-8"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    let text = grade(&[path, "--rubric", "product-pitch", "--max-bytes", "4000"]);
    assert_eq!(text.status.code(), Some(2));
    let table = stdout(&text);
    assert!(
        table.contains("8 files: 3 graded, 5 could not be graded"),
        "{table}"
    );
}

#[test]
fn without_rubric_each_file_uses_its_front_matter() {
    let dir = scratch("front-matter");
    write(
        &dir.join("a.md"),
        format!("---\nrubric: product-pitch\n---\n{}", fixture(STRONG)),
    );
    write(&dir.join("b.md"), fixture(STRONG));
    let output = grade(&[dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(2));
    let lines = jsonl(&output);
    assert_eq!(lines[0]["rubric"]["id"], "product-pitch");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("no rubric chosen"),
        "{lines:?}"
    );
}

#[test]
fn a_symlink_loop_is_reported_and_the_walk_finishes() {
    let dir = scratch("loop");
    write(&dir.join("answers/a.md"), fixture(STRONG));
    std::os::unix::fs::symlink(dir.join("answers"), dir.join("answers/again")).unwrap();
    let output = grade(&[
        dir.to_str().unwrap(),
        "--rubric",
        "product-pitch",
        "--format",
        "jsonl",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let lines = jsonl(&output);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["schema"], "grade-report/1");
    assert!(lines[0]["file"].as_str().unwrap().ends_with("answers/a.md"));
    assert!(
        lines[1]["file"]
            .as_str()
            .unwrap()
            .ends_with("answers/again")
    );
    assert!(
        lines[1]["error"].as_str().unwrap().contains("loop"),
        "{lines:?}"
    );
}

#[test]
fn hidden_ignored_and_other_files_are_skipped_and_globs_choose() {
    let dir = scratch("walk");
    let body = fixture(STRONG);
    for name in ["a.md", "b.txt", "c.markdown", "d.srt", "e.vtt", "sub/f.MD"] {
        write(&dir.join(name), &body);
    }
    for name in [
        ".hidden.md",
        ".private/g.md",
        "ignored/h.md",
        "notes.toml",
        "README",
    ] {
        write(&dir.join(name), &body);
    }
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    write(&dir.join(".gitignore"), "ignored/\n");

    let names = |output: &Output| -> Vec<String> {
        assert!(output.status.success(), "{}", stderr(output));
        jsonl(output)
            .iter()
            .map(|l| {
                let file = Path::new(l["file"].as_str().unwrap());
                file.strip_prefix(&dir)
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    let path = dir.to_str().unwrap();
    let all = grade(&[path, "--rubric", "product-pitch", "--format", "jsonl"]);
    assert_eq!(
        names(&all),
        ["a.md", "b.txt", "c.markdown", "d.srt", "e.vtt", "sub/f.MD"]
    );

    let chosen = grade(&[
        path,
        "--rubric",
        "product-pitch",
        "--format",
        "jsonl",
        "--glob",
        "*.toml",
        "--glob",
        "sub/*",
    ]);
    assert_eq!(names(&chosen), ["notes.toml", "sub/f.MD"]);
    let excluded = grade(&[
        path,
        "--rubric",
        "product-pitch",
        "--format",
        "jsonl",
        "--glob",
        "!sub/**",
    ]);
    assert_eq!(
        names(&excluded),
        ["a.md", "b.txt", "c.markdown", "d.srt", "e.vtt"]
    );

    // A file named on the command line is graded whatever its name; a file named twice
    // (or inside a folder also named) once.
    let named = grade(&[
        &format!("{path}/notes.toml"),
        &format!("{path}/sub"),
        &format!("{path}/sub/f.MD"),
        "--rubric",
        "product-pitch",
        "--format",
        "jsonl",
    ]);
    assert_eq!(names(&named), ["notes.toml", "sub/f.MD"]);

    let none = grade(&[path, "--rubric", "product-pitch", "--glob", "*.pdf"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(
        stderr(&none).contains("no answer files"),
        "{}",
        stderr(&none)
    );
}

/// An answer built from a pool of sentences so that scores, bands and weakest criteria vary.
fn generated_answer(i: usize) -> String {
    const POOL: &[&str] = &[
        "Members on the mobile plan in India struggle to stream on the train.",
        "About 40% of new members churn by month three.",
        "Commute Packs download two episodes overnight on home Wi-Fi.",
        "We would measure month-three retention and expect a two-point lift.",
        "The guardrail is storage complaints and uninstalls.",
        "YouTube is free and already on their phone, which is the competition.",
        "I would test it in two cities first, opt-in against on by default.",
        "It fits Netflix's strategy of growing in India with local titles.",
        "My idea is an AI super app with games, chat and shopping.",
        "Um, it would be, like, really engaging for everyone.",
    ];
    let mut text = String::new();
    for (k, sentence) in POOL.iter().enumerate() {
        if (i >> (k % 10)) & 1 == 1 || (i + k).is_multiple_of(7) {
            text.push_str(sentence);
            text.push(' ');
        }
    }
    if text.is_empty() {
        text.push_str(POOL[i % POOL.len()]);
    }
    text
}

#[test]
fn output_is_the_same_bytes_on_one_thread_and_on_four() {
    let dir = scratch("threads");
    for i in 0..1200 {
        write(
            &dir.join(format!("group-{:02}/answer-{i:04}.md", i % 13)),
            generated_answer(i),
        );
    }
    // One bad file among them, so that errors keep their place too.
    write(&dir.join("group-05/bad.md"), b"\xff\xfe");
    let path = dir.to_str().unwrap();
    for format in ["jsonl", "text", "csv", "json"] {
        let one = grade(&[path, "--rubric", "product-pitch", "--format", format, "-j1"]);
        let four = grade(&[path, "--rubric", "product-pitch", "--format", format, "-j4"]);
        assert_eq!(one.status.code(), Some(2), "{format}: {}", stderr(&one));
        assert_eq!(four.status.code(), Some(2));
        assert!(one.stdout == four.stdout, "{format}: -j1 and -j4 differ");
        assert_eq!(stderr(&one), stderr(&four));
        if format == "jsonl" {
            let files: Vec<String> = jsonl(&one)
                .iter()
                .map(|l| l["file"].as_str().unwrap().to_owned())
                .collect();
            assert_eq!(files.len(), 1201);
            let mut sorted = files.clone();
            sorted.sort();
            assert_eq!(files, sorted, "path order");
            let scores: std::collections::BTreeSet<String> =
                jsonl(&one).iter().map(|l| l["score"].to_string()).collect();
            assert!(
                scores.len() > 10,
                "the generated answers score differently: {scores:?}"
            );
        }
    }
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = scratch("progress");
    for i in 0..60 {
        write(&dir.join(format!("a{i:02}.md")), generated_answer(i));
    }
    let output = grade(&[dir.to_str().unwrap(), "--rubric", "product-pitch"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}

#[test]
fn bounds_exit_1_and_name_what_broke() {
    let both = [STRONG, WEAK, "--rubric", "product-pitch"];
    let pass = grade(&[&both[..], &["--fail-under", "10"]].concat());
    assert_eq!(pass.status.code(), Some(0), "{}", stdout(&pass));

    let under = grade(&[&both[..], &["--fail-under", "50"]].concat());
    assert_eq!(under.status.code(), Some(1));
    let text = stdout(&under);
    assert!(text.contains("1 broke a bound"), "{text}");
    assert!(
        text.contains(&format!("{WEAK}: score 31.5 is below min-score 50")),
        "{text}"
    );

    let above = grade(&[&both[..], &["--fail-above", "50", "--format", "junit"]].concat());
    assert_eq!(above.status.code(), Some(1));
    assert!(
        stdout(&above).contains("is above max-score 50"),
        "{}",
        stdout(&above)
    );
    assert!(stdout(&above).contains("failures=\"1\""));

    let criterion = grade(
        &[
            &both[..],
            &["--fail-under-criterion", "data=1", "--format", "csv"],
        ]
        .concat(),
    );
    assert_eq!(criterion.status.code(), Some(1));
    assert!(
        stdout(&criterion).contains("criterion data scored 0, below min-criterion 1"),
        "{}",
        stdout(&criterion)
    );

    let unknown = grade(&[&both[..], &["--fail-under-criterion", "charisma=1"]].concat());
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("`charisma` is not a criterion of rubric `product-pitch`"),
        "{}",
        stderr(&unknown)
    );

    let malformed = grade(&[&both[..], &["--fail-under-criterion", "member-problem"]].concat());
    assert_eq!(malformed.status.code(), Some(2));
    assert!(stderr(&malformed).contains("ID=SCORE"));

    // One file keeps its full report, and the bound still decides the exit code.
    let single = grade(&[WEAK, "--rubric", "product-pitch", "--fail-under", "50"]);
    assert_eq!(single.status.code(), Some(1));
    assert!(
        stdout(&single).contains("Next steps"),
        "the detailed report"
    );
    assert!(stderr(&single).contains("fail: "), "{}", stderr(&single));
}

#[test]
fn every_format_renders_a_batch() {
    let both = [
        STRONG,
        WEAK,
        "--rubric",
        "product-pitch",
        "--fail-under",
        "50",
        "--format",
    ];
    let run = |format: &str| {
        let output = grade(&[&both[..], &[format]].concat());
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format}: {}",
            stderr(&output)
        );
        stdout(&output)
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["schema"], "grade-batch/1");
    assert_eq!(json["reports"][1]["file"], WEAK);
    assert_eq!(json["summary"]["cohort"]["out_of_bounds"], 1);
    assert_eq!(
        json["summary"]["rows"][1]["violations"][0]["bound"],
        "min-score"
    );

    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "bound"
        && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == WEAK));

    let github = run("github");
    assert!(
        github.contains(&format!("::error file={WEAK},line=1,")),
        "{github}"
    );
    assert!(github.lines().all(|l| l.starts_with("::")), "{github}");

    let csv = run("csv");
    assert_eq!(csv.lines().count(), 3);
    assert!(
        csv.starts_with("file,rubric,score,band,weakest,member-problem,"),
        "{csv}"
    );

    let markdown = run("markdown");
    assert!(
        markdown.contains(&format!("| `{WEAK}` | 31.5 |")),
        "{markdown}"
    );

    // A single file in a batch-only format is a batch of one.
    let one = grade(&[STRONG, "--rubric", "product-pitch", "--format", "jsonl"]);
    assert_eq!(jsonl(&one).len(), 1);
}

#[test]
fn standard_input_is_not_mixed_with_paths() {
    let output = grade(&["-", STRONG, "--rubric", "product-pitch"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--stdin-jsonl"),
        "{}",
        stderr(&output)
    );
}
