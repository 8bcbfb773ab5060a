//! Shares said in words: "one in five", "nine out of ten", "a tenth of", "two thirds of",
//! "half the accounts". A plain speaker states a rate this way as often as with a percent
//! sign, so each is a [`QuantityKind::Percent`]. Found by a word scan of its own, beside the
//! digit patterns of `quantities` (whose regex and hand-built scan must stay alike).

use super::quantities::{Quantity, QuantityKind};
use crate::text::span::Span;
use std::borrow::Cow;

/// Fractions of a whole ("a fifth of"); "half" and "quarter" have their own rules.
const FRACTIONS: &[&str] = &[
    "third", "thirds", "fifth", "fifths", "sixth", "tenth", "tenths", "quarters",
];

/// Words before a bare fraction that make it an amount ("fell by about a tenth").
const AMOUNT_LEADS: &[&str] = &[
    "by", "about", "around", "roughly", "nearly", "almost", "over", "under", "only", "just",
];

/// A word of `text`: its lower-cased form and span.
struct Word<'a> {
    lower: Cow<'a, str>,
    span: Span,
}

/// The words of `text`, lower-cased; only a word with a capital is copied, so a scan of an
/// answer allocates for a few words, not for each. A word is a run of alphanumeric
/// characters, apostrophes and hyphens; ASCII is read byte by byte, and a character is
/// decoded only where a byte is not ASCII.
fn words(text: &str) -> Vec<Word<'_>> {
    let bytes = text.as_bytes();
    // About one word in six bytes of prose: the vector seldom grows.
    let mut out = Vec::with_capacity(bytes.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() && !ASCII_PART[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let start = i;
        let (mut ascii, mut upper) = (true, false);
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                if !ASCII_PART[usize::from(b)] {
                    break;
                }
                upper |= b.is_ascii_uppercase();
                i += 1;
            } else {
                let c = text[i..].chars().next().expect("i is at a character");
                if !c.is_alphanumeric() {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        if i == start {
            // A character that is not part of a word: step over it whole.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let word = &text[start..i];
        // On ASCII, `to_lowercase` is `to_ascii_lowercase`.
        let lower = if ascii && upper {
            Cow::Owned(word.to_ascii_lowercase())
        } else if !ascii && word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        out.push(Word {
            lower,
            span: Span::new(start, i),
        });
    }
    out
}

/// The ASCII bytes a word is made of: letters, digits, apostrophes and hyphens.
const ASCII_PART: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'\'' || c == b'-';
        b += 1;
    }
    table
};

/// A count a share can be told in ("one in five", "3 in 10"). A `match`, not a list
/// searched in turn: it is asked of every word of the answer.
fn is_count(word: &str) -> bool {
    let named = matches!(
        word,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "twenty"
            | "hundred"
            | "a"
            | "every"
    );
    named || (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
}

/// Words a share is of: a determiner or a plural-looking noun, not "a half-hour".
fn of_whole(next: Option<&Word>) -> bool {
    next.is_some_and(|w| matches!(w.lower.as_ref(), "of" | "the" | "our" | "their" | "all"))
}

/// How many words from `i` form a share, if one starts there.
fn share_at(words: &[Word], i: usize) -> Option<usize> {
    let word = |k: usize| words.get(i + k).map(|w| w.lower.as_ref());
    let first = word(0)?;
    // "one in five", "9 out of 10": a count, "in" or "out of", a count that is no article.
    let count = is_count(first);
    if count && first != "a" && first != "every" {
        let (link, rest) = match (word(1), word(2)) {
            (Some("in"), _) => (1, 2),
            (Some("out"), Some("of")) => (2, 3),
            _ => (0, 0),
        };
        if link > 0 && word(rest).is_some_and(|w| is_count(w) && w != "a" && w != "one") {
            return Some(rest + 1);
        }
    }
    // "a fifth of", "two thirds of", "about a tenth".
    let fraction = |k: usize| word(k).is_some_and(|w| FRACTIONS.contains(&w) || w == "quarter");
    if count && fraction(1) {
        let led = i > 0 && AMOUNT_LEADS.contains(&words[i - 1].lower.as_ref());
        // "a quarter" alone is three months: only "a quarter of" is a share.
        let bare_ok = word(1) != Some("quarter") && led;
        if of_whole(words.get(i + 2)) || bare_ok {
            return Some(2);
        }
    }
    // "half of them", "half the accounts"; "in half" and "half as" are multiples already.
    if first == "half" && of_whole(words.get(i + 1)) && (i == 0 || words[i - 1].lower != "in") {
        return Some(1);
    }
    None
}

/// Every share said in words in `text`, in order.
pub fn find(text: &str) -> Vec<Quantity> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match share_at(&words, i) {
            Some(len) => {
                found.push(Quantity {
                    kind: QuantityKind::Percent,
                    span: Span::new(words[i].span.start, words[i + len - 1].span.end),
                });
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

/// `digits` and `shares` merged in text order; a share overlapping a quantity already
/// found is dropped ("half a point" stays the points).
pub fn merge(digits: Vec<Quantity>, shares: Vec<Quantity>) -> Vec<Quantity> {
    let mut all = digits;
    for share in shares {
        let overlaps = all
            .iter()
            .any(|q| q.span.start < share.span.end && share.span.start < q.span.end);
        if !overlaps {
            all.push(share);
        }
    }
    all.sort_by_key(|q| q.span.start);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words character by character, as they were found before the byte scan.
    fn char_words(text: &str) -> Vec<(String, Span)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let part = c.is_alphanumeric() || c == '\'' || c == '-';
            match (start, part) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let word = &text[s..i];
                    let lower = if word.chars().any(char::is_uppercase) {
                        word.to_lowercase()
                    } else {
                        word.to_owned()
                    };
                    out.push((lower, Span::new(s, i)));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn byte_words_are_the_char_words(text in "[aZk9 '’.,-]{0,12}|[aAzZ9 '.,é\u{c9}\u{3a3}\u{130}\u{212a}\u{a0}\u{2019}\u{1f600}\u{301}-]{0,30}") {
            let fast: Vec<(String, Span)> = words(&text)
                .into_iter()
                .map(|w| (w.lower.into_owned(), w.span))
                .collect();
            proptest::prop_assert_eq!(fast, char_words(&text));
        }
    }

    fn shares(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|q| q.span.text(text)).collect()
    }

    #[test]
    fn a_share_in_words_is_found() {
        assert_eq!(
            shares("About one in five come back; nine out of ten stay, 3 in 10 leave."),
            ["one in five", "nine out of ten", "3 in 10"]
        );
        assert_eq!(
            shares(
                "A fifth of them cancelled, two thirds of the rest stayed; it fell by about a tenth."
            ),
            ["A fifth", "two thirds", "a tenth"]
        );
        assert_eq!(
            shares("Half the accounts see it and half of them click."),
            ["Half", "half"]
        );
    }

    #[test]
    fn words_that_only_look_like_a_share_are_not() {
        // A quarter of the year is time said another way, but "this quarter" is a date.
        assert!(shares("We ship this quarter, in a third market, with one of us.").is_empty());
        assert!(shares("Cut it in half; one in the morning; a half-hour call.").is_empty());
        assert_eq!(shares("a quarter of members"), ["a quarter"]);
    }

    #[test]
    fn merge_keeps_text_order_and_drops_overlaps() {
        let text = "half a point, then one in five";
        let digits = vec![Quantity {
            kind: QuantityKind::Percent,
            span: Span::new(0, 12),
        }];
        let merged = merge(digits, find(text));
        let spans: Vec<&str> = merged.iter().map(|q| q.span.text(text)).collect();
        assert_eq!(spans, ["half a point", "one in five"]);
    }
}
