//! Recall fixtures (fixtures/recall/<rubric>.<name>.md): answers whose actions sit behind
//! an adverb ("I then proposed"), a spoken filler, or a join ("I wrote it down and
//! agreed"). Each has a plain twin (`.plain.txt`) with the same sentences and the words in
//! between taken out or the subject repeated; every signal must earn the same on both, and
//! the report is snapshotted. A negation between the subject and the verb still blocks.

mod common;

use grade::report::text;
use grade::rubric::builtin;
use grade::{Grade, grade_text};

fn read(name: &str) -> String {
    std::fs::read_to_string(common::root().join("fixtures/recall").join(name)).unwrap()
}

fn graded(rubric: &str, text: &str) -> Grade {
    grade_text(text, &builtin::load_builtin(rubric).unwrap())
}

/// (criterion.signal, earned) for every signal that reads phrases.
fn earned(grade: &Grade) -> Vec<(String, f64)> {
    grade
        .criteria
        .iter()
        .flat_map(|c| {
            c.signals
                .iter()
                .filter(|s| s.kind != "metric" && s.kind != "length")
                .map(move |s| (format!("{}.{}", c.id, s.id), s.earned))
        })
        .collect()
}

#[test]
fn words_between_the_subject_and_its_verb_do_not_hide_the_action() {
    let name = "culture-fit.adverbs-and-joins";
    let answer = graded("culture-fit", &read(&format!("{name}.md")));
    let plain = graded("culture-fit", &read(&format!("{name}.plain.txt")));
    assert_eq!(earned(&answer), earned(&plain));
    // The actions behind the adverbs are what earns these.
    let signal = |id: &str| {
        earned(&answer)
            .into_iter()
            .find(|(s, _)| s == id)
            .unwrap()
            .1
    };
    assert!(signal("decision.call") > 0.0);
    assert!(signal("feedback.candour") > 0.0);
    let mut with_file = answer.clone();
    with_file.file = Some(format!("fixtures/recall/{name}.md"));
    insta::assert_snapshot!(format!("{name}__text"), text::render(&with_file, false));
}

#[test]
fn a_negation_between_the_subject_and_its_verb_still_blocks() {
    let asserted = graded(
        "culture-fit",
        "In the review with the team, I then proposed a test.",
    );
    let negated = graded(
        "culture-fit",
        "In the review with the team, I never proposed a test.",
    );
    let call = |g: &Grade| {
        earned(g)
            .into_iter()
            .find(|(s, _)| s == "decision.call")
            .unwrap()
            .1
    };
    assert!(call(&asserted) > 0.0);
    assert_eq!(call(&negated), 0.0);
}
