//! build.rs's table of the built-in rubrics' phrases and the patterns each is matched as,
//! laid out as offsets into one string: a table of `&str`s would cost the dynamic loader a
//! relocation for every string (12,000 of them) in every process.

use super::PhraseKind;

// `PHRASE_TEXT`, every phrase and pattern end to end; `PHRASES`, (start, end, first
// pattern, pattern count) sorted by phrase; `PATTERNS`, (start, end, kind).
include!(concat!(env!("OUT_DIR"), "/phrase_patterns.rs"));

/// The text at `start..end` of [`PHRASE_TEXT`].
fn text(start: u32, end: u32) -> &'static str {
    &PHRASE_TEXT[start as usize..end as usize]
}

/// The patterns of the built-in phrase at `i` of [`PHRASES`].
fn patterns_at(i: usize) -> impl Iterator<Item = (&'static str, PhraseKind)> {
    let (_, _, first, count) = PHRASES[i];
    let patterns = &PATTERNS[first as usize..][..count as usize];
    patterns
        .iter()
        .map(|&(start, end, kind)| (text(start, end), kind))
}

/// The patterns of `phrase` when it is a phrase of a built-in rubric or concept.
pub(super) fn patterns(phrase: &str) -> Option<impl Iterator<Item = (&'static str, PhraseKind)>> {
    // Compared as bytes (the order of `str`), which skips the character-boundary checks
    // of slicing a `str` at every step of the search.
    let bytes = PHRASE_TEXT.as_bytes();
    let at = |start: u32, end: u32| &bytes[start as usize..end as usize];
    let found =
        PHRASES.binary_search_by(|&(start, end, _, _)| at(start, end).cmp(phrase.as_bytes()));
    found.ok().map(patterns_at)
}

/// Every phrase of the table with its patterns, in order.
#[cfg(test)]
pub(super) fn entries() -> impl Iterator<Item = (&'static str, Vec<(&'static str, PhraseKind)>)> {
    (0..PHRASES.len()).map(|i| {
        let (start, end, _, _) = PHRASES[i];
        (text(start, end), patterns_at(i).collect())
    })
}
