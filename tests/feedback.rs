//! Feedback never contradicts the answer, checked on every shipped fixture (the stance
//! ones included) and every dev-set answer: no next step asks for a signal the answer already has in full or for a
//! criterion at its max, partial credit says what to add beyond the sentence already
//! quoted, and no sentence is quoted both as evidence and as not counted.

mod common;

use grade::grade_text;
use grade::rubric::builtin::load_builtin;
use grade::scoring::Grade;
use std::sync::LazyLock;

/// Every fixture and dev-set answer, graded once under its own rubric, with a name to
/// report.
static ANSWERS: LazyLock<Vec<(String, Grade)>> = LazyLock::new(graded_answers);

fn graded_answers() -> Vec<(String, Grade)> {
    let mut out: Vec<(String, Grade)> = common::fixtures()
        .into_iter()
        .map(|f| {
            let rubric = load_builtin(&f.rubric).unwrap();
            (f.path.display().to_string(), grade_text(&f.text, &rubric))
        })
        .collect();
    let stance = common::root().join("fixtures/stance");
    let mut names: Vec<_> = std::fs::read_dir(&stance)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        // fixtures/stance/<rubric>.<name>.md
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let rubric = load_builtin(stem.split('.').next().unwrap()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        out.push((path.display().to_string(), grade_text(&text, &rubric)));
    }
    let dev = common::devset::folder();
    if let Ok(labels) = std::fs::read_to_string(dev.join("labels.csv")) {
        for line in labels.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split(',').collect();
            let (file, rubric) = (fields[0], fields[1]);
            let text = std::fs::read_to_string(dev.join(file)).unwrap();
            let rubric = load_builtin(rubric).unwrap();
            out.push((file.to_owned(), grade_text(&text, &rubric)));
        }
    }
    assert!(out.len() > 40, "too few answers to say anything");
    out
}

#[test]
fn no_next_step_asks_for_what_the_answer_already_has() {
    for (name, grade) in ANSWERS.iter() {
        for step in &grade.next_steps {
            let (Some(criterion), Some(signal)) = (&step.criterion, &step.signal) else {
                continue;
            };
            let criterion = grade.criteria.iter().find(|c| &c.id == criterion).unwrap();
            assert!(
                criterion.score < criterion.max,
                "{name}: a next step on `{}`, which is at its max",
                criterion.id
            );
            let signal = criterion.signals.iter().find(|s| &s.id == signal).unwrap();
            assert!(
                signal.earned < signal.max_points,
                "{name}: a next step asks for `{}.{}`, which earned its points: {}",
                criterion.id,
                signal.id,
                step.action
            );
        }
    }
}

#[test]
fn partial_credit_starts_from_the_sentence_already_quoted() {
    let mut partial = 0;
    for (name, grade) in ANSWERS.iter() {
        for signal in grade.criteria.iter().flat_map(|c| &c.signals) {
            let Some(missing) = &signal.missing else {
                continue;
            };
            let Some(shown) = signal.evidence.last() else {
                continue;
            };
            partial += 1;
            let start = format!("Beyond {}:{} ", shown.line, shown.column);
            assert!(
                missing.starts_with(&start),
                "{name}: `{}` has evidence at {}:{} but its advice ignores it: {missing}",
                signal.id,
                shown.line,
                shown.column
            );
        }
    }
    assert!(
        partial > 0,
        "no partial credit anywhere: the test checks nothing"
    );
}

#[test]
fn no_sentence_is_quoted_both_as_evidence_and_as_not_counted() {
    for (name, grade) in ANSWERS.iter() {
        let evidence: Vec<(usize, usize)> = grade
            .criteria
            .iter()
            .flat_map(|c| &c.signals)
            .filter(|s| s.earned > 0.0)
            .flat_map(|s| &s.evidence)
            .map(|e| (e.line, e.column))
            .collect();
        for d in &grade.discounted {
            assert!(
                !evidence.contains(&(d.evidence.line, d.evidence.column)),
                "{name}: {}:{} is evidence and also not counted ({})",
                d.evidence.line,
                d.evidence.column,
                d.reason
            );
        }
    }
}

#[test]
fn a_criterion_whose_every_signal_earned_is_not_told_to_add_its_ideas() {
    let mut seen = 0;
    for (name, grade) in ANSWERS.iter() {
        for criterion in &grade.criteria {
            let Some(advice) = &criterion.advice else {
                continue;
            };
            if criterion.signals.iter().all(|s| s.earned > 0.0) {
                seen += 1;
                assert!(
                    advice.starts_with("Beyond "),
                    "{name}: `{}` has every idea, yet is told: {advice}",
                    criterion.id
                );
            }
        }
    }
    assert!(
        seen > 0,
        "no criterion with every signal earned: the test checks nothing"
    );
}

/// The quotes of one signal of a built-in rubric on a text.
fn quotes(rubric: &str, criterion: &str, signal: &str, text: &str) -> Vec<String> {
    let rubric = load_builtin(rubric).unwrap();
    let grade = grade_text(text, &rubric);
    let criterion = grade.criteria.iter().find(|c| c.id == criterion).unwrap();
    let signal = criterion.signals.iter().find(|s| s.id == signal).unwrap();
    signal.evidence.iter().map(|e| e.quote.clone()).collect()
}

#[test]
fn evidence_is_the_sentence_that_shows_the_signal_best_not_the_first() {
    // Both sentences earn product-pitch's one guardrail point; the second states a
    // guardrail, the first only says "make sure".
    let text = "I would make sure the design team sees the prototype early.\n\n\
                The guardrail is cancellations in the first month, which must not get worse.";
    let quoted = quotes("product-pitch", "data", "guardrail", text);
    assert_eq!(quoted.len(), 1, "{quoted:?}");
    assert!(quoted[0].starts_with("The guardrail is"), "{quoted:?}");
    // Reversed, the strong one comes first and stays: ties and order do not matter.
    let text = "The guardrail is cancellations in the first month, which must not get worse.\n\n\
                I would make sure the design team sees the prototype early.";
    let quoted = quotes("product-pitch", "data", "guardrail", text);
    assert!(quoted[0].starts_with("The guardrail is"), "{quoted:?}");
}

#[test]
fn the_same_word_again_does_not_make_a_sentence_stronger_evidence() {
    // Two sentences with the guardrail idea once each: the earlier is quoted, although
    // the later says "guardrail" twice.
    let text = "Completion is the number we guard while we push sign-ups this quarter.\n\n\
                A guardrail is a guardrail, and we would look at it every week of the test.";
    let quoted = quotes("product-pitch", "data", "guardrail", text);
    assert!(quoted[0].starts_with("Completion is"), "{quoted:?}");
}
