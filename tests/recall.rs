//! Recall fixtures (fixtures/recall/<rubric>.<name>.md): answers whose actions sit behind
//! an adverb ("I then proposed"), a spoken filler, or a join ("I wrote it down and
//! agreed"). Each has a plain twin (`.plain.txt`) with the same sentences and the words in
//! between taken out or the subject repeated; every signal must earn the same on both, and
//! the report is snapshotted. A negation between the subject and the verb still blocks.
//! Plain-words fixtures (`<rubric>.plain-*.md`) say a rule, a decision, a trade-off and a
//! multiple in everyday words, no rubric vocabulary: each names the signal its mechanism
//! earns and the words that earned it, and its report is snapshotted.
//! Later plain-words fixtures each carry one round's mechanisms: a metric asked as a
//! question and a share said in words ("count how often", "one in four"), a habit in the
//! present and a later time told plainly ("I ask ...", "A year on"), a purpose, a negated
//! guardrail and a random split, a reflection and a handed-over call, and the first week
//! set against the third month.

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

/// Whether any evidence sentence of `criterion.signal` matched `word`.
fn has(grade: &Grade, id: &str, word: &str) -> bool {
    matched(grade, id).iter().flatten().any(|w| w == word)
}

#[test]
fn a_metric_asked_as_a_question_and_a_share_in_words_earn_the_data() {
    let name = "product-pitch.plain-measure";
    let answer = graded("product-pitch", &read(&format!("{name}.md")));
    // "count how often" is the metric, "one in four" the number it is hoped to reach.
    assert!(has(&answer, "data.success-metric", "count how often"));
    assert!(has(&answer, "data.expected-effect", "one in four"));
    assert!(has(&answer, "data.expected-effect", "hoping"));
    // A guardrail is said as what must not happen: "mustn't climb" keeps its meaning.
    assert!(has(&answer, "data.guardrail", "mustn't"));
    // "a small group ... before everyone gets it" is a staged rollout.
    assert!(has(&answer, "risks-and-test.test-plan", "before everyone"));
    assert!(answer.mistakes.iter().all(|m| m.id != "no-metric"));
    snapshot(name, &answer);
}

#[test]
fn a_question_that_only_sounds_like_a_metric_is_none() {
    let answer = graded(
        "product-pitch",
        "Think about how much attention people give their phones at night.",
    );
    assert!(matched(&answer, "data.success-metric").is_empty());
}

#[test]
fn a_habit_in_the_present_and_a_later_time_in_plain_words_carry_the_lesson() {
    let name = "failure-story.plain-lesson-later";
    let answer = graded("failure-story", &read(&format!("{name}.md")));
    // "We wanted" is the task, "A year on" the later project, told without rubric words.
    assert!(has(&answer, "story-order.star", "We wanted"));
    assert!(has(&answer, "applied-later.later-project", "A year on"));
    assert_eq!(
        matched(&answer, "applied-later.lesson-then-result").len(),
        3
    );
    // "a tenth" is the rule's number.
    assert!(has(&answer, "lessons.measurable-rule", "a tenth"));
    assert!(answer.mistakes.iter().all(|m| m.id != "vague-lesson"));
    snapshot(name, &answer);
}

#[test]
fn a_vague_try_is_no_practice() {
    let answer = graded(
        "failure-story",
        "The lesson I took from it is that testing matters. I try to test things more now.",
    );
    assert!(answer.mistakes.iter().any(|m| m.id == "vague-lesson"));
}

#[test]
fn a_purpose_a_negated_guardrail_and_a_random_split_read_the_change() {
    let name = "metrics.plain-read";
    let answer = graded("metrics", &read(&format!("{name}.md")));
    assert!(has(&answer, "goal-first.goal", "is there so"));
    // "isn't just pulling people away" is a guardrail under its own negation.
    assert!(has(&answer, "guardrails.guardrail", "isn't just"));
    assert!(has(&answer, "reading-change.experiment", "at random"));
    assert!(has(&answer, "reading-change.baseline-target", "counts as"));
    assert!(answer.mistakes.iter().all(|m| m.id != "no-read"));
    snapshot(name, &answer);
}

#[test]
fn a_reflection_and_a_handed_over_call_in_plain_words_show_the_culture() {
    let name = "culture-fit.plain-reflection";
    let answer = graded("culture-fit", &read(&format!("{name}.md")));
    // "gave Tom the final say" is context, not control, without the memo's words.
    assert!(has(
        &answer,
        "decision.context-not-control",
        "the final say"
    ));
    // "It showed me that saying the awkward thing ..." ties the story to candour.
    assert!(has(&answer, "culture-link.value-in-practice", "awkward"));
    snapshot(name, &answer);
}

#[test]
fn the_first_week_against_the_third_month_and_a_we_d_decision_are_a_case() {
    let name = "ux-vs-business.plain-horizon";
    let answer = graded("ux-vs-business", &read(&format!("{name}.md")));
    let horizon = matched(&answer, "time-horizon.short-against-long");
    assert_eq!(
        horizon,
        [vec!["first week".to_owned(), "third month".to_owned()]]
    );
    assert!(has(
        &answer,
        "example-decision.case-to-decision",
        "we'd cap"
    ));
    assert!(answer.mistakes.iter().all(|m| m.id != "platitudes"));
    snapshot(name, &answer);
}
