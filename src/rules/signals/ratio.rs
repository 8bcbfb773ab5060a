//! `ratio`: how often one phrase list occurs against another.

use super::{Found, Kind};
use crate::rules::compile::{ListId, PhraseList, SignalCompiler};
use crate::rules::context::Context;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `ratio` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RatioDef {
    /// What is counted. Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "PhraseList")]
    pub phrases: Option<Vec<String>>,
    /// What it is counted against. Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "PhraseList")]
    pub to: Option<Vec<String>>,
    /// The ratio must be above this.
    #[serde(default)]
    pub above: Option<f64>,
    /// The ratio must be below this.
    #[serde(default)]
    pub below: Option<f64>,
    /// The two lists must occur at least this often in all (default 1).
    #[serde(default)]
    pub min_count: Option<usize>,
}

/// ## What it does
/// Earns `points` once when `phrases` / max(`to`, 1), counted over the answer, is above
/// `above` (and/or below `below`), and the two occur at least `min-count` times together.
///
/// ## Why
/// Some qualities are proportions: "I" against "we" in a story of what the candidate did,
/// technical terms against user and business terms.
///
/// ## Keys
/// - `phrases`, `to` (required): the two lists.
/// - `above`, `below`: the bounds; at least one is required.
/// - `min-count`: occurrences needed before the ratio means anything (default 1).
///
/// ## Example
/// ```toml
/// kind = "ratio"
/// phrases = ["i"]
/// to = ["we"]
/// above = 1.0
/// min-count = 4
/// ```
#[derive(Clone, Debug)]
pub struct Ratio {
    of: ListId,
    to: ListId,
    above: Option<f64>,
    below: Option<f64>,
    min_count: usize,
}

impl Kind for Ratio {
    const NAME: &'static str = "ratio";
    const SUMMARY: &'static str =
        "One list's count over another's above or below a bound.";
    type Def = RatioDef;

    fn compile(def: RatioDef, cx: &mut SignalCompiler) -> Option<Self> {
        if def.above.is_none() && def.below.is_none() {
            cx.problem(cx.at.clone(), "a `ratio` signal needs `above` or `below`");
        }
        Some(Ratio {
            of: cx.phrases(def.phrases.as_ref(), "phrases")?,
            to: cx.phrases(def.to.as_ref(), "to")?,
            above: def.above,
            below: def.below,
            min_count: def.min_count.unwrap_or(1),
        })
    }

    fn evaluate(&self, context: &Context) -> Found {
        let numerator = context.occurrences(self.of);
        let denominator = context.occurrences(self.to);
        let ratio = numerator as f64 / denominator.max(1) as f64;
        let passes = numerator + denominator >= self.min_count
            && self.above.is_none_or(|a| ratio > a)
            && self.below.is_none_or(|b| ratio < b);
        Found {
            units: Some(u32::from(passes)),
            note: Some(format!(
                "{numerator} against {denominator} (ratio {ratio:.2})"
            )),
            ..Found::default()
        }
    }

    fn describe(&self, lists: &[Vec<String>]) -> String {
        format!(
            "count of: {}\n      against: {}\n      ratio {}{}",
            lists[self.of as usize].join(", "),
            lists[self.to as usize].join(", "),
            self.above.map_or(String::new(), |a| format!("above {a} ")),
            self.below.map_or(String::new(), |b| format!("below {b}"))
        )
    }

    fn compared(&self) -> Option<[ListId; 2]> {
        Some([self.of, self.to])
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    const SIGNAL: &str = "kind = \"ratio\"\nphrases = [\"i\"]\nto = [\"we\"]\nabove = 1.0\nmin-count = 2";

    #[test]
    fn hits_and_misses() {
        assert_signal(SIGNAL, "I called the client. I wrote the plan and we shipped it.", 1);
        assert_signal(SIGNAL, "We called the client. We wrote the plan and I helped.", 0);
    }

    #[test]
    fn a_bound_is_needed() {
        assert_problems(
            "kind = \"ratio\"\nphrases = [\"i\"]\nto = [\"we\"]",
            &["13:10: `c.s`: a `ratio` signal needs `above` or `below`"],
        );
    }
}
