//! A label that opens a line and goes on after its colon: "What I wouldn't do: bluff about
//! an offer." When the label rejects, so does the rest of its line, as a lead-in line
//! ending in ':' rejects the list under it. A lead-in of any length rejects the same way
//! when it refuses: "There's a list of things I just won't do, however good the quarter
//! looks: hiding the cancel button, …".

use crate::text::span::Span;

/// Most words a label has before its colon: "What I wouldn't do" is four; a longer run
/// before a colon is a sentence ("The one thing I'd ask them: …").
const MAX_WORDS: usize = 4;

/// The label `line` (a sentence's span in `text`) opens with, before its first colon,
/// when text follows the colon.
pub(super) fn inline(text: &str, line: Span) -> Option<Span> {
    let own = line.text(text);
    let colon = own.find(':').filter(|&c| !own[c + 1..].trim().is_empty())?;
    let words = own[..colon].split_whitespace().count();
    (1..=MAX_WORDS)
        .contains(&words)
        .then(|| Span::new(line.start, line.start + colon))
}

/// Words before a final "do" that make a clause a refusal: "won't do", "would never do".
const REFUSING: [&str; 6] = ["won't", "wouldn't", "never", "not", "shouldn't", "refuse"];

/// Words that may follow a refused "do" without giving it an object: a purpose or a
/// condition ("things I won't do to hit a number", "… for a better quarter", "… even if
/// it works"). "I won't do that again" has an object and refuses nothing of the list.
const AFTER_DO: [&str; 7] = ["to", "for", "even", "just", "if", "however", "whatever"];

/// The lead-in `line` opens with, before its first colon with text after it, when one of
/// its clauses refuses a "do" with no object ("things I just won't do", "what I'd never
/// do", "things I won't do to hit a number"): any number of words, since the refusal, not
/// the length, makes it a label. "What we didn't do" is a confession, not a refusal.
pub(super) fn refusal(text: &str, line: Span) -> Option<Span> {
    let own = line.text(text);
    let colon = own.find(':').filter(|&c| !own[c + 1..].trim().is_empty())?;
    let lead = own[..colon].to_lowercase().replace('\u{2019}', "'");
    let refuses = lead.split([',', ';', '—', '–', '(', ')']).any(refuses_in);
    refuses.then(|| Span::new(line.start, line.start + colon))
}

/// Whether `clause` (lower-cased) refuses a "do" with no object: "do" ends the clause or
/// is followed by a purpose or a condition, and a refusing word comes before it.
fn refuses_in(clause: &str) -> bool {
    let words: Vec<&str> = clause.split_whitespace().collect();
    words.iter().enumerate().any(|(at, &word)| {
        let free = words.get(at + 1).is_none_or(|next| AFTER_DO.contains(next));
        if word != "do" || at == 0 || !free {
            return false;
        }
        // "won't ever do", "refuse to do": the refusing word one further back.
        let before = match words[at - 1] {
            "ever" | "to" if at >= 2 => words[at - 2],
            other => other,
        };
        REFUSING.contains(&before)
    })
}

#[cfg(test)]
mod tests {
    use super::{inline, refusal};
    use crate::text::span::Span;

    fn label(line: &str) -> Option<&str> {
        inline(line, Span::new(0, line.len())).map(|s| s.text(line))
    }

    #[test]
    fn a_short_label_before_a_colon_with_text_after_it() {
        assert_eq!(
            label("What I wouldn't do: bluff."),
            Some("What I wouldn't do")
        );
        assert_eq!(label("Avoid: a deadline."), Some("Avoid"));
        assert_eq!(label("What I wouldn't do:"), None, "a lead-in line");
        assert_eq!(label("The one thing I would ask them: the level."), None);
        assert_eq!(label("No colon in this sentence."), None);
    }

    fn refused(line: &str) -> Option<&str> {
        refusal(line, Span::new(0, line.len())).map(|s| s.text(line))
    }

    #[test]
    fn a_refusing_lead_in_of_any_length() {
        let long = "There's a list of things I just won’t do, however good it looks: hiding it.";
        assert_eq!(
            refused(long),
            Some("There's a list of things I just won’t do, however good it looks")
        );
        assert_eq!(
            refused("What I'd never ever do: bluff."),
            Some("What I'd never ever do")
        );
        assert_eq!(
            refused("Things I won't ever do: bluff."),
            Some("Things I won't ever do")
        );
        assert_eq!(
            refused("What I refuse to do: bluff."),
            Some("What I refuse to do")
        );
        assert_eq!(refused("What we didn't do: test it."), None, "a confession");
        assert_eq!(
            refused("I won't do that again: I tested it."),
            None,
            "an object"
        );
        assert_eq!(refused("Things I won't do:"), None, "a lead-in line");
        assert_eq!(
            refused("Things I just won't do to hit a number for a quarter: bury it."),
            Some("Things I just won't do to hit a number for a quarter"),
            "a purpose after the refusal"
        );
        assert_eq!(
            refused("I won't do that for you: I tested it."),
            None,
            "an object, then a purpose"
        );
    }
}
