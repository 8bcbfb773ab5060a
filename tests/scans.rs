//! A rubric's automata built for a few texts (one answer as a process) and for many (a
//! batch, whose views become DFAs after a few scans) find the same phrases: on every
//! fixture under every built-in rubric, and on text made of the rubric's own phrases.

mod common;

use grade::rubric::builtin::{self, load_builtin_for};
use grade::text::fold::Folded;
use grade::text::phrase::Scans;
use proptest::prelude::*;

/// Asserts that both builds of a rubric find the same hits in `text`, rubric lists and
/// topic list alike.
fn same_hits(few: &grade::CompiledRubric, many: &grade::CompiledRubric, text: &str) {
    let folded = Folded::new(text);
    assert_eq!(few.matcher.find(&folded), many.matcher.find(&folded));
    if let (Some(a), Some(b)) = (&few.topic, &many.topic) {
        assert_eq!(a.find(&folded), b.find(&folded));
    }
}

#[test]
fn few_and_many_scans_find_the_same_phrases_in_every_fixture() {
    let files = common::files_under(
        &common::root().join("fixtures"),
        &["md", "txt", "srt", "vtt"],
    );
    assert!(files.len() > 50, "{} fixtures", files.len());
    for id in builtin::ids() {
        let few = load_builtin_for(id, Scans::Few).unwrap();
        let many = load_builtin_for(id, Scans::Many).unwrap();
        // Twice over: the many-text build scans its first texts with its NFA, the rest
        // with the DFA it compiles then.
        for _ in 0..2 {
            for file in &files {
                let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
                same_hits(&few, &many, &text);
            }
        }
    }
}

/// The words of a rubric's lists, to build text that hits its phrases often.
fn words(id: &str) -> Vec<String> {
    let rubric = builtin::load_builtin(id).unwrap();
    let mut words: Vec<String> = rubric
        .lists
        .iter()
        .flatten()
        .flat_map(|p| p.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    words.sort();
    words.dedup();
    words
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn few_and_many_scans_find_the_same_phrases_in_text_of_rubric_words(
        rubric in 0..builtin::SOURCES.len(),
        picks in prop::collection::vec((any::<prop::sample::Index>(), 0..6usize), 1..120),
    ) {
        let id = builtin::SOURCES[rubric].0;
        let words = words(id);
        let joins = [" ", ", ", ". ", " I then ", " um ", "\u{2019}s "];
        let mut text = String::new();
        for (word, join) in &picks {
            text.push_str(&words[word.index(words.len())]);
            text.push_str(joins[*join]);
        }
        let few = load_builtin_for(id, Scans::Few).unwrap();
        let many = load_builtin_for(id, Scans::Many).unwrap();
        for _ in 0..6 {
            same_hits(&few, &many, &text);
        }
    }
}
