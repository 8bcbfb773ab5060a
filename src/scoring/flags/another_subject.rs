//! `another-subject`: a long, fluent answer to a different question, with a few of the
//! rubric's words sprinkled in.

use super::{Flag, Input};

/// The flag's id in reports.
pub const ID: &str = "another-subject";

/// Only answers of this many argued sentences: in a short answer a few earning sentences
/// are the whole argument.
const MIN_SENTENCES: usize = 12;
/// At most this share of the argued sentences earns any point: an essay on something else
/// earns where a word happens to fit.
const MAX_EARNING_SHARE: f64 = 0.25;
/// Under this share of the sentences use a domain (`topic`) word: enough for `off-topic`
/// (30%) to stay quiet, too few for an answer to the question. Of the dev-set answers that
/// earn as little, one has 0.48 (its phrases keep it quiet), the rest 0.58 or more.
const MAX_TOPIC_SHARE: f64 = 0.5;
/// Fewer rubric phrases than this per sentence, counted or not: an answer in earnest, even
/// a weak one, uses the rubric's words all through, if only to get them wrong (dev-set
/// answers with little earning have 2.2 or more; a sprinkled essay about 1.3).
const MAX_PHRASES_PER_SENTENCE: f64 = 2.0;

/// ## What it does
/// Fires when an answer of 12 or more argued sentences earns points in at most a quarter
/// of them, uses a domain word in under half, and has under 2 rubric phrases per sentence,
/// while `off-topic` stays quiet (30% or more of its sentences use a domain word).
///
/// ## Why
/// `off-topic` counts sentences with the rubric's topic words; an essay on another subject
/// with "members" or "launch" dropped into every other sentence passes it. What gives it
/// away is that nearly nothing in it touches what the rubric judges: an answer in earnest,
/// even a weak one, uses the rubric's phrases in most sentences, if only to get them wrong.
///
/// ## Example
/// Fires: an essay on a city's trams with "members", "launch" and "families" dropped in.
/// Quiet: a medium answer that argues three of the rubric's ideas.
pub(super) fn check(input: &Input) -> Option<Flag> {
    let total = input.content.len();
    if total < MIN_SENTENCES || super::off_topic::check(input).is_some() {
        return None;
    }
    let share = |count: usize| count as f64 / total as f64;
    let earning = input.content.iter().filter(|&&s| input.earned[s]).count();
    let on_topic = input.content.iter().filter(|&&s| input.on_topic[s]).count();
    let phrases = input.context.hits.len() as f64 / total as f64;
    let fires = share(earning) <= MAX_EARNING_SHARE
        && share(on_topic) < MAX_TOPIC_SHARE
        && phrases < MAX_PHRASES_PER_SENTENCE;
    fires.then(|| Flag {
        id: ID,
        message: format!(
            "Only {on_topic} of {total} sentences touch the subject of a {} answer, and {earning} earn a point: it reads as an answer to another question.",
            input.rubric.title.to_lowercase()
        ),
        evidence: input.quote(
            input
                .content
                .iter()
                .copied()
                .filter(|&s| !input.on_topic[s]),
        ),
    })
}
#[cfg(test)]
mod tests {
    use super::super::test::{STRONG_PITCH, flags};

    #[test]
    fn fires_on_an_essay_with_words_sprinkled_in() {
        let answer = include_str!("../../../fixtures/flags/another-subject.md");
        assert!(flags(answer, "product-pitch").contains(&super::ID));
        assert!(!flags(STRONG_PITCH, "product-pitch").contains(&super::ID));
    }
}
