//! Coordination: a rejection goes on over the alternatives joined to it by "or" or "nor"
//! ("I wouldn't bluff about an offer, or tell them it's that number or I walk"): not doing
//! A or B rejects both, so the frame's reach runs on into each such clause.

use super::Input;
use crate::text::span::Span;

/// Words that, second in an "or" clause (with any contraction: "they'll"), give it a
/// subject of its own ("…, or I'd lose them"): a new statement, which the rejection
/// before it does not reach.
const SUBJECTS: [&str; 9] = ["i", "we", "you", "they", "he", "she", "it", "that", "this"];

/// Where a frame's reach ending at `end` really ends: past every following clause of the
/// same sentence that opens with "or" or "nor" and no subject of its own.
pub(super) fn reach_end(input: &Input, sentence: Span, end: usize) -> usize {
    let (clauses, words, text) = (input.clauses, input.words, input.text);
    let mut end = end;
    let mut next = clauses.partition_point(|c| c.start <= end);
    while let Some(clause) = clauses.get(next).filter(|c| c.end <= sentence.end) {
        let first = words.partition_point(|w| w.start < clause.start);
        let opens = words.get(first).is_some_and(|w| {
            ["or", "nor"]
                .iter()
                .any(|o| w.text(text).eq_ignore_ascii_case(o))
        });
        let subject = words
            .get(first + 1)
            .filter(|w| w.end <= clause.end)
            .is_some_and(|w| {
                let word = w.text(text).split(['\'', '’']).next().unwrap_or_default();
                SUBJECTS.iter().any(|s| word.eq_ignore_ascii_case(s))
            });
        if !opens || subject {
            break;
        }
        end = clause.end;
        next += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::analysis::stance::Stance;
    use crate::document::parse;
    use crate::text::span::Span;

    fn rejected(text: &str, phrase: &str) -> bool {
        let start = text.find(phrase).unwrap();
        let stance = analyze(&parse(text)).stance(Span::new(start, start + phrase.len()));
        matches!(stance, Stance::Rejected { .. })
    }

    #[test]
    fn a_rejection_reaches_over_its_or_alternatives() {
        let text =
            "What I wouldn't do is bluff about an offer, or tell them it's that number or I walk.";
        assert!(rejected(text, "bluff"));
        assert!(rejected(text, "or I walk"));
        let text = "I'd never bluff, nor set a deadline, or threaten them.";
        assert!(rejected(text, "set a deadline"));
        assert!(rejected(text, "threaten"));
    }

    #[test]
    fn an_or_clause_with_its_own_subject_is_a_new_statement() {
        let text = "I wouldn't wait too long, or they'll set a deadline.";
        assert!(rejected(text, "wait"));
        assert!(!rejected(text, "set a deadline"));
        let text = "I won't bluff, or I'd lose their trust.";
        assert!(!rejected(text, "lose their trust"));
        // Nor past the sentence, nor past a clause that does not open with "or".
        let text = "I wouldn't bluff, and I'd set a deadline. Or threaten.";
        assert!(!rejected(text, "set a deadline"));
        assert!(!rejected(text, "threaten"));
    }
}
