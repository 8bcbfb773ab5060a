//! Stance finding tested through the whole analysis: each kind of cue, both ways.

use super::Stance;
use crate::analysis::analyze;
use crate::document::parse;
use crate::text::span::Span;

/// The stance of the first occurrence of `phrase` in `text`, and its cue's text.
fn stance(text: &str, phrase: &str) -> (&'static str, String) {
    let analysis = analyze(&parse(text));
    let start = text.find(phrase).unwrap();
    match analysis.stance(Span::new(start, start + phrase.len())) {
        Stance::Asserted => ("asserted", String::new()),
        Stance::Negated => ("negated", String::new()),
        Stance::Rejected { cue, scoped } => (
            if scoped { "scope" } else { "frame" },
            cue.text(text).to_owned(),
        ),
        Stance::Contrasted { cue } => ("contrast", cue.text(text).to_owned()),
        Stance::Felt { cue } => ("felt", cue.text(text).to_owned()),
        Stance::Problem { fix } => ("problem", fix.text(text).to_owned()),
    }
}

fn kind(text: &str, phrase: &str) -> &'static str {
    stance(text, phrase).0
}

#[test]
fn negation_in_its_clause_as_before() {
    let text = "We did not track clicks, but retention matters.";
    assert_eq!(kind(text, "clicks"), "negated");
    assert_eq!(kind(text, "retention"), "asserted");
    assert_eq!(
        kind("It is not only cheaper but faster.", "cheaper"),
        "asserted"
    );
    assert_eq!(
        kind("It is not only cheaper but faster.", "faster"),
        "asserted"
    );
}

#[test]
fn verdicts_reject_what_comes_before_them_in_their_clause() {
    let text = "I don't, and starting with a bluff isn't how I'd want to begin.";
    assert_eq!(stance(text, "bluff"), ("frame", "isn't how I'd".into()));
    assert_eq!(
        kind(text, "begin"),
        "negated",
        "after the verdict: its own clause"
    );
    let text = "Hiding the fee would be a mistake, so we show it up front.";
    assert_eq!(
        stance(text, "Hiding"),
        ("frame", "would be a mistake".into())
    );
    assert_eq!(kind(text, "show it"), "asserted", "the next clause");
    assert_eq!(
        kind("We hid the fee and it worked for a quarter.", "hid"),
        "asserted",
        "no verdict"
    );
}

#[test]
fn frames_reject_the_rest_of_their_clause() {
    let text = "Instead of an ultimatum, I would share the market data.";
    assert_eq!(stance(text, "ultimatum"), ("contrast", "Instead of".into()));
    assert_eq!(kind(text, "market data"), "asserted");
    let text = "I'd lead with the level rather than a threat to leave, because it lasts.";
    assert_eq!(stance(text, "threat"), ("contrast", "rather than".into()));
    assert_eq!(kind(text, "leave"), "contrast");
    assert_eq!(kind(text, "lasts"), "asserted");
    let text = "We would not track clicks, and we'd never bluff.";
    assert_eq!(stance(text, "clicks"), ("frame", "We would not".into()));
    assert_eq!(stance(text, "bluff"), ("frame", "we'd never".into()));
    assert_eq!(kind("I wouldn't bluff about offers.", "bluff"), "frame");
    assert_eq!(kind("The mistake is to bluff.", "bluff"), "frame");
    assert_eq!(kind("We shouldn't hide the button.", "hide"), "frame");
    // A label before a colon rejects the rest of its line as a scope.
    assert_eq!(
        kind("Avoid: bluffing, deadlines and threats.", "threats"),
        "scope"
    );
}

#[test]
fn imperative_frames_only_at_a_clause_start() {
    assert_eq!(kind("Never bluff about offers.", "bluff"), "frame");
    assert_eq!(kind("Do not bluff about offers.", "bluff"), "frame");
    assert_eq!(kind("So, don't bluff about offers.", "bluff"), "frame");
    // A plain negation, not a rejection: the outcome keeps its negated stance.
    assert_eq!(
        kind("They never come back after that.", "come back"),
        "negated"
    );
    // Avoiding as a purpose names a risk the answer weighs; it is not rejected.
    assert_eq!(
        kind("We cap it to avoid nagging people.", "nagging"),
        "asserted"
    );
}

#[test]
fn a_rejecting_heading_covers_its_section_until_the_next_heading() {
    let text = "# Plan\n\nAsk for a call.\n\n## What I wouldn't do\n\nIssue an ultimatum.\n\n### Detail\n\nBluff about offers.\n\n## What I'd do\n\nAnchor on the level.\n";
    assert_eq!(
        stance(text, "ultimatum"),
        ("scope", "What I wouldn't do".into())
    );
    assert_eq!(kind(text, "Bluff"), "scope");
    assert_eq!(kind(text, "Anchor"), "asserted");
    assert_eq!(kind(text, "Ask for"), "asserted");
    let text = "## Pitfalls\n\nA hard deadline.\n\n# Next\n\nA hard deadline again.\n";
    assert_eq!(kind(text, "A hard deadline."), "scope");
    assert_eq!(kind(text, "A hard deadline again"), "asserted");
    // A heading that rejects something named in it is not a section of don'ts.
    let text = "## Instead of a threat\n\nI ask for the level.\n";
    assert_eq!(kind(text, "I ask"), "asserted");
}

#[test]
fn a_rejecting_lead_in_covers_the_list_after_it() {
    let text = "My plan is simple.\n\nMistakes to avoid:\n\n- an ultimatum\n- a bluff\n\nThen I ask for the level.\n";
    assert_eq!(
        stance(text, "a bluff"),
        ("scope", "Mistakes to avoid:".into())
    );
    assert_eq!(kind(text, "an ultimatum"), "scope");
    assert_eq!(kind(text, "I ask"), "asserted");
    let text = "Things I'd do:\n\n- ask for the level\n";
    assert_eq!(kind(text, "ask for"), "asserted");
    let text = "What I wouldn't do: bluff. Then I ask for the level.\nMy plan: ask for it.\n";
    assert_eq!(kind(text, "bluff"), "scope");
    assert_eq!(kind(text, "I ask"), "asserted");
    assert_eq!(kind(text, "ask for it"), "asserted");
}

#[test]
fn a_problem_counts_as_one_only_when_a_later_sentence_fixes_it() {
    let text = "The pause option was buried three screens deep. Members called support. I proposed moving it to one tap.";
    assert_eq!(
        stance(text, "buried"),
        ("problem", "I proposed moving it to one tap.".into())
    );
    assert_eq!(kind(text, "one tap"), "asserted");
    // "Members called support" has no status-quo marker.
    assert_eq!(kind(text, "called support"), "asserted");
    // No fix after it: the sentence stays asserted.
    assert_eq!(
        kind(
            "The pause option was buried deep. Members were upset.",
            "buried"
        ),
        "asserted"
    );
    // A fix before the problem does not count.
    let text = "We removed a step. The old flow made people call support.";
    assert_eq!(kind(text, "call support"), "asserted");
    // A reported instruction is not a status quo.
    let text = "I was asked to hide the button. I moved it to the footer.";
    assert_eq!(kind(text, "hide the button"), "asserted");
}

#[test]
fn the_word_after_a_verb_of_feeling_is_how_someone_takes_it() {
    let text = "When they feel tricked, they leave.";
    assert_eq!(stance(text, "tricked"), ("felt", "feel".into()));
    assert_eq!(kind(text, "leave"), "asserted");
    assert_eq!(
        stance("Members felt trapped by the annual plan.", "trapped"),
        ("felt", "felt".into())
    );
    // Only the next word: an opinion that follows "feel" is the speaker's own.
    let text = "I feel we should hide the cancel button.";
    assert_eq!(kind(text, "hide"), "asserted");
    assert_eq!(
        kind("I feel like tricking them is fine.", "tricking"),
        "asserted"
    );
    // Not across a clause end.
    assert_eq!(
        kind("It is how I feel. Tricking them works.", "Tricking"),
        "asserted"
    );
}

#[test]
fn a_problem_fixed_in_the_same_sentence_covers_the_clauses_before_the_fix() {
    let text = "The old flow made people call, so we replaced it with one tap.";
    assert_eq!(kind(text, "call"), "problem");
    assert_eq!(kind(text, "one tap"), "asserted");
}
