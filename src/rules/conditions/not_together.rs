//! `not-together`: no sentence says one of the phrases with one of the other list.

use super::{ConditionKind, Earned};
use crate::analysis::Stance;
use crate::rules::compile::{ConditionCompiler, ListId, PhraseList};
use crate::rules::context::{Context, Discount};
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `not-together` condition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NotTogetherDef {
    /// The topic: what the answer may mention anywhere.
    pub phrases: PhraseList,
    /// What would make the mention a move: the candidate's own ask or plan.
    pub with: PhraseList,
}

/// ## What it does
/// Holds when no sentence asserts one of `phrases` together with one of `with`. Repeated
/// sentences do not count.
///
/// ## Why
/// Mentioning a thing is not acting on it. A salary answer can name stock in passing, as
/// part of the current pay, in a question, or to wave it off, and still negotiate the base
/// alone: it never makes a move about the stock. The move is a sentence that holds both
/// the topic and the candidate's ask ("I'd ask for a sign-on for the stock I leave").
///
/// ## Example
/// ```toml
/// [mistake.when]
/// not-together = { phrases = ["stock", "equity"], with = ["I'd", "I would", "ask"] }
/// ```
#[derive(Clone, Debug)]
pub struct NotTogether {
    list: ListId,
    with: ListId,
}

impl ConditionKind for NotTogether {
    const KEY: &'static str = "not-together";
    const SUMMARY: &'static str =
        "No sentence says one of `phrases` together with one of `with`.";
    type Def = NotTogetherDef;

    fn compile(def: &NotTogetherDef, cx: &mut ConditionCompiler) -> Self {
        NotTogether {
            list: cx.phrases(&def.phrases, "not-together.phrases"),
            with: cx.phrases(&def.with, "not-together.with"),
        }
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        let sentences = |list: ListId| {
            context
                .hits
                .iter()
                .filter(move |h| {
                    h.list == list
                        && h.stance == Stance::Asserted
                        && context.discount[h.sentence] != Some(Discount::Repeated)
                })
                .map(|h| h.sentence)
        };
        let with: Vec<usize> = sentences(self.with).collect();
        !sentences(self.list).any(|s| with.contains(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    const WHEN: &str = "not-together = { phrases = [\"stock\"], with = [\"I'd\", \"ask\"] }";

    #[test]
    fn a_mention_without_a_move_holds() {
        assert_condition(WHEN, "They pay in stock too. I'd push on the base.", true);
        assert_condition(WHEN, "I'd push on the base salary and nothing else.", true);
    }

    #[test]
    fn a_move_in_one_sentence_does_not() {
        assert_condition(WHEN, "I'd ask for more stock to cover what I leave.", false);
    }

    #[test]
    fn a_negated_topic_is_no_move() {
        assert_condition(WHEN, "I'd take the base and not think about stock.", true);
    }

    #[test]
    fn an_empty_list_is_reported() {
        assert_eq!(
            problems("not-together = { phrases = [\"x\"], with = [] }"),
            ["22:42: `m`: `not-together.with` is an empty phrase list"]
        );
    }
}
