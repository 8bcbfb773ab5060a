//! Recall fixtures (fixtures/recall/<rubric>.<name>.md): answers whose actions sit behind
//! an adverb ("I then proposed"), a spoken filler, or a join ("I wrote it down and
//! agreed"). Each has a plain twin (`.plain.txt`) with the same sentences and the words in
//! between taken out or the subject repeated; every signal must earn the same on both, and
//! the report is snapshotted. A negation between the subject and the verb still blocks.
//! Plain-words fixtures (`<rubric>.plain-*.md`) say a rule, a decision, a trade-off and a
//! multiple in everyday words, no rubric vocabulary: each names the signal its mechanism
//! earns and the words that earned it, and its report is snapshotted.

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

/// The words each evidence sentence of `criterion.signal` matched.
fn matched(grade: &Grade, id: &str) -> Vec<Vec<String>> {
    let (criterion, signal) = id.split_once('.').unwrap();
    let criterion = grade.criteria.iter().find(|c| c.id == criterion).unwrap();
    let signal = criterion.signals.iter().find(|s| s.id == signal).unwrap();
    signal.evidence.iter().map(|e| e.matched.clone()).collect()
}

fn snapshot(name: &str, grade: &Grade) {
    let mut with_file = grade.clone();
    with_file.file = Some(format!("fixtures/recall/{name}.md"));
    insta::assert_snapshot!(format!("{name}__text"), text::render(&with_file, false));
}

#[test]
fn a_rule_a_case_and_a_multiple_in_plain_words_earn_their_signals() {
    let name = "ux-vs-business.plain-rule";
    let answer = graded("ux-vs-business", &read(&format!("{name}.md")));
    // "If cancellations rise": a condition, an outcome and its direction make the rule;
    // "must not drop" is one too, under its own negation.
    let rules = matched(&answer, "tension-and-rule.outcome-rule");
    assert_eq!(rules.len(), 2, "{rules:?}");
    assert!(rules[0].iter().any(|w| w == "rise"), "{rules:?}");
    // "Say we" brings the case in, "So I'd cut it back" ends it in a decision.
    let case = matched(&answer, "example-decision.case-to-decision");
    assert_eq!(
        case,
        [vec!["Say we".to_owned()], vec!["I'd cut".to_owned()]]
    );
    // "opt-outs doubled" is a number.
    let evidence = matched(&answer, "example-decision.evidence");
    assert!(evidence[0].iter().any(|w| w == "doubled"), "{evidence:?}");
    snapshot(name, &answer);
}

#[test]
fn an_outcome_without_its_direction_is_no_rule() {
    let rule = |text: &str| {
        matched(
            &graded("ux-vs-business", text),
            "tension-and-rule.outcome-rule",
        )
        .len()
    };
    assert_eq!(rule("If cancellations rise in the test, we stop it."), 1);
    assert_eq!(rule("If cancellations are the goal, we should say so."), 0);
    assert_eq!(rule("Cancellations rise every January anyway."), 0);
}

#[test]
fn a_comparison_against_its_cost_is_a_trade_off() {
    let name = "technical-design.plain-trade-off";
    let answer = graded("technical-design", &read(&format!("{name}.md")));
    let weighed = matched(&answer, "trade-offs.weighed");
    assert_eq!(weighed, [vec!["safer".to_owned(), "but".to_owned()]]);
    let position = matched(&answer, "trade-offs.position");
    assert!(
        position[0].iter().any(|w| w == "by default"),
        "{position:?}"
    );
    snapshot(name, &answer);
}
