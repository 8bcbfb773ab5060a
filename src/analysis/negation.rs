//! The negation state machine: a negating word ("not", "never", "without") reaches over the
//! next few words of its clause, until a clause boundary, a new negation or the sentence end
//! stops it; "not only" and "no doubt" undo it. Its clause boundaries ([`breaks_clause`])
//! also delimit the clauses that rejection frames reach over (see `stance`).

use super::lexicon::WordClass;
use crate::text::span::Span;

/// How far a negation reaches, in words, when no clause boundary stops it first.
const NEGATION_REACH_WORDS: usize = 5;

/// Punctuation between two words that ends a clause, and with it a negation's reach.
const CLAUSE_PUNCTUATION: [char; 7] = [',', ';', ':', '(', ')', '—', '–'];

/// True when a clause ends before a word: punctuation since the word before, or a word that
/// starts a clause ("but", "because").
pub(crate) fn breaks_clause(between: &str, class: WordClass) -> bool {
    between.contains(CLAUSE_PUNCTUATION) || class.clause
}

/// The negation open in one sentence, fed its words in order.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Negation {
    /// The open reach: where it starts (after the negating word) and how many words it may
    /// still cover.
    open: Option<(usize, usize)>,
}

impl Negation {
    /// Takes the next word of the sentence: `between` is the text since the word before,
    /// `class` the word's class. Each reach that closes is pushed onto `reaches`.
    pub(crate) fn word(
        &mut self,
        between: &str,
        word: Span,
        class: WordClass,
        reaches: &mut Vec<Span>,
    ) {
        let clause_break = breaks_clause(between, class);
        if let Some((start, left)) = self.open {
            if clause_break || left == 0 {
                reaches.push(Span::new(start, word.start));
                self.open = None;
            } else if class.cancels_negation && left == NEGATION_REACH_WORDS {
                self.open = None;
            } else {
                self.open = Some((start, left - 1));
            }
        }
        if class.negation {
            // "no X no Y": the first negation still covers X.
            if let Some((start, _)) = self.open {
                reaches.push(Span::new(start, word.start));
            }
            self.open = Some((word.end, NEGATION_REACH_WORDS));
        }
    }

    /// Ends the sentence at `end`: an open reach closes there.
    pub(crate) fn finish(self, end: usize, reaches: &mut Vec<Span>) {
        if let Some((start, _)) = self.open {
            reaches.push(Span::new(start, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::document::parse;
    use crate::text::span::Span;

    fn negated(text: &str, word: &str) -> bool {
        let analysis = analyze(&parse(text));
        let start = text.find(word).unwrap();
        analysis.is_negated(Span::new(start, start + word.len()))
    }

    #[test]
    fn negation_reaches_to_the_clause_end() {
        let text = "We would not measure revenue, but retention matters.";
        assert!(negated(text, "revenue"));
        assert!(!negated(text, "retention"));
    }

    #[test]
    fn not_only_is_no_negation() {
        assert!(!negated("It is not only cheaper but faster.", "cheaper"));
    }

    #[test]
    fn reach_ends_after_five_words_or_at_a_clause_word() {
        let text = "We never ran one two three four five tests because budgets mattered.";
        assert!(negated(text, "ran"));
        assert!(negated(text, "four"));
        assert!(!negated(text, "tests"));
        assert!(!negated(text, "budgets"));
    }

    #[test]
    fn a_second_negation_closes_the_first_and_opens_its_own() {
        let text = "No ads no paywall here.";
        let analysis = analyze(&parse(text));
        let reaches: Vec<&str> = analysis.negations.iter().map(|n| n.text(text)).collect();
        assert_eq!(reaches, vec![" ads ", " paywall here."]);
    }
}
