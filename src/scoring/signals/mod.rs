//! Signal kinds, one per file, each documented where it is evaluated. A signal reads the
//! shared [`Context`] and says which sentences showed it; points follow from `points` and
//! `cap`, the same for every kind.

mod length;
mod metric;
mod phrases;
mod quantity;
mod ratio;
mod regex;
mod sequence;
mod together;

use super::context::Context;
use crate::rubric::{Signal, SignalKind};
use crate::span::Span;

/// What a signal found: the sentences that showed it, each with the spans that matched,
/// and for whole-answer signals (length, ratio, sequence) how many steps it reached.
#[derive(Debug, Default)]
pub struct Found {
    pub sentences: Vec<(usize, Vec<Span>)>,
    /// For signals judged on the whole answer: how many units of `points` were earned.
    pub units: Option<u32>,
    /// A short statement of what was measured, for whole-answer signals.
    pub note: Option<String>,
}

impl Found {
    /// Points earned: `points` per sentence up to `cap`, or per unit for whole-answer kinds.
    pub fn earned(&self, signal: &Signal) -> f64 {
        let units = self
            .units
            .unwrap_or_else(|| (self.sentences.len() as u32).min(signal.cap));
        signal.points * f64::from(units)
    }
}

pub fn evaluate(signal: &Signal, context: &Context) -> Found {
    let mut found = match &signal.kind {
        SignalKind::Phrases { list } => phrases::evaluate(*list, context),
        SignalKind::Regex { regex } => regex::evaluate(regex, context),
        SignalKind::Quantity { near, units } => quantity::evaluate(*near, units, context),
        SignalKind::Together { first, second } => together::evaluate(*first, *second, context),
        SignalKind::Length {
            min_words,
            max_words,
        } => length::evaluate(*min_words, *max_words, context),
        SignalKind::Sequence { steps } => sequence::evaluate(steps, context),
        SignalKind::Ratio {
            of,
            to,
            above,
            below,
            min_count,
        } => ratio::evaluate(*of, *to, *above, *below, *min_count, context),
        SignalKind::Metric { name, above, below } => {
            metric::evaluate(name, *above, *below, context)
        }
    };
    if found.units.is_none() {
        found.sentences.truncate(signal.cap as usize);
    }
    found
}

/// Sentences that may earn points and hold a hit of `list`: one entry per sentence.
fn sentences_with(list: crate::rubric::ListId, context: &Context) -> Vec<(usize, Vec<Span>)> {
    let mut out: Vec<(usize, Vec<Span>)> = Vec::new();
    for (sentence, span) in context.counted(list) {
        match out.last_mut() {
            Some((last, spans)) if *last == sentence => spans.push(span),
            _ => out.push((sentence, vec![span])),
        }
    }
    out
}
