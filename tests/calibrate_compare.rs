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
fn calibrate_reads_the_long_form() {
    // One row per answer and criterion, `expert` as the score column, `overall` rows for
    // the overall score, `mistakes` rows and the `why` column ignored.
    let out = grade(&["calibrate", "fixtures/calibration/criteria.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for row in [
        "overall                     8",
        "goal-first                  8",
        "guardrails                  8",
    ] {
        assert!(stdout.contains(row), "{stdout}");
    }
    assert!(!stdout.contains("mistakes"), "{stdout}");
    let json = grade(&[
        "calibrate",
        "fixtures/calibration/criteria.csv",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let names: Vec<&str> = value["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["goal-first", "guardrails"]);
    assert_eq!(value["criteria"][0]["scale"], serde_json::json!([0, 2]));
}

#[test]
fn calibrate_long_form_errors_and_no_overall() {
    let dir = common::scratch("calibrate-long");
    let strong = common::root().join("fixtures/metrics/strong-downloads-for-you.md");
    let weak = common::root().join("fixtures/metrics/weak-ask-the-users.md");
    let (strong, weak) = (strong.display(), weak.display());
    let labels = dir.join("long.csv");
    let run = |csv: String| {
        std::fs::write(&labels, csv).unwrap();
        grade(&["calibrate", labels.to_str().unwrap(), "--rubric", "metrics"])
    };
    // Without `overall` rows there is no overall line, only the criteria.
    let out = run(format!(
        "file,criterion,score\n{strong},goal-first,2\n{weak},goal-first,0\n"
    ));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        !text(&out.stdout).contains("overall "),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stdout).contains("goal-first                  2"));
    // A bad score names its line and column.
    let out = run(format!("file,criterion,score\n{strong},goal-first,full\n"));
    assert_eq!(out.status.code(), Some(2));
    let column = strong.to_string().chars().count() + ",goal-first,".len() + 1;
    let at = format!("long.csv:2:{column}: `full` is not an integer score in column `score`");
    assert!(text(&out.stderr).contains(&at), "{}", text(&out.stderr));
    // A criterion the rubric does not have names the row that gives it.
    let out = run(format!(
        "file,criterion,score\n{strong},goal-first,2\n{strong},charisma,1\n"
    ));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("long.csv:3: `charisma` is not a criterion of `metrics`"),
        "{}",
        text(&out.stderr)
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
    assert_eq!(value["mistakes_fixed"], serde_json::json!(["no-metric"]));
}
