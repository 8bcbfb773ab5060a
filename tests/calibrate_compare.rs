//! `grade calibrate` and `grade compare` end to end: the shipped labelled sample, label-file
//! errors with line:column, a missing answer that does not stop the others, and a rewrite.

mod common;

use common::grade;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn calibrate_reports_agreement_on_the_shipped_sample() {
    let out = grade(&["calibrate", "fixtures/calibration/labels.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("calibrate_sample", text(&out.stdout));
    let json = grade(&[
        "calibrate",
        "fixtures/calibration/labels.csv",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["overall"]["n"], 64);
    assert!(value["overall"]["qwk"].as_f64().unwrap() > 0.7);
}

#[test]
fn calibrate_names_the_line_and_column_of_a_bad_label() {
    let dir = std::env::temp_dir().join(format!("grade-calibrate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let labels = dir.join("labels.csv");
    std::fs::write(&labels, "file,score\na.md,high\n").unwrap();
    let out = grade(&["calibrate", labels.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("labels.csv:2:6: `high` is not an integer"),
        "{err}"
    );

    // A missing answer is reported with its row; the others are still graded.
    let strong = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/product-pitch/strong-commute-packs.md");
    let weak = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/product-pitch/weak-super-app.md");
    std::fs::write(
        &labels,
        format!(
            "file,score\n{},5\nmissing.md,3\n{},2\n",
            strong.display(),
            weak.display()
        ),
    )
    .unwrap();
    let out = grade(&[
        "calibrate",
        labels.to_str().unwrap(),
        "--rubric",
        "product-pitch",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("labels.csv:3: ") && text(&out.stderr).contains("missing.md"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("overall                     2"),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compare_shows_what_a_rewrite_changed() {
    let out = grade(&[
        "compare",
        "fixtures/compare/draft-1.md",
        "fixtures/compare/draft-2.md",
        "--rubric",
        "product-pitch",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("compare_drafts", text(&out.stdout));
    let json = grade(&[
        "compare",
        "fixtures/compare/draft-1.md",
        "fixtures/compare/draft-2.md",
        "--rubric",
        "product-pitch",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(value["change"].as_f64().unwrap() > 50.0);
    assert_eq!(
        value["mistakes_fixed"],
        serde_json::json!(["features-without-why", "no-metric"])
    );
}
