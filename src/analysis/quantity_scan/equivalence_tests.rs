//! The scanner held to the regexes it replaced and to the patterns as written, on the
//! fixtures, the generated corpus and proptest text.

use super::super::quantities::{
    Quantity, classify, compile, find, regex_matches, sources, unicode_patterns,
};
use super::next;
use regex::Regex;
use std::sync::OnceLock;

fn scanned(text: &str) -> usize {
    classify(text, |from| next(text, from)).len()
}

/// The regexes as the scanner replaced them: lower-case literals and ASCII word
/// boundaries over a copy of the text with ASCII letters lower-cased and each non-ASCII
/// word character's bytes masked by `_`.
fn fast_regexes(text: &str) -> Vec<Quantity> {
    static PATTERNS: OnceLock<[Regex; 5]> = OnceLock::new();
    static NON_ASCII_WORD: OnceLock<Regex> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| compile(sources("", r"(?-u:\b)")));
    let runs = NON_ASCII_WORD.get_or_init(|| Regex::new(r"[\w&&[^\x00-\x7F]]+").unwrap());
    let mut bytes = text.as_bytes().to_ascii_lowercase();
    for run in runs.find_iter(text) {
        bytes[run.range()].fill(b'_');
    }
    let prepared = String::from_utf8(bytes).unwrap();
    classify(text, regex_matches(patterns, &prepared))
}

/// The scanner and the regexes it replaced agree, and what `find` returns (the scanner, or
/// the patterns as written for a text with a character that case-folds to ASCII, such as
/// KELVIN SIGN) agrees with the patterns as written.
fn assert_all_agree(text: &str) {
    let scanned = classify(text, |from| next(text, from));
    assert_eq!(scanned, fast_regexes(text), "{text:?}");
    assert_eq!(
        find(text),
        classify(text, regex_matches(unicode_patterns(), text)),
        "{text:?}"
    );
}

#[test]
fn the_scanner_finds_what_the_regexes_found_in_fixtures_and_the_corpus() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut found = 0;
    for rubric in std::fs::read_dir(fixtures).unwrap() {
        for file in std::fs::read_dir(rubric.unwrap().path()).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            assert_all_agree(&text);
            found += scanned(&text);
        }
    }
    for answer in crate::analysis::sentence_breaks::corpus::generate(300, 1) {
        assert_all_agree(&answer.text);
        found += scanned(&answer.text);
    }
    assert!(found > 1000, "{found}");
}

/// Pieces that the patterns hinge on: digits, separators, units, number words, case,
/// spaces of several kinds, non-ASCII word characters and punctuation.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "9",
    "12",
    "2019",
    "1,234",
    ",",
    ",12",
    ".",
    ".5",
    " ",
    "  ",
    "\u{a0}",
    "\u{2009}",
    "\u{212a}",
    "\n",
    "-",
    "%",
    "$",
    "€",
    "£",
    "x",
    "X",
    "k",
    "K",
    "m",
    "mm",
    "MM",
    "b",
    "bn",
    "million",
    "Billion",
    "thousand",
    "trillion",
    "dollars",
    "USD",
    "euros",
    "eur",
    "pounds",
    "percent",
    "per cent",
    "pct",
    "percentage point",
    "percentage points",
    "pp",
    "basis points",
    "bps",
    "point",
    "points",
    "times",
    "fold",
    "doubled",
    "Tripling",
    "halved",
    "doubl",
    "twice",
    "as",
    "in",
    "quadrupled",
    "two",
    "Ten",
    "three",
    "a hundred",
    "hundred",
    "a few",
    "several",
    "half",
    "a half",
    "a third",
    "a couple of",
    "ms",
    "millisecond",
    "seconds",
    "sec",
    "mins",
    "hours",
    "hrs",
    "day",
    "Weeks",
    "month",
    "quarters",
    "years",
    "yr",
    "é",
    "ü",
    "日",
    "_",
    "q",
    "p",
    "v",
    "a",
    "s",
    "\u{301}",
    "\u{200d}",
    "٣",
    "’",
    "“",
    "—",
    "!",
    "(",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    #[test]
    fn the_scanner_finds_what_the_regexes_found_in_built_text(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..16)
    ) {
        assert_all_agree(&pieces.concat());
    }

    #[test]
    fn the_scanner_finds_what_the_regexes_found_in_any_text(text in "\\PC{0,40}") {
        assert_all_agree(&text);
    }
}
