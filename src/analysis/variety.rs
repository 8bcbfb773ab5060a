//! Word variety: how many distinct words an answer uses per stretch of text, the measure
//! the repetitive flag reads to tell recycled vocabulary from prose.

use super::Analysis;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are hashes already.
#[derive(Default)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Moving-average type-token ratio over windows of `window` words: the share of distinct
/// words, which unlike a plain type-token ratio does not fall just because a text is long.
pub fn word_variety(text: &str, analysis: &Analysis, window: usize) -> Option<f64> {
    // The keys are already hashes: hashing them again would cost more than the count.
    type Counts = HashMap<u64, u32, BuildHasherDefault<Identity>>;
    let ids: Vec<u64> = analysis
        .words
        .iter()
        .map(|w| {
            // FNV-1a over the lower-cased characters: a word's identity without allocating.
            // An ASCII word's characters are its bytes, lower-cased without a table.
            let step = |hash: u64, c: u64| (hash ^ c).wrapping_mul(0x0100_0000_01b3);
            let word = w.text(text);
            let basis: u64 = 0xcbf2_9ce4_8422_2325;
            if word.is_ascii() {
                word.bytes().fold(basis, |hash, b| {
                    step(hash, u64::from(b.to_ascii_lowercase()))
                })
            } else {
                word.chars()
                    .flat_map(char::to_lowercase)
                    .fold(basis, |hash, c| step(hash, u64::from(c)))
            }
        })
        .collect();
    if ids.len() < window {
        return None;
    }
    let mut counts = Counts::default();
    for id in &ids[..window] {
        *counts.entry(*id).or_default() += 1;
    }
    let mut distinct_sum = counts.len();
    for i in window..ids.len() {
        let out = ids[i - window];
        if let Some(n) = counts.get_mut(&out) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&out);
            }
        }
        *counts.entry(ids[i]).or_default() += 1;
        distinct_sum += counts.len();
    }
    let windows = ids.len() - window + 1;
    Some(distinct_sum as f64 / (windows * window) as f64)
}

#[cfg(test)]
mod tests {
    use super::word_variety;
    use crate::{analyze, parse};

    #[test]
    fn recycled_words_have_less_variety_than_prose() {
        let looped = "we ship it and we test it ".repeat(20);
        let document = parse(&looped);
        let low = word_variety(&document.text, &analyze(&document), 50).unwrap();
        assert!(low < 0.3, "{low}");
        let short = parse("Too short to measure.");
        assert_eq!(word_variety(&short.text, &analyze(&short), 50), None);
    }
}
