//! Tokenising: the words of each sentence (Unicode word boundaries), how many are function
//! words, their syllables for readability, the negations they hold and their clauses.

use super::lexicon;
use super::negation::{self, Negation};
use super::readability;
use crate::text::span::Span;
use std::ops::Range;
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
        for_each_word(span.text(text), |offset, word| {
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
        });
        negation.finish(span.end, &mut self.negations);
        self.clauses.extend(clause);
        function_words
    }
}

/// Calls `word` with each word of `text` (its offset and text) exactly as
/// unicode-segmentation's `unicode_word_indices` finds them. The text is cut at each space
/// between two ASCII characters that are not spaces, where every word-bound rule breaks on
/// both sides of the space: a piece with a non-ASCII byte is segmented by the crate, and
/// the ASCII between such pieces is read byte by byte in one pass, by the crate's own ASCII
/// rules, with nothing allocated.
fn for_each_word<'a>(text: &'a str, mut word: impl FnMut(usize, &'a str)) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(found) = bytes[pos..].iter().position(|b| !b.is_ascii()) {
        let non_ascii = pos + found;
        let piece_start = (pos + 1..non_ascii)
            .rev()
            .find(|&p| is_cut(bytes, p))
            .unwrap_or(pos);
        let piece_end = (non_ascii + 1..bytes.len().saturating_sub(1))
            .find(|&p| is_cut(bytes, p))
            .unwrap_or(bytes.len());
        ascii_words(text, pos..piece_start, &mut word);
        for (offset, w) in text[piece_start..piece_end].unicode_word_indices() {
            word(piece_start + offset, w);
        }
        pos = piece_end;
    }
    ascii_words(text, pos..bytes.len(), &mut word);
}

/// A space between two ASCII characters that are not spaces: no word bound joins across it.
fn is_cut(bytes: &[u8], p: usize) -> bool {
    bytes[p] == b' ' && is_ascii_not_space(bytes[p - 1]) && is_ascii_not_space(bytes[p + 1])
}

fn is_ascii_not_space(b: u8) -> bool {
    b.is_ascii() && b != b' '
}

/// The words of the ASCII `range` of `text` (which starts and ends at a cut or an end), by
/// unicode-segmentation's ASCII rules: a run of letters, digits and underscores, joined
/// across a `.`, `,`, `;` or `'` between digits (WB11, WB12) and a `'`, `.` or `:` between
/// letters (WB6, WB7), is a word if it holds a letter or digit; any other byte stands alone.
fn ascii_words<'a>(text: &'a str, range: Range<usize>, word: &mut impl FnMut(usize, &'a str)) {
    let bytes = &text.as_bytes()[..range.end];
    let mut i = range.start;
    while i < bytes.len() {
        if !is_core(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut alphanumeric = false;
        while i < bytes.len() {
            let b = bytes[i];
            if is_core(b) {
                alphanumeric |= b != b'_';
            } else if i + 1 >= bytes.len() || !is_infix(b, bytes[i - 1], bytes[i + 1]) {
                break;
            }
            i += 1;
        }
        if alphanumeric {
            word(start, &text[start..i]);
        }
    }
}

fn is_core(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_infix(b: u8, prev: u8, next: u8) -> bool {
    match b {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_words(text: &str) {
        let expected: Vec<_> = text.unicode_word_indices().collect();
        let mut words = Vec::new();
        for_each_word(text, |offset, word| words.push((offset, word)));
        assert_eq!(words, expected, "{text:?}");
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

        /// The byte-by-byte ASCII path against the crate's Unicode path: a line feed then
        /// "é" after the text (a bound on both sides of the line feed, WB3a and WB3b) makes
        /// the crate segment the whole text by its Unicode tables.
        #[test]
        fn ascii_words_are_the_unicode_path(text in "[aZk09_ .,;:'\"\t\r\n!-]{0,40}") {
            let forced = format!("{text}\n\u{e9}");
            let mut slow: Vec<_> = forced.unicode_word_indices().collect();
            proptest::prop_assert_eq!(slow.pop(), Some((text.len() + 1, "\u{e9}")));
            let mut fast = Vec::new();
            ascii_words(&text, 0..text.len(), &mut |offset, word| fast.push((offset, word)));
            proptest::prop_assert_eq!(fast, slow);
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
