//! A view's DFA and the loop that finds its overlapping matches: one table lookup and one
//! comparison a byte, where the aho-corasick crate's overlapping iterator keeps its state
//! in a struct it re-enters for every match (twice the instructions a byte on answers).

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// The patterns as a DFA reporting every occurrence, as the view's NFA does; `None` when
/// the crate cannot build one (too many states), and the NFA scans instead.
pub(super) fn build(patterns: &[String]) -> Option<DFA> {
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .ok()
}

/// Calls `each(start, end, pattern)` for every occurrence of every pattern in `text`, by
/// end and then in the DFA's order at that end: the matches `find_overlapping_iter`
/// yields. Patterns are never empty, so the start state is no match.
pub(super) fn overlapping(dfa: &DFA, text: &[u8], mut each: impl FnMut(usize, usize, usize)) {
    let Ok(mut state) = dfa.start_state(Anchored::No) else {
        return;
    };
    for (at, &byte) in text.iter().enumerate() {
        state = dfa.next_state(Anchored::No, state, byte);
        if !dfa.is_special(state) {
            continue;
        }
        if dfa.is_dead(state) {
            return;
        }
        if dfa.is_match(state) {
            let end = at + 1;
            for i in 0..dfa.match_len(state) {
                let pattern = dfa.match_pattern(state, i);
                each(end - dfa.pattern_len(pattern), end, pattern.as_usize());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{build, overlapping};
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn the_loop_finds_what_the_crates_iterator_finds(
            patterns in proptest::collection::vec("(a|b|ab|ba| |é|aa){1,4}", 1..12),
            text in "(a|b| |é|c){0,60}"
        ) {
            let crate_dfa = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .unwrap();
            let expected: Vec<(usize, usize, usize)> = crate_dfa
                .find_overlapping_iter(&text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            let mut found = Vec::new();
            overlapping(&build(&patterns).unwrap(), text.as_bytes(), |s, e, p| found.push((s, e, p)));
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
