//! Verdicts: a predicate that rejects its subject ("starting with a bluff isn't how I'd
//! want to begin", "hiding the fee would be a mistake") rejects what comes before it in
//! its clause, as a frame rejects what comes after it.

use super::{Input, Region, clause_at};
use crate::analysis::lexicon::VERDICTS;
use crate::text::span::Span;

/// For each verdict, the start of its clause up to the verdict, sorted by start.
pub(super) fn find(input: &Input) -> Vec<Region> {
    let mut verdicts: Vec<Region> = input
        .cues
        .iter()
        .filter(|h| h.list as usize == VERDICTS)
        .filter_map(|h| {
            let clause = clause_at(input.clauses, h.span.start)?;
            (clause.start < h.span.start).then_some(Region {
                span: Span::new(clause.start, h.span.start),
                cue: h.span,
            })
        })
        .collect();
    verdicts.sort_by_key(|r| r.span.start);
    verdicts
}
