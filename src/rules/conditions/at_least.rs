//! `at-least`: the phrases occur at least `count` times in all.

use super::{ConditionKind, Earned};
use crate::rules::compile::{ListId, ConditionCompiler, PhraseList};
use crate::rules::context::{Context, Hit};
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of an `at-least` condition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AtLeastDef {
    /// The phrases counted.
    pub phrases: PhraseList,
    /// How many occurrences in all make the mistake; at least 1.
    #[schemars(range(min = 1))]
    pub count: usize,
}

/// ## What it does
/// Holds when the phrases occur, outside negations, at least `count` times in all.
///
/// ## Why
/// One buzzword is a word; five are a habit: jargon in place of an argument, hedging in
/// every sentence.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// at-least = { phrases = ["synergy", "leverage", "paradigm"], count = 3 }
/// ```
#[derive(Clone, Debug)]
pub struct AtLeast {
    list: ListId,
    count: usize,
}

impl ConditionKind for AtLeast {
    const KEY: &'static str = "at-least";
    const SUMMARY: &'static str = "The phrases occur at least `count` times in all.";
    type Def = AtLeastDef;

    fn compile(def: &AtLeastDef, cx: &mut ConditionCompiler) -> Self {
        let list = cx.phrases(&def.phrases, "at-least.phrases");
        if def.count == 0 {
            cx.problems.add(
                def.phrases.0.span(),
                Some(cx.id),
                "`at-least.count` must be at least 1",
            );
        }
        AtLeast {
            list,
            count: def.count,
        }
    }

    fn committed_lists(&self) -> Vec<ListId> {
        vec![self.list]
    }

    fn said_in(&self, context: &Context, _: &Earned) -> Vec<Hit> {
        context.committed_hits(self.list).copied().collect()
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        context.committed(self.list) >= self.count
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    const WHEN: &str = "at-least = { phrases = [\"synergy\"], count = 2 }";

    #[test]
    fn fires_and_stays_quiet() {
        assert_condition(WHEN, "Synergy first. Then more synergy for the members.", true);
        assert_condition(WHEN, "Synergy first. Then a plan for the members.", false);
    }

    #[test]
    fn a_zero_count_is_reported() {
        assert_eq!(
            problems("at-least = { phrases = [\"x\"], count = 0 }"),
            ["22:24: `m`: `at-least.count` must be at least 1"]
        );
    }
}
