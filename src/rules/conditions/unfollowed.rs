//! `unfollowed`: the answer says one thing and never follows it with another.

use super::{ConditionKind, Earned};
use crate::analysis::Stance;
use crate::rules::compile::{ConditionCompiler, ListId, PhraseList};
use crate::rules::context::{Context, Discount, Hit};
use crate::text::span::Span;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of an `unfollowed` condition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnfollowedDef {
    /// What is said: the condition needs one of these, asserted.
    pub phrases: PhraseList,
    /// What should follow it: one of these, asserted after the first of `phrases`, and
    /// the condition does not hold.
    pub by: PhraseList,
}

/// ## What it does
/// Holds when one of `phrases` is asserted and none of `by` is asserted after the first
/// one: in a later sentence, or before it in its own sentence. Repeated sentences count for neither, and a follow-up
/// counts only in a sentence that may earn points (not a keyword list or a heading).
///
/// ## Why
/// Some mistakes are a promise left hanging: a lesson that is stated and never put into
/// practice. "I learned to test earlier; next time I'd test with users" names the lesson,
/// but nothing the candidate did after it. Order matters: the story before the lesson is
/// the failure itself, not the lesson applied. First-person phrases keep their tense, so a
/// `by` list of past actions ("I ran", "we launched") is not met by a hypothetical ("I'd
/// run"); nor is a `by` hit that a modal follows at once ("now I'd", "now I would").
///
/// ## Example
/// ```toml
/// [mistake.when]
/// unfollowed = { phrases = ["lesson", "learned"], by = ["@i-did", "since then"] }
/// ```
#[derive(Clone, Debug)]
pub struct Unfollowed {
    list: ListId,
    by: ListId,
}

impl ConditionKind for Unfollowed {
    const KEY: &'static str = "unfollowed";
    const SUMMARY: &'static str =
        "One of `phrases` is said, and none of `by` is said after the first of them.";
    type Def = UnfollowedDef;

    fn compile(def: &UnfollowedDef, cx: &mut ConditionCompiler) -> Self {
        Unfollowed {
            list: cx.phrases(&def.phrases, "unfollowed.phrases"),
            by: cx.phrases(&def.by, "unfollowed.by"),
        }
    }

    fn committed_lists(&self) -> Vec<ListId> {
        vec![self.list, self.by]
    }

    /// Only the phrases said: the `by` list is what never came, so none of its hits (a
    /// follow-up before the first mention, or one that did not count) is where it was said.
    fn said_in(&self, context: &Context, _: &Earned) -> Vec<Hit> {
        context.committed_hits(self.list).copied().collect()
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        let asserted = |list: ListId| {
            context.hits.iter().filter(move |h| {
                h.list == list
                    && h.stance == Stance::Asserted
                    && context.discount[h.sentence] != Some(Discount::Repeated)
            })
        };
        // Hits are in document order: the first is the earliest.
        let Some(first) = asserted(self.list).next() else {
            return false;
        };
        // A follow-up is after the first mention, or before it in its sentence ("since
        // then I test first: that is the lesson"); words after it in its own sentence
        // are the mention itself ("the lesson I took").
        !asserted(self.by).any(|h| {
            let after = h.sentence > first.sentence
                || (h.sentence == first.sentence && h.span.end <= first.span.start);
            after && context.counts(h.sentence) && !modal_follows(context.text, h.span)
        })
    }
}

/// Modals that make what follows a plan or a wish, not a thing done.
const MODALS: &[&str] = &["would", "could", "should", "might", "will", "shall", "may"];

/// True when a modal follows the hit at once: "now I" in "now I'd spend more time" or
/// "now I would" is a hypothetical, not a practice.
fn modal_follows(text: &str, span: Span) -> bool {
    let rest = &text[span.end.min(text.len())..];
    if ["'d", "\u{2019}d", "'ll", "\u{2019}ll"]
        .iter()
        .any(|m| rest.strip_prefix(m).is_some_and(|r| !r.starts_with(char::is_alphanumeric)))
    {
        return true;
    }
    let next = rest.trim_start().split(|c: char| !c.is_alphanumeric()).next();
    rest.starts_with(char::is_whitespace)
        && next.is_some_and(|w| MODALS.iter().any(|m| m.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    const WHEN: &str = "unfollowed = { phrases = [\"lesson\"], by = [\"I ran\", \"since then\"] }";

    #[test]
    fn fires_when_nothing_follows_the_last_mention() {
        let hanging = "I ran the pilot in March. The lesson is to test earlier. I'd run one sooner.";
        assert_condition(WHEN, hanging, true);
        // What follows the first mention counts, even with the lesson said again after it.
        let restated = "The lesson: test early. Since then I test first. That is the lesson.";
        assert_condition(WHEN, restated, false);
        // Words after the mention in its own sentence are part of it.
        let own = "The lesson I ran into is to test earlier. I'd run one sooner.";
        assert_condition(WHEN, own, true);
    }

    #[test]
    fn stays_quiet_when_it_is_followed_or_never_said() {
        let applied = "The lesson is to test earlier. In May I ran a pilot on one market first.";
        assert_condition(WHEN, applied, false);
        let same_sentence = "Since then I test on one market first, and that is the lesson.";
        assert_condition(WHEN, same_sentence, false);
        assert_condition(WHEN, "I ran the pilot in March and it went well.", false);
    }

    #[test]
    fn a_keyword_list_is_no_follow_up() {
        let packed = "The lesson is to test earlier. Lesson since then I ran I ran.";
        assert_condition(WHEN, packed, true);
    }

    #[test]
    fn a_plan_is_no_follow_up() {
        let when = "unfollowed = { phrases = [\"lesson\"], by = [\"now i\"] }";
        let plan = "The lesson is to test earlier. Now I'd spend a week on it first.";
        assert_condition(when, plan, true);
        assert_condition(when, "The lesson is to test. Now I would ask users first.", true);
        assert_condition(when, "The lesson is to test. Now I ask users first, always.", false);
    }

    #[test]
    fn a_negated_follow_up_is_no_follow_up() {
        let negated = "The lesson is to test earlier. I never ran that pilot again after it.";
        assert_condition(WHEN, negated, true);
    }

    #[test]
    fn an_empty_list_is_reported() {
        assert_eq!(
            problems("unfollowed = { phrases = [\"x\"], by = [] }"),
            ["22:38: `m`: `unfollowed.by` is an empty phrase list"]
        );
    }
}
