//! `quantity`: a number in the same sentence as one of the `near` phrases.

use super::{Found, Kind};
use crate::analysis::amounts::is_bare_amount;
use crate::analysis::quantities::QuantityKind;
use crate::rules::compile::{ListId, PhraseList, SignalCompiler};
use crate::rules::context::Context;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `quantity` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuantityDef {
    /// What the number should measure: one of these phrases in its sentence. Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "PhraseList")]
    pub near: Option<Vec<String>>,
    /// Which numbers count: money, percent, multiplier, duration, count or year (default:
    /// any but a calendar year).
    #[serde(default)]
    #[schemars(schema_with = "unit_names")]
    pub units: Option<Vec<String>>,
    /// Count a bare amount as money: a number with no currency sign, of three digits or
    /// more or followed by "thousand" or "k" ("the offer is 185", "160 to 180 thousand").
    /// For talk where every large number is pay.
    #[serde(default)]
    pub bare_amounts: bool,
}

/// The schema of `units`: names of [`QuantityKind`], read from the kind itself so that the
/// two cannot drift apart.
fn unit_names(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = QuantityKind::ALL.iter().map(|k| k.name()).collect();
    schemars::json_schema!({
        "type": "array",
        "items": { "type": "string", "enum": names }
    })
}

/// ## What it does
/// Earns `points` for each sentence, up to `cap`, that holds a number next to what it
/// measures: a `near` phrase in the same sentence.
///
/// ## Why
/// "Cut churn by 2%" argues; "churn matters" and a stray "2021" do not. Numbers near what
/// they measure separate a plan from a list of words.
///
/// ## Keys
/// - `near` (required): the phrases the number should measure.
/// - `units`: which numbers count (money, percent, multiplier, duration, count, year); by
///   default any number but a calendar year.
/// - `bare-amounts`: a bare number of three digits or more, or with "thousand" or "k",
///   counts as money. People talking pay say "the offer is 185" or "160 to 180 thousand"
///   and mean dollars; a salary rubric should hear it so.
///
/// ## Example
/// ```toml
/// kind = "quantity"
/// near = ["churn", "retention"]
/// units = ["percent"]
/// ```
#[derive(Clone, Debug)]
pub struct Quantity {
    near: ListId,
    units: Vec<QuantityKind>,
    bare_amounts: bool,
}

impl Kind for Quantity {
    const NAME: &'static str = "quantity";
    const SUMMARY: &'static str =
        "A number (of the given units, or any but a year) in a sentence with a `near` phrase.";
    type Def = QuantityDef;

    fn compile(def: QuantityDef, cx: &mut SignalCompiler) -> Option<Self> {
        let near = cx.phrases(def.near.as_ref(), "near")?;
        let mut units = Vec::new();
        for name in def.units.iter().flatten() {
            match QuantityKind::from_name(name) {
                Some(kind) => units.push(kind),
                None => {
                    let names: Vec<&str> = QuantityKind::ALL.iter().map(|k| k.name()).collect();
                    let (last, rest) = names.split_last().expect("there are quantity kinds");
                    cx.problem(
                        cx.span("units"),
                        format!("unknown unit `{name}`; expected {} or {last}", rest.join(", ")),
                    );
                }
            }
        }
        Some(Quantity {
            near,
            units,
            bare_amounts: def.bare_amounts,
        })
    }

    fn evaluate(&self, context: &Context) -> Found {
        let wanted = |kind: QuantityKind| {
            if self.units.is_empty() {
                kind != QuantityKind::Year
            } else {
                self.units.contains(&kind)
            }
        };
        let mut sentences: Vec<(usize, Vec<crate::text::span::Span>)> = Vec::new();
        for quantity in &context.analysis.quantities {
            let as_money = self.bare_amounts
                && quantity.kind == QuantityKind::Count
                && context.text.get(quantity.span.start..quantity.span.end).is_some_and(is_bare_amount);
            if !(wanted(quantity.kind) || (as_money && wanted(QuantityKind::Money))) {
                continue;
            }
            let Some(sentence) = context.analysis.sentence_at(quantity.span.start) else {
                continue;
            };
            if !context.counts(sentence)
                || sentences.last().is_some_and(|(s, _)| *s == sentence)
            {
                continue;
            }
            if let Some(phrase) = context.hit_in(self.near, sentence) {
                sentences.push((sentence, vec![quantity.span, phrase]));
            }
        }
        Found {
            sentences,
            ..Found::default()
        }
    }

    fn describe(&self, lists: &[Vec<String>]) -> String {
        let units: Vec<&str> = self.units.iter().map(|u| u.name()).collect();
        let units = if units.is_empty() {
            "any number".to_owned()
        } else {
            units.join(", ")
        };
        format!("{units} near: {}", lists[self.near as usize].join(", "))
    }
}


#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    #[test]
    fn hits_and_misses() {
        let signal = "kind = \"quantity\"\nnear = [\"churn\"]";
        assert_signal(signal, "The pilot would cut churn by 2% in a quarter.", 1);
        assert_signal(signal, "The pilot would cut churn across the board.", 0);
        // A calendar year is not a quantity unless asked for.
        assert_signal(signal, "In 2021 the pilot would cut churn for members.", 0);
        let years = "kind = \"quantity\"\nnear = [\"churn\"]\nunits = [\"year\"]";
        assert_signal(years, "In 2021 the pilot would cut churn for members.", 1);
    }

    #[test]
    fn bare_amounts_count_as_money_only_when_asked() {
        let money = "kind = \"quantity\"\nnear = [\"offer\"]\nunits = [\"money\"]";
        let bare = format!("{money}\nbare-amounts = true");
        for text in ["The offer is 185.", "The offer sits between 160 and 180 thousand."] {
            assert_signal(money, text, 0);
            assert_signal(&bare, text, 1);
        }
        // Small bare numbers are counts of things, not pay.
        assert_signal(&bare, "The offer came after 3 rounds.", 0);
        assert_signal(&bare, "The offer is $185k.", 1);
    }

    #[test]
    fn an_unknown_unit_is_named() {
        assert_problems(
            "kind = \"quantity\"\nnear = [\"churn\"]\nunits = [\"euros\"]",
            &["15:11: `c.s`: unknown unit `euros`; expected money, percent, multiplier, duration, count or year"],
        );
    }
}
