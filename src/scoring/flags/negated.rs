//! `negated`: an answer that names the rubric's ideas mostly to deny or reject them.

use super::{Flag, Input};
use crate::analysis::stance::Stance;

/// The flag's id in reports.
pub const ID: &str = "negated";

/// At least this share of the rubric-phrase hits (pronoun lists aside) must be negated or
/// rejected. Strong and medium fixtures stay at 0.04 or under and dev-set answers at 0.27
/// or under: a few "I wouldn't" moves are judgment; most of the rubric's ideas denied is
/// an answer built to name them.
const MIN_NEGATED_SHARE: f64 = 0.5;
/// And at least this many hits in all, so two phrases, one denied, raise nothing.
const MIN_HITS: usize = 6;
/// And the denials must be spread over at least this many sentences: one "What I wouldn't
/// do" list is a section of an answer, not the answer.
const MIN_SENTENCES: usize = 3;

/// ## What it does
/// Fires when at least half of the answer's rubric-phrase hits (6 or more) are negated or
/// rejected, in 3 or more sentences.
///
/// ## Why
/// Negated phrases earn nothing, so the score is low, but the low score reads as "misses
/// the ideas" when the answer names every one of them to deny it. A person should read it.
///
/// ## Example
/// Fires: "I would not put members first. I would never set a guardrail. I wouldn't run a
/// test…"
/// Quiet: a strong answer with a "What I wouldn't do" paragraph.
pub(super) fn check(input: &Input) -> Option<Flag> {
    let pronouns = super::pronoun_lists(input.rubric);
    let hits: Vec<_> = input
        .context
        .hits
        .iter()
        .filter(|h| !pronouns.contains(&h.list))
        .collect();
    let denied: Vec<usize> = hits
        .iter()
        .filter(|h| matches!(h.stance, Stance::Negated | Stance::Rejected { .. }) && !h.tolerated)
        .map(|h| h.sentence)
        .collect();
    let mut sentences = denied.clone();
    sentences.dedup();
    let share = denied.len() as f64 / hits.len().max(1) as f64;
    (hits.len() >= MIN_HITS && share >= MIN_NEGATED_SHARE && sentences.len() >= MIN_SENTENCES)
        .then(|| Flag {
            id: ID,
            message: format!(
                "{} of the {} rubric phrases it uses are negated or rejected: it names the ideas to deny them.",
                denied.len(),
                hits.len()
            ),
            evidence: input.quote(sentences),
        })
}

#[cfg(test)]
mod tests {
    use super::super::test::{STRONG_PITCH, flags};

    #[test]
    fn fires_on_denied_ideas_and_not_on_a_strong_answer() {
        let answer = include_str!("../../../fixtures/flags/negated.md");
        assert!(flags(answer, "product-pitch").contains(&super::ID));
        assert!(!flags(STRONG_PITCH, "product-pitch").contains(&super::ID));
    }
}
