//! `ratio`: one phrase list occurs far more often than another.

use super::{ConditionKind, Earned};
use crate::rules::compile::{ListId, ConditionCompiler, PhraseList};
use crate::rules::context::Context;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `ratio` condition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RatioDef {
    /// What is counted.
    pub of: PhraseList,
    /// What it is counted against.
    pub to: PhraseList,
    /// The condition holds when `of` / max(`to`, 1) is above this.
    pub above: f64,
    /// The two lists must occur at least this often in all (default 1).
    #[serde(default)]
    pub min_count: Option<usize>,
}

/// ## What it does
/// Holds when `of` / max(`to`, 1), counted over the answer, is above `above` and the two
/// lists occur at least `min-count` times in all.
///
/// ## Why
/// A story told all in "we" hides what the candidate did; an answer all in technical terms
/// forgets the user.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// ratio = { of = ["we"], to = ["i"], above = 3.0, min-count = 6 }
/// ```
#[derive(Clone, Debug)]
pub struct Ratio {
    of: ListId,
    to: ListId,
    above: f64,
    min_count: usize,
}

impl ConditionKind for Ratio {
    const KEY: &'static str = "ratio";
    const SUMMARY: &'static str =
        "One phrase list's count against another's: `of` / max(`to`, 1) above a bound.";
    type Def = RatioDef;

    fn compile(def: &RatioDef, cx: &mut ConditionCompiler) -> Self {
        Ratio {
            of: cx.phrases(&def.of, "ratio.of"),
            to: cx.phrases(&def.to, "ratio.to"),
            above: def.above,
            min_count: def.min_count.unwrap_or(1),
        }
    }

    fn committed_lists(&self) -> Vec<ListId> {
        vec![self.of, self.to]
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        let (of, to) = (context.committed(self.of), context.committed(self.to));
        of + to >= self.min_count && of as f64 / to.max(1) as f64 > self.above
    }

    fn compared(&self) -> Option<[ListId; 2]> {
        Some([self.of, self.to])
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    #[test]
    fn fires_and_stays_quiet() {
        let when = "ratio = { of = [\"we\"], to = [\"i\"], above = 2.0, min-count = 3 }";
        assert_condition(when, "We planned it, we built it and we shipped it.", true);
        assert_condition(when, "I planned it, I built it and we shipped it.", false);
        // Too few to judge.
        assert_condition(when, "We shipped it.", false);
    }

    #[test]
    fn empty_lists_are_reported() {
        assert_eq!(
            problems("ratio = { of = [], to = [\"i\"], above = 1.0 }"),
            ["22:16: `m`: `ratio.of` is an empty phrase list"]
        );
    }
}
