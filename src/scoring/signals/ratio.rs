//! `ratio`: how often one list occurs against another — "I" against "we" in a story of
//! what the candidate did, technical terms against user and business terms. Earns
//! `points` once when `phrases` / max(`to`, 1) is above `above` (or below `below`) and the
//! two together occur at least `min-count` times.

use super::Found;
use crate::rubric::ListId;
use crate::scoring::context::Context;

pub fn evaluate(
    of: ListId,
    to: ListId,
    above: Option<f64>,
    below: Option<f64>,
    min_count: usize,
    context: &Context,
) -> Found {
    let numerator = context.occurrences(of);
    let denominator = context.occurrences(to);
    let ratio = numerator as f64 / denominator.max(1) as f64;
    let passes = numerator + denominator >= min_count
        && above.is_none_or(|a| ratio > a)
        && below.is_none_or(|b| ratio < b);
    Found {
        units: Some(u32::from(passes)),
        note: Some(format!(
            "{numerator} against {denominator} (ratio {ratio:.2})"
        )),
        ..Found::default()
    }
}
