//! `raise`: an ask set against an offer by their amounts, earning when the one is the
//! wanted share above the other ("your offer is 172 … I'd ask for 198").

use super::{Found, Kind};
use crate::analysis::QuantityKind;
use crate::analysis::amounts::{is_bare_amount, money_value, percent_value};
use crate::rules::compile::{ListId, PhraseList, SignalCompiler};
use crate::rules::context::Context;
use crate::text::span::Span;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `raise` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RaiseDef {
    /// Phrases beside the amount asked for ("ask for", "come back at"). Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "PhraseList")]
    pub ask: Option<Vec<String>>,
    /// Phrases beside the amount the ask is measured from ("offer", "offered"). Required.
    #[schemars(required)]
    #[schemars(with = "PhraseList")]
    pub from: Option<Vec<String>>,
    /// The smallest raise that earns, in percent (default 8).
    #[serde(default)]
    pub above: Option<f64>,
    /// The largest raise that earns, in percent (default 30).
    #[serde(default)]
    pub below: Option<f64>,
}

/// ## What it does
/// Earns `points` for each sentence, up to `cap`, that holds an `ask` phrase and either a
/// percentage between `above` and `below` ("about 11% above the offer") or an amount of
/// money that much more than the amount beside a `from` phrase, in the same sentence or
/// the nearest sentence before it that has one: "Your offer is 172. I'd like to ask for a
/// base of 198." (15% more). Amounts are money or, as people say pay, bare numbers of
/// three digits ("172" is read as 172 thousand).
///
/// ## Why
/// A meaningful ask is a relation between two numbers, and people rarely say the
/// percentage: a pattern for "11% above the offer" misses an answer that names the offer
/// and the ask and leaves the sum to the listener. Reading the amounts does the sum.
///
/// ## Keys
/// - `ask` (required): phrases beside the amount asked for.
/// - `from` (required): phrases beside the amount it is measured from.
/// - `above`, `below`: the range that earns, in percent (defaults 8 and 30).
///
/// ## Example
/// ```toml
/// kind = "raise"
/// ask = ["ask for", "come back at"]
/// from = ["offer", "offered"]
/// above = 8
/// below = 30
/// ```
#[derive(Clone, Debug)]
pub struct Raise {
    ask: ListId,
    from: ListId,
    above: f64,
    below: f64,
}

/// An amount of money in the answer: its sentence, where, and its value.
#[derive(Clone, Copy)]
struct Amount {
    sentence: usize,
    span: Span,
    value: f64,
}

impl Kind for Raise {
    const NAME: &'static str = "raise";
    const SUMMARY: &'static str =
        "An asked amount the wanted share above the amount it is measured from.";
    type Def = RaiseDef;

    fn compile(def: RaiseDef, cx: &mut SignalCompiler) -> Option<Self> {
        let ask = cx.phrases(def.ask.as_ref(), "ask")?;
        let from = cx.phrases(def.from.as_ref(), "from")?;
        let (above, below) = (def.above.unwrap_or(8.0), def.below.unwrap_or(30.0));
        if above >= below {
            cx.problem(
                cx.span("below"),
                format!("`below` ({below}) must be more than `above` ({above})"),
            );
            return None;
        }
        Some(Raise {
            ask,
            from,
            above,
            below,
        })
    }

    fn evaluate(&self, context: &Context) -> Found {
        let amounts = amounts(context);
        let (mut sentences, mut raises) = (Vec::<(usize, Vec<Span>)>::new(), 0);
        // The offer of the nearest sentence so far with a `from` phrase and an amount.
        let mut offer_before: Option<Offer> = None;
        for sentence in 0..context.analysis.sentences.len() {
            // Quantities come in text order, so a sentence's amounts are one run.
            let start = amounts.partition_point(|a| a.sentence < sentence);
            let end = start + amounts[start..].partition_point(|a| a.sentence == sentence);
            let here = &amounts[start..end];
            let offer_here = context.hit_in(self.from, sentence).and_then(|phrase| {
                Some(Offer {
                    amount: nearest(here, phrase)?,
                    phrase,
                })
            });
            let ask_phrase = context
                .hit_in(self.ask, sentence)
                .filter(|_| context.counts(sentence));
            let found = ask_phrase.and_then(|ask_phrase| {
                self.stated_in(context, sentence, ask_phrase).or_else(|| {
                    self.raise_in(here, offer_here.as_ref(), offer_before.as_ref(), ask_phrase)
                })
            });
            if let Some(found) = found {
                raises += 1;
                for (at, spans) in found {
                    // Two asks measured from one offer quote the offer once.
                    if !sentences.iter().any(|(s, _)| *s == at) {
                        sentences.push((at, spans));
                    }
                }
            }
            if offer_here.is_some() {
                offer_before = offer_here;
            }
        }
        Found {
            units: Some(raises),
            sentences,
            note: None,
        }
    }

    fn describe(&self, lists: &[Vec<String>]) -> String {
        format!(
            "an amount {}–{}% above the one near: {}\n      asked for near: {}",
            self.above,
            self.below,
            lists[self.from as usize].join(", "),
            lists[self.ask as usize].join(", ")
        )
    }
}

impl Raise {
    /// The evidence of a raise said as a percentage in the wanted range in `sentence`.
    fn stated_in(
        &self,
        context: &Context,
        sentence: usize,
        ask_phrase: Span,
    ) -> Option<Vec<(usize, Vec<Span>)>> {
        let span = context.analysis.sentences[sentence].span;
        let percent = context.analysis.quantities.iter().find(|q| {
            q.kind == QuantityKind::Percent
                && span.contains(q.span.start)
                && context
                    .text
                    .get(q.span.start..q.span.end)
                    .and_then(percent_value)
                    .is_some_and(|p| (self.above..=self.below).contains(&p))
        })?;
        Some(vec![(sentence, vec![percent.span, ask_phrase])])
    }

    /// The evidence of a raise in the wanted range asked among `here`, a sentence's
    /// amounts: measured from the offer in the same sentence when it holds a second
    /// amount, else from `offer_before`. The offer's sentence comes first, then the ask's.
    fn raise_in(
        &self,
        here: &[Amount],
        offer_here: Option<&Offer>,
        offer_before: Option<&Offer>,
        ask_phrase: Span,
    ) -> Option<Vec<(usize, Vec<Span>)>> {
        let (offer, asked) = match offer_here {
            // Both in one sentence: the amount nearest each phrase is its own.
            Some(offer) if here.len() >= 2 => {
                let others: Vec<Amount> = here
                    .iter()
                    .filter(|a| a.span != offer.amount.span)
                    .copied()
                    .collect();
                (offer, nearest(&others, ask_phrase)?)
            }
            _ => (offer_before?, nearest(here, ask_phrase)?),
        };
        let raise = (asked.value / offer.amount.value - 1.0) * 100.0;
        if !(self.above..=self.below).contains(&raise) {
            return None;
        }
        let (offer_at, sentence) = (offer.amount.sentence, asked.sentence);
        let offer_spans = vec![offer.amount.span, offer.phrase];
        Some(if offer_at == sentence {
            vec![(sentence, [vec![asked.span, ask_phrase], offer_spans].concat())]
        } else {
            vec![(offer_at, offer_spans), (sentence, vec![asked.span, ask_phrase])]
        })
    }
}

/// An offer: its amount and the `from` phrase beside it.
struct Offer {
    amount: Amount,
    phrase: Span,
}

/// The amount of `amounts` nearest `phrase`.
fn nearest(amounts: &[Amount], phrase: Span) -> Option<Amount> {
    amounts
        .iter()
        .min_by_key(|a| a.span.start.abs_diff(phrase.start))
        .copied()
}

/// Every amount of money in the answer, with bare pay numbers ("172") among them.
fn amounts(context: &Context) -> Vec<Amount> {
    context
        .analysis
        .quantities
        .iter()
        .filter_map(|quantity| {
            let text = context.text.get(quantity.span.start..quantity.span.end)?;
            let money = quantity.kind == QuantityKind::Money
                || quantity.kind == QuantityKind::Count && is_bare_amount(text);
            if !money {
                return None;
            }
            Some(Amount {
                sentence: context.analysis.sentence_at(quantity.span.start)?,
                span: quantity.span,
                value: money_value(text).filter(|v| *v > 0.0)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    const SIGNAL: &str = "kind = \"raise\"\nask = [\"ask for\"]\nfrom = [\"offer\"]";

    #[test]
    fn an_ask_measured_against_the_offer_before_it() {
        assert_signal(SIGNAL, "Your offer is 172. I'd ask for a base of 198.", 1);
        assert_signal(SIGNAL, "The offer was $150k. Then I'd ask for $170k.", 1);
    }

    #[test]
    fn both_amounts_in_one_sentence() {
        assert_signal(SIGNAL, "Against an offer of 150 I'd ask for 168.", 1);
        assert_signal(SIGNAL, "I'd ask for 168, against an offer of 150.", 1);
    }

    #[test]
    fn a_token_or_an_outsized_ask_earns_nothing() {
        assert_signal(SIGNAL, "Your offer is 172. I'd ask for 176.", 0);
        assert_signal(SIGNAL, "Your offer is 172. I'd ask for 300.", 0);
        // No offer amount to measure from.
        assert_signal(SIGNAL, "I'd ask for 198 and see what they say.", 0);
    }

    #[test]
    fn a_raise_said_as_a_percentage() {
        let signal = "kind = \"raise\"\nask = [\"ask for\", \"above\", \"on top\"]\nfrom = [\"offer\"]";
        assert_signal(signal, "That's $600k, about 11% above the offer.", 1);
        assert_signal(signal, "I'd ask for ten percent on top of the base.", 1);
        assert_signal(signal, "I'd ask for $515k, about three percent more.", 0);
        assert_signal(signal, "Every change goes to 10% of traffic first.", 0);
    }

    #[test]
    fn the_range_must_be_a_range() {
        assert_problems(
            "kind = \"raise\"\nask = [\"ask\"]\nfrom = [\"offer\"]\nabove = 20\nbelow = 10",
            &["17:11: `c.s`: `below` (10) must be more than `above` (20)"],
        );
    }
}
