//! A view's patterns for a text or two ([`super::Scans::Few`]): sorted, with no automaton.
//! A hit never starts inside a word, so only the places where a word or a run of other
//! characters starts are tried, each by narrowing the range of patterns that share the
//! text's next bytes. Sorting costs a small part of building the Aho-Corasick automaton
//! (its failure transitions, its states reordered), which one answer graded as a process
//! pays for every view; scanning a text this way costs about what the automaton's does.

use crate::text::normal::{is_word_byte, is_word_char};

/// The patterns' indices sorted by their bytes, and where each first byte's run starts.
#[derive(Clone, Debug)]
pub(super) struct Sorted {
    order: Vec<u32>,
    /// `order[first[b] as usize..first[b + 1] as usize]`: the patterns that start with `b`.
    first: Box<[u32; 257]>,
}

impl Sorted {
    /// Sorts `patterns` (none empty).
    pub(super) fn new(patterns: &[String]) -> Self {
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| patterns[a as usize].cmp(&patterns[b as usize]));
        let mut first = Box::new([0u32; 257]);
        for &i in &order {
            first[patterns[i as usize].as_bytes()[0] as usize + 1] += 1;
        }
        for b in 0..256 {
            first[b + 1] += first[b];
        }
        Sorted { order, first }
    }

    /// Calls `each(start, end, pattern)` for every occurrence of a pattern in `text` that
    /// does not start inside a word: every hit the automaton's scan reports and the view
    /// keeps (it drops the others), in another order.
    pub(super) fn find(
        &self,
        patterns: &[String],
        text: &str,
        mut each: impl FnMut(usize, usize, usize),
    ) {
        let bytes = text.as_bytes();
        let mut previous_in_word = false;
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            let (in_word, len) = if b.is_ascii() {
                (is_word_byte(b), 1)
            } else {
                let c = text[at..].chars().next().expect("at is on a boundary");
                (is_word_char(c), c.len_utf8())
            };
            if !(previous_in_word && in_word) {
                self.starting_at(patterns, bytes, at, &mut each);
            }
            previous_in_word = in_word;
            at += len;
        }
    }

    /// Every pattern that `text[start..]` starts with.
    fn starting_at(
        &self,
        patterns: &[String],
        text: &[u8],
        start: usize,
        each: &mut impl FnMut(usize, usize, usize),
    ) {
        let first = text[start] as usize;
        let (mut lo, mut hi) = (self.first[first] as usize, self.first[first + 1] as usize);
        let mut depth = 1;
        while lo < hi {
            // Within the range every pattern shares `depth` bytes with the text; the one
            // that ends there, if any, sorts first.
            let shortest = self.order[lo] as usize;
            if patterns[shortest].len() == depth {
                each(start, start + depth, shortest);
                lo += 1;
            }
            let Some(&next) = text.get(start + depth) else {
                return;
            };
            let range = &self.order[lo..hi];
            let byte = |i: &u32| patterns[*i as usize].as_bytes()[depth];
            let from = range.partition_point(|i| byte(i) < next);
            let to = range.partition_point(|i| byte(i) <= next);
            (lo, hi) = (lo + from, lo + to);
            depth += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Sorted;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// The crate's overlapping matches that do not start inside a word, as a sorted set.
    fn expected(patterns: &[String], text: &str) -> Vec<(usize, usize, usize)> {
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .unwrap();
        let mut found: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(text)
            .filter(|m| {
                let before = text[..m.start()].chars().next_back();
                let first = text[m.start()..].chars().next();
                !matches!((before, first), (Some(b), Some(f)) if is_word(b) && is_word(f))
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        found.sort_unstable();
        found
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn finds_the_automatons_hits_that_start_outside_a_word(
            patterns in proptest::collection::btree_set("(a|b|ab|ba| |é|-|'|aa){1,4}", 1..12),
            text in "(a|b| |é|c|-|'|ab){0,60}"
        ) {
            let patterns: Vec<String> = patterns.into_iter().collect();
            let mut found = Vec::new();
            Sorted::new(&patterns).find(&patterns, &text, |s, e, p| found.push((s, e, p)));
            found.sort_unstable();
            proptest::prop_assert_eq!(found, expected(&patterns, &text));
        }
    }
}
