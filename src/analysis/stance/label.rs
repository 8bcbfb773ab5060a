//! A label that opens a line and goes on after its colon: "What I wouldn't do: bluff about
//! an offer." When the label rejects, so does the rest of its line, as a lead-in line
//! ending in ':' rejects the list under it.

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

#[cfg(test)]
mod tests {
    use super::inline;
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
}
