//! `too-short`: an answer with too few words for any criterion to be judged fairly.

use super::{Flag, Input};

/// The flag's id in reports.
pub const ID: &str = "too-short";

/// Below this many words in sentences that can carry an argument, an answer is a note, not
/// an answer: a low score would say more about its length than its judgment.
pub(super) const MIN_CONTENT_WORDS: usize = 40;
/// ## What it does
/// Fires when the answer's argued sentences (not headings, fragments or repeats) hold
/// fewer than [`MIN_CONTENT_WORDS`] words.
///
/// ## Why
/// A note is not an answer: a low score would say more about its length than about the
/// candidate's judgment, so a person should read it.
///
/// ## Example
/// Fires: "We'd build a watch party. Members love it." (8 words).
/// Quiet: any answer of a paragraph or more.
pub(super) fn check(input: &Input) -> Option<Flag> {
    let words = input.content_words();
    (words < MIN_CONTENT_WORDS).then(|| Flag {
        id: ID,
        message: format!(
            "{words} words in full sentences; a fair judgment needs at least {MIN_CONTENT_WORDS}."
        ),
        evidence: input.quote(input.content.iter().copied()),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test::flags;

    #[test]
    fn fires_and_stays_quiet() {
        let short = "We'd build a watch party. Members love it.";
        assert_eq!(flags(short, "product-pitch"), [super::ID]);
        assert!(!flags(super::super::test::STRONG_PITCH, "product-pitch").contains(&super::ID));
    }
}
