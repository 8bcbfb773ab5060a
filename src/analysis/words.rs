//! Tokenising: the words of each sentence (Unicode word boundaries), how many are function
//! words, their syllables for readability, the negations they hold and their clauses.

use super::lexicon;
use super::negation::{self, Negation};
use super::readability;
use crate::text::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// What tokenising the sentences of a text adds up, sentence after sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tokens {
    /// Every word, in text order.
    pub words: Vec<Span>,
    /// The reach of each negation (see [`Negation`]).
    pub negations: Vec<Span>,
    /// Every clause, from its first word to its last; a connective that starts a clause
    /// ("but", "instead") belongs to none, so a clause starts at the word after it.
    pub clauses: Vec<Span>,
    /// Estimated syllables of all the words.
    pub syllables: usize,
}

impl Tokens {
    /// Tokenises the sentence at `span` of `text`; returns how many of its words are
    /// function words.
    pub(crate) fn sentence(&mut self, text: &str, span: Span) -> usize {
        let mut function_words = 0;
        let mut first_person_seen = false;
        let mut negation = Negation::default();
        let mut clause: Option<Span> = None;
        let mut previous_end = span.start;
        for (offset, word) in word_indices(span.text(text)) {
            let word_span = Span::new(span.start + offset, span.start + offset + word.len());
            let between = &text[previous_end..word_span.start];
            previous_end = word_span.end;
            let class = lexicon::classify(word);
            negation.word(between, word_span, class, &mut self.negations);
            if negation::breaks_clause(between, class) {
                self.clauses.extend(clause.take());
            }
            if !class.clause {
                let start = clause.map_or(word_span.start, |c| c.start);
                clause = Some(Span::new(start, word_span.end));
            }
            // "I" joins a sentence once; "I I I" strung between keywords does not.
            if class.function || (class.first_person && !first_person_seen) {
                function_words += 1;
            }
            first_person_seen |= class.first_person;
            self.syllables += readability::syllables(word);
            self.words.push(word_span);
        }
        negation.finish(span.end, &mut self.negations);
        self.clauses.extend(clause);
        function_words
    }
}

/// The words of `text` exactly as unicode-segmentation's `unicode_word_indices` finds
/// them, its ASCII stretches taking the crate's ASCII path: the text is cut at each space
/// between two ASCII characters that are not spaces, where every word-bound rule breaks on
/// both sides of the space, and each run of cuts that is ASCII (or not) is segmented alone.
fn word_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    if !text.is_ascii() {
        let (mut run_start, mut piece_start) = (0, 0);
        let mut run_ascii = true;
        let cuts = (1..bytes.len().saturating_sub(1)).filter(|&p| {
            bytes[p] == b' ' && is_ascii_not_space(bytes[p - 1]) && is_ascii_not_space(bytes[p + 1])
        });
        for cut in cuts.chain([bytes.len()]) {
            let ascii = bytes[piece_start..cut].is_ascii();
            if ascii != run_ascii && piece_start > run_start {
                runs.push(run_start..piece_start);
                run_start = piece_start;
            }
            run_ascii = ascii;
            piece_start = cut;
        }
        runs.push(run_start..bytes.len());
    } else {
        runs.push(0..bytes.len());
    }
    runs.into_iter().flat_map(move |run| {
        let start = run.start;
        text[run]
            .unicode_word_indices()
            .map(move |(offset, word)| (start + offset, word))
    })
}

fn is_ascii_not_space(b: u8) -> bool {
    b.is_ascii() && b != b' '
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_words(text: &str) {
        let expected: Vec<_> = text.unicode_word_indices().collect();
        assert_eq!(word_indices(text).collect::<Vec<_>>(), expected, "{text:?}");
    }

    #[test]
    fn words_are_unicode_segmentations() {
        for text in [
            "Members’ “Top 10” — Ça marche, don’t they?",
            "a  \u{345}b’ c",
            "x\u{2002} y’ z",
            "e.g. the U.S. plan’s 3.5 ‘x’ a:b 1,000",
            " ’a b ",
            "’",
            "a ’ b",
            "\u{200d} a é \u{301}b c",
        ] {
            same_words(text);
        }
        for answer in crate::analysis::sentence_breaks::corpus::generate(300, 1) {
            for line in answer.text.lines() {
                same_words(line);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn random_words_are_unicode_segmentations(text in "[a-c1 .,:;'’_\u{301}\u{345}\u{200d}\u{2002}\u{a0}é\u{1f600}-]{0,24}") {
            same_words(&text);
        }
    }

    #[test]
    fn clauses_end_at_punctuation_and_start_after_a_connective() {
        let text = "We cut it, but instead of ads, we kept plans.";
        let mut tokens = Tokens::default();
        tokens.sentence(text, Span::new(0, text.len()));
        let clauses: Vec<&str> = tokens.clauses.iter().map(|c| c.text(text)).collect();
        assert_eq!(clauses, vec!["We cut it", "of ads", "we kept plans"]);
    }

    #[test]
    fn words_function_words_and_first_person_once() {
        let text = "I owned I decided the roadmap.";
        let mut tokens = Tokens::default();
        let function_words = tokens.sentence(text, Span::new(0, text.len()));
        let words: Vec<&str> = tokens.words.iter().map(|w| w.text(text)).collect();
        assert_eq!(words, vec!["I", "owned", "I", "decided", "the", "roadmap"]);
        // The first "I" and "the".
        assert_eq!(function_words, 2);
        assert!(tokens.negations.is_empty());
        assert_eq!(tokens.clauses, vec![Span::new(0, text.len() - 1)]);
        let syllables: usize = words.iter().map(|w| readability::syllables(w)).sum();
        assert_eq!(tokens.syllables, syllables);
    }
}
