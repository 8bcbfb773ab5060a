//! `quantity`: a number in the same sentence as one of the `near` phrases — "cut churn by
//! 2%", "within 6 weeks". `units` narrows the numbers (money, percent, multiplier,
//! duration, count, year); by default any number but a calendar year counts.

use super::Found;
use crate::analysis::QuantityKind;
use crate::rubric::ListId;
use crate::scoring::context::Context;

pub fn evaluate(near: ListId, units: &[QuantityKind], context: &Context) -> Found {
    let wanted = |kind: QuantityKind| {
        if units.is_empty() {
            kind != QuantityKind::Year
        } else {
            units.contains(&kind)
        }
    };
    let mut sentences: Vec<(usize, Vec<crate::span::Span>)> = Vec::new();
    for quantity in &context.analysis.quantities {
        if !wanted(quantity.kind) {
            continue;
        }
        let Some(sentence) = context.analysis.sentence_at(quantity.span.start) else {
            continue;
        };
        if !context.counts(sentence) || sentences.last().is_some_and(|(s, _)| *s == sentence) {
            continue;
        }
        if let Some(phrase) = context.hit_in(near, sentence) {
            sentences.push((sentence, vec![quantity.span, phrase]));
        }
    }
    Found {
        sentences,
        ..Found::default()
    }
}
