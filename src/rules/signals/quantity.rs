//! `quantity`: a number in the same sentence as one of the `near` phrases.

use super::{Found, Kind};
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
        Some(Quantity { near, units })
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
            if !wanted(quantity.kind) {
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
    fn an_unknown_unit_is_named() {
        assert_problems(
            "kind = \"quantity\"\nnear = [\"churn\"]\nunits = [\"euros\"]",
            &["15:11: `c.s`: unknown unit `euros`; expected money, percent, multiplier, duration, count or year"],
        );
    }
}
