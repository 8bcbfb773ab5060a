//! Tokenising: the words of each sentence (Unicode word boundaries), how many are function
//! words, their syllables for readability, and the negations they hold.

use super::lexicon;
use super::negation::Negation;
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
        let mut previous_end = span.start;
        for (offset, word) in span.text(text).unicode_word_indices() {
            let word_span = Span::new(span.start + offset, span.start + offset + word.len());
            let between = &text[previous_end..word_span.start];
            previous_end = word_span.end;
            let class = lexicon::classify(word);
            negation.word(between, word_span, class, &mut self.negations);
            // "I" joins a sentence once; "I I I" strung between keywords does not.
            if class.function || (class.first_person && !first_person_seen) {
                function_words += 1;
            }
            first_person_seen |= class.first_person;
            self.syllables += readability::syllables(word);
            self.words.push(word_span);
        }
        negation.finish(span.end, &mut self.negations);
        function_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let syllables: usize = words.iter().map(|w| readability::syllables(w)).sum();
        assert_eq!(tokens.syllables, syllables);
    }
}
