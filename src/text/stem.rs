//! The stemmed view of a folded text: each word replaced by its Snowball English stem
//! (rust-stemmers), everything between words kept as it is, with a byte map back to the
//! folded text. Built once per document, so that phrase matching compares stems.

pub(super) use super::normal::is_word_byte;
pub use super::normal::is_word_char;
use super::normal::{gap_len, word_len};
pub use super::snowball::stem_word;
use crate::text::span::Span;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// A folded text with every word stemmed, and the way back to folded offsets.
#[derive(Clone, Debug)]
pub struct Stemmed {
    /// The stemmed text: stems, and the folded text's characters between words.
    pub text: String,
    /// For each stemmed byte, the folded offset of a span starting there: inside a stem, the
    /// word's byte at the same distance from its start (stems are nearly always a prefix).
    starts: Vec<u32>,
    /// For each stemmed offset (one more than bytes), the folded offset of a span ending
    /// there: a stem's end is its word's end ("cancel" ends after "cancellations"); inside
    /// a stem, as for starts ("i" in the one word "i'd" ends after the "i").
    ends: Vec<u32>,
}

/// How many stems a thread keeps: Snowball costs thousands of instructions a word and
/// answers repeat their vocabulary, so each thread remembers the stems it computed. The
/// cache is emptied when full, which bounds its memory (about 1 MB) whatever the batch.
const STEM_CACHE_WORDS: usize = 16_384;

// `RUBRIC_STEMS`: (word, stem) for every word of the built-in rubrics, sorted by word,
// stemmed by build.rs with `snowball.rs` itself: loading a rubric stems its phrases, and
// Snowball is the dearest part of that.
include!(concat!(env!("OUT_DIR"), "/rubric_stems.rs"));

thread_local! {
    // FxHash, not SipHash: the keys are the text's own words, and hashing them with
    // SipHash cost more than the rest of the lookup.
    static STEMS: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
}

/// Calls `f` with [`stem_word`]`(word)`, from `cache` when it has the word (the thread's
/// cache, borrowed once per text rather than once per word).
fn with_stem<R>(
    cache: &mut FxHashMap<Box<str>, Box<str>>,
    word: &str,
    f: impl FnOnce(&str) -> R,
) -> R {
    if word.len() <= 2 {
        return f(word);
    }
    if let Some(stem) = cache.get(word) {
        return f(stem);
    }
    let stem: Box<str> = match RUBRIC_STEMS.binary_search_by(|&(w, _)| w.cmp(word)) {
        Ok(i) => RUBRIC_STEMS[i].1.into(),
        Err(_) => stem_word(word).into(),
    };
    let result = f(&stem);
    if cache.len() >= STEM_CACHE_WORDS {
        cache.clear();
    }
    cache.insert(word.into(), stem);
    result
}

/// Calls `f` with [`stem_word`]`(word)`, from the thread's cache of stems: for callers that
/// stem a few words at a time (the quotes a signal ranks), which would otherwise run
/// Snowball on every word again.
pub fn with_cached_stem<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    STEMS.with_borrow_mut(|cache| with_stem(cache, word, f))
}

impl Stemmed {
    /// Stems every word of `folded` (text already folded to lower case) in one pass.
    pub fn new(folded: &str) -> Self {
        let mut out = Stemmed {
            text: String::with_capacity(folded.len()),
            starts: Vec::with_capacity(folded.len()),
            ends: Vec::with_capacity(folded.len() + 1),
        };
        out.ends.push(0);
        STEMS.with_borrow_mut(|cache| {
            // Words and the gaps between them alternate: a word ends where a character
            // starts no word, and a gap where one does, so each is measured once.
            let mut offset = 0;
            let mut in_word = true;
            while offset < folded.len() {
                let rest = &folded[offset..];
                if in_word {
                    let len = word_len(rest);
                    if len > 0 {
                        with_stem(cache, &rest[..len], |stem| out.push_word(offset, len, stem));
                        offset += len;
                    }
                } else {
                    // Between words every byte maps to itself.
                    let gap = gap_len(rest);
                    out.text.push_str(&rest[..gap]);
                    out.starts.extend(offset as u32..(offset + gap) as u32);
                    out.ends.extend(offset as u32 + 1..=(offset + gap) as u32);
                    offset += gap;
                }
                in_word = !in_word;
            }
        });
        out
    }

    /// Appends `stem`, the stem of the `len` bytes at folded `offset`.
    fn push_word(&mut self, offset: usize, len: usize, stem: &str) {
        self.text.push_str(stem);
        if !stem.is_empty() && stem.len() <= len {
            // A stem no longer than its word (nearly every one): byte k starts at the
            // word's byte k and ends after it, and the last ends at the word's end.
            self.starts
                .extend(offset as u32..(offset + stem.len()) as u32);
            self.ends
                .extend(offset as u32 + 1..(offset + stem.len()) as u32);
            self.ends.push((offset + len) as u32);
            return;
        }
        for k in 0..stem.len() {
            self.starts.push((offset + k.min(len - 1)) as u32);
            let end = if k + 1 == stem.len() {
                len
            } else {
                (k + 1).min(len)
            };
            self.ends.push((offset + end) as u32);
        }
    }

    /// The folded span of a stemmed span that starts and ends on character boundaries of
    /// the stemmed text (as every phrase hit does).
    pub fn folded(&self, span: Span) -> Span {
        let start = self
            .starts
            .get(span.start)
            .map_or(*self.ends.last().unwrap_or(&0), |&s| s);
        Span::new(start as usize, self.ends[span.end] as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> String {
        Stemmed::new(text).text
    }

    #[test]
    fn snowball_conflates_inflections() {
        assert_eq!(
            stems("cancel cancels cancelled cancelling canceled cancellation"),
            "cancel cancel cancel cancel cancel cancel"
        );
        assert_eq!(
            stems("retain retains retained retention"),
            "retain retain retain retent"
        );
        assert_eq!(
            stems("member members member's members' membership"),
            "member member member member membership"
        );
        assert_eq!(stems("experiment experiments"), "experi experi");
        assert_eq!(stems("pricing prices priced"), "price price price");
        assert_eq!(stems("renewal renewed trusted"), "renew renew trust");
    }

    #[test]
    fn short_and_function_words_do_not_collide() {
        let pairs = [
            ("us", "use"),
            ("news", "new"),
            ("data", "date"),
            ("general", "generous"),
            ("experiment", "experience"),
            ("organization", "organ"),
        ];
        for (a, b) in pairs {
            assert_ne!(stem_word(a), stem_word(b), "{a} and {b} collide");
        }
        assert_eq!(stems("us news data q3 3rd"), "us news data q3 3rd");
    }

    #[test]
    fn the_rubric_table_is_what_snowball_says() {
        assert!(
            RUBRIC_STEMS.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no duplicate"
        );
        for &(word, stem) in RUBRIC_STEMS {
            assert_eq!(stem_word(word), stem, "{word}");
        }
        // A word of a built-in rubric is in it, so loading that rubric does not run Snowball.
        let source = include_str!("../../rubrics/product-pitch.toml");
        assert!(source.contains("retention"));
        assert!(
            RUBRIC_STEMS
                .binary_search_by(|&(w, _)| w.cmp("retention"))
                .is_ok()
        );
    }

    #[test]
    fn maps_stems_back_to_folded_words() {
        let folded = "the ça cancellations, members' don't";
        let stemmed = Stemmed::new(folded);
        assert_eq!(stemmed.text, "the ça cancel, member don't");
        let start = stemmed.text.find("cancel").unwrap();
        let span = stemmed.folded(Span::new(start, start + 6));
        assert_eq!(span.text(folded), "cancellations");
        let start = stemmed.text.find("member").unwrap();
        let span = stemmed.folded(Span::new(start, stemmed.text.len()));
        assert_eq!(span.text(folded), "members' don't");
        let ido = Stemmed::new("i'd go");
        assert_eq!(ido.folded(Span::new(0, 1)).text("i'd go"), "i");
        assert_eq!(ido.folded(Span::new(0, 3)).text("i'd go"), "i'd");
    }

    /// The view built character by character, each word stemmed afresh, as before the
    /// byte scan, the cache borrowed once and the maps filled by ranges.
    fn reference(folded: &str) -> (String, Vec<u32>, Vec<u32>) {
        let (mut text, mut starts, mut ends) = (String::new(), Vec::new(), vec![0]);
        let mut offset = 0;
        while offset < folded.len() {
            let rest = &folded[offset..];
            let mut len = 0;
            let mut chars = rest.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if is_word_char(c) {
                    len = i + c.len_utf8();
                } else if c == '\'' && len == i && len > 0 {
                    let next = chars.peek().map(|&(_, n)| n);
                    if !(next.is_some_and(is_word_char) || rest[..i].ends_with('s')) {
                        break;
                    }
                    len = i + 1;
                } else {
                    break;
                }
            }
            if len == 0 {
                let c = rest.chars().next().unwrap();
                text.push(c);
                for k in 0..c.len_utf8() {
                    starts.push((offset + k) as u32);
                    ends.push((offset + k + 1) as u32);
                }
                offset += c.len_utf8();
                continue;
            }
            let word = &rest[..len];
            let stem = if len <= 2 {
                word.into()
            } else {
                stem_word(word)
            };
            text.push_str(&stem);
            for k in 0..stem.len() {
                starts.push((offset + k.min(len - 1)) as u32);
                let end = if k + 1 == stem.len() {
                    len
                } else {
                    (k + 1).min(len)
                };
                ends.push((offset + end) as u32);
            }
            offset += len;
        }
        (text, starts, ends)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn same_view_as_the_character_by_character_build(
            folded in "(s|a|e|y|ing|ed|ies|ation|ç|é|_|3|'|\u{2019}| |, |\\.|\n|\u{a0}|\u{3b1}){0,24}"
        ) {
            let stemmed = Stemmed::new(&folded);
            let (text, starts, ends) = reference(&folded);
            proptest::prop_assert_eq!(&stemmed.text, &text);
            proptest::prop_assert_eq!(&stemmed.starts, &starts);
            proptest::prop_assert_eq!(&stemmed.ends, &ends);
        }

        #[test]
        fn a_cached_stem_is_snowballs(
            word in "(a|e|s|y|ing|ed|ies|ation|experienc|organis|ç|é|3|')?(s|ed|ing|e|ation){0,3}"
        ) {
            // Twice: once as the cache fills, once from it.
            for _ in 0..2 {
                let cached = with_cached_stem(&word, str::to_owned);
                proptest::prop_assert_eq!(cached, stem_word(&word).into_owned());
            }
        }
    }
}
