//! `off-topic`: an answer that is not about the rubric's question — little of its domain
//! vocabulary for its length, or a stated question that belongs to another rubric.

use super::{Flag, Input};
use crate::rubric::auto;

/// The flag's id in reports.
pub const ID: &str = "off-topic";

/// Below this share of sentences using the rubric's `topic` words, the answer is about
/// something else. On-topic answers in the fixtures stay at 0.45 or above; off-topic ones
/// at 0.25 or below.
const MIN_ON_TOPIC_SHARE: f64 = 0.3;
/// With fewer sentences than this, a share says little; `too-short` speaks instead.
const MIN_SENTENCES: usize = 4;
/// ## What it does
/// Fires when fewer than 30% of the argued sentences use the rubric's domain vocabulary
/// (its `topic` words) or earn a point (a plain-words answer argues the question without
/// the list's words), or when the question stated in the front matter is another
/// built-in rubric's question.
///
/// ## Why
/// A fluent answer to another question can still hit a rubric's phrases; its score says
/// nothing about the question asked.
///
/// ## Example
/// Fires: a recipe for sourdough graded as a product pitch.
/// Quiet: a product pitch that spends a few sentences on a personal anecdote.
pub(super) fn check(input: &Input) -> Option<Flag> {
    if let Some(flag) = another_question(input) {
        return Some(flag);
    }
    let total = input.content.len();
    if total < MIN_SENTENCES {
        return None;
    }
    // A sentence that earns a point argues the question even in words the topic list
    // lacks ("people", "paying", "the reminder"): plain answers are not off-topic.
    let on_topic = input
        .content
        .iter()
        .filter(|&&s| input.on_topic[s] || input.earned[s])
        .count();
    let share = on_topic as f64 / total as f64;
    (share < MIN_ON_TOPIC_SHARE).then(|| Flag {
        id: ID,
        message: format!(
            "Only {on_topic} of {total} sentences use the vocabulary of a {} answer or earn a point (at least {:.0}% expected).",
            input.rubric.title.to_lowercase(),
            MIN_ON_TOPIC_SHARE * 100.0
        ),
        evidence: input.quote(
            input
                .content
                .iter()
                .copied()
                .filter(|&s| !input.on_topic[s] && !input.earned[s]),
        ),
    })
}

/// The front matter states a question whose words pick another built-in rubric and none of
/// this rubric's. Judged only for rubrics with `match` phrases, where "fits" has a meaning.
fn another_question(input: &Input) -> Option<Flag> {
    let rubric = input.rubric;
    if rubric.match_phrases.is_empty() {
        return None;
    }
    let question = input.document.front_matter.as_ref()?.question.as_deref()?;
    let fits = !rubric
        .match_matcher()
        .find(&crate::text::fold::Folded::new(question))
        .is_empty();
    // A question that fits needs no selection (which scans every rubric's phrases).
    if fits {
        return None;
    }
    let selection = auto::select(input.document).ok()?;
    if selection.rubric == rubric.id {
        return None;
    }
    Some(Flag {
        id: ID,
        message: format!(
            "The question \"{}\" reads as a `{}` question (matched: {}), not a {} one.",
            question.trim(),
            selection.rubric,
            selection.words.join(", "),
            rubric.title.to_lowercase()
        ),
        evidence: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test::{STRONG_PITCH, flags};

    #[test]
    fn fires_on_another_question() {
        let answer = format!(
            "---\nquestion: How would you negotiate the salary in your offer?\n---\n{STRONG_PITCH}"
        );
        assert_eq!(flags(&answer, "product-pitch"), [super::ID]);
        let own = format!("---\nquestion: Pitch a new feature for Netflix.\n---\n{STRONG_PITCH}");
        assert_eq!(flags(&own, "product-pitch"), Vec::<&str>::new());
    }
}
