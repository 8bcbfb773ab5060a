//! `grade check` end to end: grade.toml found from a subfolder or named with --config,
//! verdicts with the bound broken, exit 0/1/2, and configuration mistakes with line:column.
//! Also runs the project's own grade.toml, as CI does.

mod common;

use common::{grade_in, root, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A temp project with two sample answers copied from the fixtures and a grade.toml.
fn project(name: &str, config: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grade-check-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (from, to) in [
        (
            "fixtures/product-pitch/strong-commute-packs.md",
            "samples/good/commute.md",
        ),
        (
            "fixtures/product-pitch/weak-super-app.md",
            "samples/bad/super-app.md",
        ),
    ] {
        let to = dir.join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root().join(from), to).unwrap();
    }
    std::fs::write(dir.join("grade.toml"), config).unwrap();
    dir
}

const PASSING: &str = r#"
[[check]]
name = "good samples"
files = "samples/good/*.md"
rubric = "product-pitch"
min-score = 70
min-criterion = { member-problem = 3 }

[[check]]
files = ["samples/bad/*.md"]
rubric = "product-pitch"
max-score = 40
"#;

#[test]
fn passes_when_every_file_is_within_bounds_found_from_a_subfolder() {
    let dir = project("pass", PASSING);
    let output = grade_in(&dir.join("samples/bad"), &["check"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    let text = stdout(&output);
    assert!(text.contains("check `good samples`: 1 file"), "{text}");
    assert!(
        text.contains("  ok     88.5  samples/good/commute.md"),
        "{text}"
    );
    assert!(text.contains("check 2: 1 file"), "{text}");
    assert!(
        text.contains("  ok     31.5  samples/bad/super-app.md"),
        "{text}"
    );
    assert!(
        text.contains("2 files in 2 checks: 2 within bounds, 0 out of bounds"),
        "{text}"
    );
}

#[test]
fn a_broken_bound_fails_with_exit_1_and_says_which() {
    let config = PASSING
        .replace("min-score = 70", "min-score = 95")
        .replace("max-score = 40", "max-score = 10");
    let dir = project("fail", &config);
    let output = grade_in(&dir, &["check", "-j", "2"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(
        text.contains("  FAIL   88.5  samples/good/commute.md: score 88.5 is below min-score 95"),
        "{text}"
    );
    assert!(
        text.contains("  FAIL   31.5  samples/bad/super-app.md: score 31.5 is above max-score 10"),
        "{text}"
    );
    assert!(text.contains("0 within bounds, 2 out of bounds"), "{text}");
}

#[test]
fn an_unreadable_sample_is_an_error_with_exit_2() {
    let dir = project("error", PASSING);
    std::fs::write(dir.join("samples/good/latin1.md"), b"caf\xe9").unwrap();
    let output = grade_in(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("ERROR         samples/good/latin1.md:1:4"),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output).contains("error: samples/good/latin1.md:1:4: the file is not valid UTF-8")
    );
}

#[test]
fn config_named_with_a_flag_and_its_mistakes() {
    let dir = project("config", PASSING);
    std::fs::rename(dir.join("grade.toml"), dir.join("ci.toml")).unwrap();
    let none = grade_in(&dir, &["check"]);
    // The temp folder has no grade.toml above it (unless the machine has one in /tmp).
    if !Path::new("/tmp/grade.toml").exists() && !Path::new("/grade.toml").exists() {
        assert_eq!(none.status.code(), Some(2));
        assert!(
            stderr(&none).contains("no grade.toml in"),
            "{}",
            stderr(&none)
        );
    }
    let named = grade_in(
        root(),
        &["check", "--config", dir.join("ci.toml").to_str().unwrap()],
    );
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
    assert!(
        stdout(&named).contains("samples/good/commute.md"),
        "paths relative to the config"
    );

    let cases: &[(&str, &[&str])] = &[
        (
            "[[check]]\nfiles = \"*.md\"\nrubric = \"product-pitch\"\nmin-scor = 3\n",
            &["grade.toml:4:1", "unknown field `min-scor`"],
        ),
        (
            "[[check]]\nfiles = \"*.md\"\nrubric = \"product-pich\"\n",
            &["grade.toml:1:1", "check 1", "did you mean `product-pitch`"],
        ),
        (
            "[[check]]\nfiles = \"*.md\"\nrubric = \"product-pitch\"\nmin-criterion = { charisma = 2 }\n",
            &["`charisma` is not a criterion"],
        ),
        (
            "[[check]]\nfiles = \"*.md\"\nmin-score = 80\nmax-score = 20\n",
            &["min-score 80 is above max-score 20"],
        ),
        (
            "[[check]]\nfiles = \"nothing/*.md\"\nrubric = \"product-pitch\"\n",
            &["match no file"],
        ),
        ("title = \"x\"\n", &["unknown field `title`"]),
        ("", &["no [[check]] tables"]),
    ];
    for (config, fragments) in cases {
        std::fs::write(dir.join("grade.toml"), config).unwrap();
        let output = grade_in(&dir, &["check"]);
        assert_eq!(output.status.code(), Some(2), "{config}");
        let err = stderr(&output);
        assert!(
            err.starts_with("error: ") && !err.contains("panicked"),
            "{err}"
        );
        for fragment in *fragments {
            assert!(err.contains(fragment), "`{fragment}` not in: {err}");
        }
    }
}

#[test]
fn the_projects_own_samples_pass_their_checks() {
    let output = grade_in(root(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(!text.contains("FAIL") && !text.contains("ERROR"), "{text}");
    assert!(text.contains("14 checks"), "{text}");
}

/// docs/grade-toml.schema.json is generated from grade.toml's types (`grade check
/// --schema`); regenerate it with `UPDATE_SCHEMA=1 cargo test --test check`.
#[test]
fn the_grade_toml_schema_file_is_current() {
    let schema = grade::config::schema();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/grade-toml.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &schema).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == schema,
        "docs/grade-toml.schema.json is stale: regenerate it with `UPDATE_SCHEMA=1 cargo test --test check`"
    );
    let printed = Command::new(env!("CARGO_BIN_EXE_grade"))
        .args(["check", "--schema"])
        .output()
        .unwrap();
    assert_eq!(printed.status.code(), Some(0));
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), schema);
}
