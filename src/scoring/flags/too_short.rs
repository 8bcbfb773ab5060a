//! `too-short`: an answer with too few words for any criterion to be judged fairly.

use super::{Flag, Input};

/// Below this many words in sentences that can carry an argument, an answer is a note, not
/// an answer: a low score would say more about its length than its judgment.
pub(super) const MIN_CONTENT_WORDS: usize = 40;

/// Fires when the answer's argued sentences hold fewer than [`MIN_CONTENT_WORDS`] words.
///
/// Fires: "We'd build a watch party. Members love it." — 8 words.
/// Quiet: any answer of a paragraph or more.
pub(super) fn check(input: &Input) -> Option<Flag> {
    let words = input.content_words();
    (words < MIN_CONTENT_WORDS).then(|| Flag {
        id: "too-short",
        message: format!(
            "{words} words in full sentences; a fair judgment needs at least {MIN_CONTENT_WORDS}."
        ),
        evidence: input.quote(input.content.iter().copied()),
    })
}
