//! The rubric loader reports every problem with the file's line:column and the id involved.

mod common;

use grade::rubric::load;

const VALID: &str = r#"
id = "mini"
title = "Mini"

[[criterion]]
id = "metric"
name = "Metric"
weight = 1
max = 2
advice = "Name a metric."

  [[criterion.signal]]
  id = "named"
  kind = "phrases"
  phrases = ["retention", "churn"]
"#;

fn problems(source: &str) -> Vec<String> {
    common::rubric_problems(source)
}

#[test]
fn a_valid_rubric_loads() {
    let rubric = load(VALID).unwrap();
    assert_eq!(rubric.criteria.len(), 1);
    assert_eq!(rubric.bands.len(), 4, "default bands");
}

#[test]
fn unknown_keys_are_rejected_with_their_location() {
    let source = VALID.replace("advice = \"Name a metric.\"", "advise = \"typo\"");
    let found = problems(&source);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("10:1:"), "{found:?}");
    assert!(found[0].contains("unknown field `advise`"), "{found:?}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let source = r#"
id = "bad"
title = "Bad"

[[band]]
min = 40
label = "Low"

[[band]]
min = 80
label = "High"

[[criterion]]
id = "dup"
name = "One"
weight = 0
max = -1
advice = "x"

  [[criterion.signal]]
  id = "empty"
  kind = "phrases"
  phrases = []

  [[criterion.signal]]
  id = "re"
  kind = "regex"
  pattern = "(unclosed"

  [[criterion.signal]]
  id = "odd"
  kind = "vibes"

[[criterion]]
id = "dup"
name = "Two"
weight = 1
max = 1
advice = "x"

  [[criterion.signal]]
  id = "ok"
  kind = "phrases"
  phrases = ["fine"]
"#;
    let found = problems(source);
    let expect = [
        ("10:7:", "`High`: bands out of order"),
        ("16:10:", "`dup`: `weight` must be a positive number, not 0"),
        ("17:7:", "`dup`: `max` must be a positive number, not -1"),
        ("23:13:", "`dup.empty`: `phrases` is an empty phrase list"),
        ("28:13:", "`dup.re`: invalid regex"),
        ("32:10:", "`dup.odd`: unknown signal kind `vibes`"),
        ("35:6:", "`dup`: duplicate criterion id"),
    ];
    for (location, text) in expect {
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(location) && p.contains(text)),
            "missing {location} {text} in {found:#?}"
        );
    }
    assert_eq!(found.len(), expect.len(), "{found:#?}");
}

#[test]
fn a_regex_error_carries_the_regex_message() {
    let source = VALID.replace(
        "kind = \"phrases\"\n  phrases = [\"retention\", \"churn\"]",
        "kind = \"regex\"\n  pattern = \"a{2,1}\"",
    );
    let found = problems(&source);
    assert!(found[0].contains("invalid regex"), "{found:?}");
    assert!(
        found[0].contains("invalid repetition count range"),
        "{found:?}"
    );
}

#[test]
fn keys_that_do_not_apply_to_the_kind_are_named() {
    let source = VALID.replace("kind = \"phrases\"", "kind = \"phrases\"\n  near = [\"x\"]");
    let found = problems(&source);
    assert!(
        found[0].contains("`near` does not apply to a `phrases` signal"),
        "{found:?}"
    );
}

#[test]
fn syntax_errors_point_at_the_line() {
    let found = problems("id = \"x\"\ntitle = \n");
    assert!(found[0].starts_with("2:"), "{found:?}");
}

#[test]
fn a_value_of_the_wrong_type_is_reported_at_the_value() {
    let source = VALID.replace("phrases = [\"retention\", \"churn\"]", "phrases = 3");
    assert_eq!(
        problems(&source),
        ["15:13: invalid type: integer `3`, expected a sequence"]
    );
}

#[test]
fn unknown_condition_keys_are_named_at_the_key() {
    let source = format!(
        "{VALID}\n[[mistake]]\nid = \"m\"\nmessage = \"M\"\npenalty = 1\nwhen = {{ absnt = [\"x\"] }}\n"
    );
    let found = problems(&source);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("21:10: unknown field `absnt`, expected one of `absent`"),
        "{found:?}"
    );
}

#[test]
fn a_metric_signal_without_bounds_takes_the_metric_target() {
    let source = VALID.replace(
        "kind = \"phrases\"\n  phrases = [\"retention\", \"churn\"]",
        "kind = \"metric\"\n  metric = \"pace-wpm\"",
    );
    let rubric = load(&source).unwrap();
    let shown = grade::report::text::render_rubric(&rubric);
    assert!(
        shown.contains("metric pace-wpm above 130 below 175"),
        "{shown}"
    );
    let no_target = source.replace("pace-wpm", "words");
    assert_eq!(
        problems(&no_target),
        ["14:10: `metric.named`: a `metric` signal needs `above` or `below`"]
    );
}

#[test]
fn a_wrong_item_inside_a_kind_key_is_reported_at_the_item() {
    let source = VALID.replace("[\"retention\", \"churn\"]", "[\"retention\",\n    7]");
    assert_eq!(
        problems(&source),
        ["16:5: invalid type: integer `7`, expected a string"]
    );
}
