//! The Snowball English stem of one word, with the project's overrides. Self-contained
//! (std and rust-stemmers only): build.rs includes this file to stem the built-in rubrics'
//! words ahead of time, so the table it writes is what this function returns.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Words whose Snowball stem collides with an unrelated word's, by the start they share,
/// and the stem they get instead: Snowball takes "experience" and "experiment" both to
/// "experi", "organization" to "organ".
const OVERRIDES: &[(&str, &str)] = &[
    ("experienc", "experienc"),
    ("organiz", "organiz"),
    ("organis", "organiz"),
];

/// The Snowball English stem of one folded (lower-case) word. Words of two letters or
/// fewer and words with a digit are their own stems (Snowball leaves the short ones alone,
/// and "3rd" or "q3" are not English words); [`OVERRIDES`] come before Snowball.
pub fn stem_word(word: &str) -> std::borrow::Cow<'_, str> {
    if word.len() <= 2 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.into();
    }
    if let Some((_, stem)) = OVERRIDES.iter().find(|(start, _)| word.starts_with(start)) {
        return (*stem).into();
    }
    stemmer().stem(word)
}
