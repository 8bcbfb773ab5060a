//! Felt: the word after a verb of feeling ("members who feel tricked") is how someone takes
//! something, a consequence the answer names rather than a move the candidate makes.

use super::{Input, Region, clause_at};
use crate::analysis::lexicon::FEELINGS;
use crate::text::span::Span;

/// The word right after each verb of feeling, when it is in the verb's clause, sorted by
/// start. Only that word, so "I feel we should hide it" leaves "hide it" asserted.
pub(super) fn find(input: &Input) -> Vec<Region> {
    let words = input.words;
    let mut feelings: Vec<Region> = input
        .cues
        .iter()
        .filter(|h| h.list as usize == FEELINGS)
        .filter_map(|h| {
            let next = words.get(words.partition_point(|w| w.start < h.span.end))?;
            let clause = clause_at(input.clauses, h.span.start)?;
            (next.end <= clause.end).then_some(Region {
                span: Span::new(next.start, next.end),
                cue: h.span,
            })
        })
        .collect();
    feelings.sort_by_key(|r| r.span.start);
    feelings
}
