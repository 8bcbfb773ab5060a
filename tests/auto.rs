//! Issue 16 part 6: `--rubric auto` on answers that state no question. Every shipped
//! fixture, its front matter stripped, routes to its own rubric from its body (or, for the
//! few listed with the reason, is refused rather than misrouted); a body that fits two
//! rubrics alike is refused naming the file and both.

mod common;

use common::{Tier, fixtures, grade_in_with_stdin, root, stderr, stdout};
use grade::RubricError;
use grade::batch::{Rubrics, Settings, grade_decoded};
use grade::cohort::FileError;

/// The body of an answer: its text after the front matter, if it has one.
fn body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(text)
}

/// Fixtures whose body alone does not pick their rubric, and why. Each is refused (no
/// clear fit), never routed to another rubric.
const REFUSED: &[(&str, &str)] = &[(
    "metrics/medium-profile-transfer",
    "it spends most of its words describing the feature and whom it is for, which fits a pitch as well as its metrics fit metrics",
)];

/// Fixtures whose body picks another rubric, and why; the list must only shrink (it is
/// empty: each on-topic fixture routes to its own rubric or is refused).
const MISROUTED: &[(&str, &str, &str)] = &[];

#[test]
fn every_fixture_without_its_question_routes_to_its_own_rubric() {
    let rubrics = Rubrics::default();
    let settings = Settings::new(Some("auto"), &rubrics, 1 << 20);
    let mut wrong = Vec::new();
    for fixture in fixtures() {
        let name = format!("{}/{}", fixture.rubric, fixture.stem);
        let outcome = grade_decoded(body(&fixture.text), &settings);
        if fixture.tier == Tier::OffTopic {
            // About something else: any pick is a guess, and the flag says so.
            if let Ok(grade) = &outcome {
                assert!(!grade.flags.is_empty() || grade.score < 40.0, "{name}");
            }
            continue;
        }
        let refused = REFUSED.iter().any(|(n, _)| *n == name);
        let misrouted = MISROUTED.iter().find(|(n, _, _)| *n == name);
        match outcome {
            Ok(grade) => {
                let selected = grade.selected.expect("auto says how it picked");
                let expected = misrouted.map_or(fixture.rubric.as_str(), |m| m.1);
                if selected.rubric != expected || refused {
                    wrong.push(format!(
                        "{name} → {} ({})",
                        selected.rubric, selected.source
                    ));
                }
            }
            Err(FileError::Rubric {
                source: RubricError::NoClearFit { closest, .. },
                ..
            }) if refused => assert!(closest.contains(&fixture.rubric), "{name}: {closest:?}"),
            Err(error) => wrong.push(format!("{name}: {error}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "routed otherwise than listed:\n{}",
        wrong.join("\n")
    );
}

/// As shipped (a stated question routes by the question, the rest by the body), every
/// on-topic fixture is graded under its own rubric (or as MISROUTED lists, for one that
/// states no question).
#[test]
fn every_fixture_as_shipped_routes_to_its_own_rubric() {
    let rubrics = Rubrics::default();
    let settings = Settings::new(Some("auto"), &rubrics, 1 << 20);
    let mut wrong = Vec::new();
    let mut routed = 0;
    for fixture in fixtures().into_iter().filter(|f| f.tier != Tier::OffTopic) {
        let name = format!("{}/{}", fixture.rubric, fixture.stem);
        let expected = MISROUTED
            .iter()
            .find(|(n, _, _)| *n == name && body(&fixture.text) == fixture.text)
            .map_or(fixture.rubric.as_str(), |m| m.1);
        match grade_decoded(&fixture.text, &settings) {
            Ok(grade) if grade.rubric.id == expected => routed += 1,
            Ok(grade) => wrong.push(format!("{name} → {}", grade.rubric.id)),
            Err(error) => wrong.push(format!("{name}: {error}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(routed >= 58, "{routed} fixtures routed");
}

/// The mechanism fixtures (`fixtures/stance`, `fixtures/recall`: named `<rubric>.<case>`)
/// and the flag fixtures (their front matter names the rubric) route as shipped too.
#[test]
fn every_mechanism_and_flag_fixture_routes_to_its_own_rubric() {
    let rubrics = Rubrics::default();
    let settings = Settings::new(Some("auto"), &rubrics, 1 << 20);
    let mut wrong = Vec::new();
    let mut routed = 0;
    for folder in ["stance", "recall", "flags"] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join("fixtures").join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let from_name = name.split('.').next().unwrap().to_owned();
            let own = text
                .lines()
                .find_map(|l| l.strip_prefix("rubric: "))
                .map_or(from_name, |r| r.trim_matches('"').to_owned());
            match grade_decoded(&text, &settings) {
                Ok(grade) if grade.rubric.id == own => routed += 1,
                Ok(grade) => wrong.push(format!("{folder}/{name} → {}", grade.rubric.id)),
                Err(error) => wrong.push(format!("{folder}/{name}: {error}")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(routed >= 17, "{routed} fixtures routed");
}

#[test]
fn a_body_pick_says_so_in_text_and_json() {
    let text =
        std::fs::read_to_string(root().join("fixtures/product-pitch/strong-commute-packs.md"))
            .unwrap();
    let json = grade_in_with_stdin(
        root(),
        &["-", "--rubric", "auto", "--format", "json"],
        body(&text).as_bytes(),
    );
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(report["selected"]["source"], "body");
    assert_eq!(report["selected"]["rubric"], "product-pitch");
    assert!(
        report["selected"]["runner_up"].is_string(),
        "{}",
        report["selected"]
    );
    let out = grade_in_with_stdin(root(), &["-", "--rubric", "auto"], body(&text).as_bytes());
    let out = stdout(&out);
    assert!(
        out.contains("picked from the body: it fits product-pitch better than"),
        "{out}"
    );
}

#[test]
fn an_ambiguous_body_is_refused_naming_the_file_and_the_two_closest() {
    let dir = common::scratch("auto-ambiguous");
    // Talk about work in general: a little of several rubrics, none clearly.
    let file = dir.join("general-talk.md");
    std::fs::write(
        &file,
        "We should think about what people want from the product.\n\n\
         It is important to listen to everyone on the team.\n\n\
         Good work comes from clear goals and honest talk.\n\n\
         In the end the results speak for themselves.\n",
    )
    .unwrap();
    let output = grade_in_with_stdin(root(), &[file.to_str().unwrap(), "--rubric", "auto"], b"");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("general-talk.md: "),
        "the file is named: {err}"
    );
    assert!(err.contains("no built-in rubric clearly fits"), "{err}");
    let named: Vec<&str> = grade::rubric::builtin::ids()
        .filter(|id| err.contains(&format!("`{id}`")))
        .collect();
    assert_eq!(named.len(), 2, "the two closest are named: {err}");
}
