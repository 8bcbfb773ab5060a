//! The phrase matcher's tests: surface, stem, prefix and exact entries, and the
//! subject-close view.

use super::view::UPGRADE_AFTER;
use super::*;

fn found(lists: &[&[&str]], text: &str) -> Vec<(u32, String)> {
    let matcher = PhraseMatcher::new(lists.iter().map(|l| l.iter()));
    matcher
        .find(&Folded::new(text))
        .into_iter()
        .map(|h| (h.list, h.span.text(text).to_owned()))
        .collect()
}

#[test]
fn matches_on_word_boundaries_case_insensitively() {
    assert_eq!(
        found(&[&["Pain Point", "churn"]], "A pain point; churner? CHURN."),
        vec![(0, "pain point".into()), (0, "CHURN".into())]
    );
}

#[test]
fn stems_take_the_rest_of_the_word() {
    assert_eq!(
        found(&[&["retain*"]], "Retained retains; preretain"),
        vec![(0, "Retained".into()), (0, "retains".into())]
    );
}

#[test]
fn a_phrase_in_two_lists_hits_both_and_overlaps_are_kept() {
    assert_eq!(
        found(&[&["a/b test"], &["test", "a/b test"]], "Run an A/B test."),
        vec![
            (0, "A/B test".into()),
            (1, "A/B test".into()),
            (1, "test".into())
        ]
    );
}

#[test]
fn curly_apostrophes_match_straight_ones() {
    assert_eq!(
        found(&[&["don't"]], "I don’t know"),
        vec![(0, "don’t".into())]
    );
}

#[test]
fn one_entry_covers_its_inflections() {
    let text = "Cancel, cancels, cancelled, cancelling; a cancellation.";
    assert_eq!(
        found(&[&["cancel"]], text)
            .into_iter()
            .map(|(_, w)| w)
            .collect::<Vec<_>>(),
        [
            "Cancel",
            "cancels",
            "cancelled",
            "cancelling",
            "cancellation"
        ]
    );
    assert_eq!(
        found(
            &[&["pause the subscription"]],
            "Members paused their subscriptions."
        ),
        vec![]
    );
    assert_eq!(
        found(&[&["pause subscription"]], "We paused subscriptions."),
        vec![(0, "paused subscriptions".into())]
    );
}

#[test]
fn a_stemmed_phrase_keeps_word_boundaries() {
    assert_eq!(found(&[&["cancel"]], "uncancelled precancel"), vec![]);
    assert_eq!(found(&[&["price"]], "priceless"), vec![]);
}

#[test]
fn prefixes_match_the_words_as_written() {
    assert_eq!(
        found(
            &[&["experiment*"]],
            "Experimentation, experiments; user experience."
        ),
        vec![(0, "Experimentation".into()), (0, "experiments".into())]
    );
}

#[test]
fn quoted_entries_match_exactly() {
    let lists: &[&[&str]] = &[&["\"on the house\""], &["“free”"]];
    assert_eq!(
        found(lists, "On the house; on the houses. Free, freed, freely."),
        vec![(0, "On the house".into()), (1, "Free".into())]
    );
    assert_eq!(normalize_phrase("\" Paused \"").0, "paused");
    assert!(normalize_phrase("\"\"").0.is_empty());
}

#[test]
fn first_person_phrases_keep_their_tense() {
    let matcher = PhraseMatcher::new([["I asked", "we shipped", "renew"]]);
    let words = |text: &str| -> Vec<String> {
        matcher
            .find(&Folded::new(text))
            .iter()
            .map(|h| text[h.span.start..h.span.end].to_owned())
            .collect()
    };
    assert_eq!(
        words("I asked her, and we shipped it."),
        ["I asked", "we shipped"]
    );
    assert!(words("I ask her every week; we ship on Fridays.").is_empty());
    // A phrase that is not first person still matches its inflections.
    assert_eq!(words("They renewed."), ["renewed"]);
}

#[test]
fn an_adverb_after_the_subject_does_not_hide_the_verb() {
    let lists: &[&[&str]] = &[&["I decided", "she told me"]];
    assert_eq!(
        found(lists, "I then decided. She, um, quickly told me."),
        vec![
            (0, "I then decided".into()),
            (0, "She, um, quickly told me".into())
        ]
    );
    assert_eq!(found(lists, "I never decided; I barely decided."), vec![]);
    let matcher = PhraseMatcher::exact([["i think"]]);
    assert!(matcher.find(&Folded::new("I really think so")).is_empty());
}

#[test]
fn exact_matchers_never_stem() {
    let matcher = PhraseMatcher::exact([["like", "kind of"]]);
    let text = "I liked it, kind of, like that.";
    let words: Vec<&str> = matcher
        .find(&Folded::new(text))
        .iter()
        .map(|h| h.span.text(text))
        .collect();
    assert_eq!(words, ["kind of", "like"]);
}

#[test]
fn stemmed_spans_map_back_through_typography_and_accents() {
    let text = "Ça “marche” — the members’ cancellations’ café renewals";
    assert_eq!(
        found(&[&["member cancellation", "renew", "cafe", "café"]], text),
        vec![
            (0, "members’ cancellations’".into()),
            (0, "café".into()),
            (0, "renewals".into())
        ]
    );
}

#[test]
fn short_words_do_not_collide() {
    let hits = |phrase: &str, text: &str| found(&[&[phrase]], text).len();
    assert_eq!(hits("us", "we use it"), 0);
    assert_eq!(hits("use", "tell us"), 0);
    assert_eq!(hits("news", "a new plan"), 0);
    assert_eq!(hits("new", "the news"), 0);
    assert_eq!(hits("data", "a date"), 0);
    assert_eq!(hits("date", "the data"), 0);
    assert_eq!(hits("experiment", "the user experience"), 0);
    assert_eq!(hits("experiment", "two experiments"), 1);
}

#[test]
fn a_view_compiled_again_as_a_dfa_finds_what_its_nfa_found() {
    let matcher = PhraseMatcher::new([["retain*", "churn", "\"on the house\"", "we shipped"]]);
    let text = Folded::new("We shipped it; churn fell, retention rose; on the house. Churning!");
    let first = matcher.find(&text);
    assert!(matcher.surface.dfa.automaton.get().is_none());
    for _ in 0..UPGRADE_AFTER + 2 {
        assert_eq!(matcher.find(&text), first);
    }
    assert!(matcher.surface.dfa.automaton.get().is_some());
    assert!(matcher.stems.dfa.automaton.get().is_some());
    assert_eq!(first.len(), 4, "{first:?}");
}

#[test]
fn a_phrase_is_empty_exactly_when_its_folded_words_are() {
    let phrases = [
        "",
        " ",
        "*",
        " * ",
        "\"\"",
        "\" \"",
        "\u{201c} \u{201d}",
        "\u{201c}\u{201d}",
        "\u{b}",
        "\u{3000}*",
        "\u{a0}",
        "\u{2019}",
        "\u{2014}",
        "a",
        " x* ",
        "\"a\"",
        "\u{130}",
        "**",
        "\"*\"",
        "*\"\"",
        "\u{1c}",
        "we ",
        "I  asked",
    ];
    for phrase in phrases {
        let folded = normal::normalize(phrase, PhraseKind::Exact, &mut cached_stem).0;
        assert_eq!(is_empty_phrase(phrase), folded.is_empty(), "{phrase:?}");
    }
}

#[test]
fn contractions_match_their_long_forms_both_ways() {
    assert_eq!(
        found(
            &[&["i'd limit", "do not hurt"]],
            "I would limit it. Ads don’t hurt."
        ),
        vec![(0, "I would limit".into()), (0, "don’t hurt".into())]
    );
    // A quoted entry is matched as written, and "I'd" is never read as "I had".
    assert_eq!(
        found(
            &[&["\"i'd limit\"", "i had put"]],
            "I would limit it. I'd put it first."
        ),
        vec![]
    );
}

#[test]
fn the_table_build_rs_writes_is_what_the_crate_computes() {
    let entries: Vec<_> = table::entries().collect();
    assert!(entries.len() > 1000, "{} phrases", entries.len());
    assert!(entries.windows(2).all(|w| w[0].0 < w[1].0));
    for (phrase, patterns) in entries {
        let computed = normal::patterns(phrase, PhraseKind::Stem, &mut cached_stem);
        let table: Vec<(String, PhraseKind)> =
            patterns.iter().map(|&(t, k)| (t.to_owned(), k)).collect();
        assert_eq!(computed, table, "{phrase:?}");
    }
}
