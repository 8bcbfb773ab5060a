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
        for (offset, word) in span.text(text).unicode_word_indices() {
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

#[cfg(test)]
mod tests {
    use super::*;

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
