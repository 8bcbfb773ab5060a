//! Stretches of time a sentence names, in days: "three months", "a season", "this week",
//! "month four", "right now", "short-term". Read from the words themselves, so that a
//! horizon said in plain words ("follow both for three months, not three days") is seen
//! whatever phrase lists a rubric holds.

use super::amounts::number_value as amount;
use crate::text::span::Span;

/// A stretch of time named in a text: where, and how long, in days (0 for "now").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeSpan {
    /// The words that name it.
    pub span: Span,
    /// How long it is, or how far ahead it reaches, in days.
    pub days: f64,
}

/// Units of time a horizon is counted in, with their length in days. Hours and minutes are
/// left out: they time a task, not a horizon.
const UNITS: &[(&str, f64)] = &[
    ("day", 1.0),
    ("days", 1.0),
    ("night", 1.0),
    ("nights", 1.0),
    ("evening", 1.0),
    ("evenings", 1.0),
    ("week", 7.0),
    ("weeks", 7.0),
    ("fortnight", 14.0),
    ("fortnights", 14.0),
    ("month", 30.0),
    ("months", 30.0),
    ("quarter", 91.0),
    ("quarters", 91.0),
    ("season", 91.0),
    ("seasons", 91.0),
    ("year", 365.0),
    ("years", 365.0),
];

/// Words before a unit that make it one of it ("a week", "this quarter", "next year").
const ONE_OF: &[&str] = &["a", "an", "one", "this", "that", "next", "first", "single"];

/// Words that name a moment or a horizon on their own.
const ALONE: &[(&str, f64)] = &[
    ("today", 0.0),
    ("tonight", 0.0),
    ("immediately", 0.0),
    ("overnight", 1.0),
    ("short-term", 0.0),
    ("long-term", 365.0),
];

/// Two-word names of a horizon ("short term", "long run").
const PAIRS: &[(&str, &str, f64)] = &[
    ("right", "now", 0.0),
    ("short", "term", 0.0),
    ("short", "run", 0.0),
    ("near", "term", 0.0),
    ("long", "term", 365.0),
    ("long", "run", 365.0),
];

/// Every stretch of time the words of one sentence name, in order. `words` are spans of
/// `text`, as the analysis splits them.
pub fn time_spans(text: &str, words: &[Span]) -> Vec<TimeSpan> {
    let word = |i: usize| words.get(i).and_then(|w| text.get(w.start..w.end));
    let is = |i: usize, want: &str| word(i).is_some_and(|w| w.eq_ignore_ascii_case(want));
    let mut found = Vec::new();
    for i in 0..words.len() {
        let Some(current) = word(i) else { continue };
        if let Some(&(_, days)) = ALONE.iter().find(|(w, _)| current.eq_ignore_ascii_case(w)) {
            found.push(TimeSpan {
                span: words[i],
                days,
            });
            continue;
        }
        if let Some(&(_, _, days)) = PAIRS
            .iter()
            .find(|(first, second, _)| current.eq_ignore_ascii_case(first) && is(i + 1, second))
        {
            found.push(TimeSpan {
                span: Span::new(words[i].start, words[i + 1].end),
                days,
            });
            continue;
        }
        let Some(&(_, unit)) = UNITS.iter().find(|(u, _)| current.eq_ignore_ascii_case(u)) else {
            continue;
        };
        // "month four", "week 2": a place in a count from the start.
        if let Some(n) = word(i + 1).and_then(amount) {
            found.push(TimeSpan {
                span: Span::new(words[i].start, words[i + 1].end),
                days: n * unit,
            });
            continue;
        }
        let before = i.checked_sub(1).and_then(word);
        let count = match before {
            Some(w) if ONE_OF.iter().any(|o| w.eq_ignore_ascii_case(o)) => Some(1.0),
            Some(w) if w.eq_ignore_ascii_case("few") || w.eq_ignore_ascii_case("several") => {
                Some(3.0)
            }
            Some(w) if w.eq_ignore_ascii_case("couple") => Some(2.0),
            // "a couple of weeks"
            Some(w) if w.eq_ignore_ascii_case("of") && is(i.wrapping_sub(2), "couple") => Some(2.0),
            Some(w) => amount(w).or_else(|| ordinal(w)),
            None => None,
        };
        if let Some(n) = count {
            let start = if i > 0 {
                words[i - 1].start
            } else {
                words[i].start
            };
            found.push(TimeSpan {
                span: Span::new(start, words[i].end),
                days: n * unit,
            });
        }
    }
    found
}

/// Ordinals that count a place from the start: "the third month" reaches 90 days.
const ORDINALS: &[(&str, f64)] = &[
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
];

/// The place an ordinal names: a word ("third") or digits with a suffix ("3rd", "12th").
fn ordinal(word: &str) -> Option<f64> {
    let split = word.len().checked_sub(2)?;
    let (digits, suffix) = (word.get(..split)?, word.get(split..)?);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let suffixed = ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s));
        return suffixed.then(|| digits.parse().ok()).flatten();
    }
    ORDINALS
        .iter()
        .find(|(w, _)| word.eq_ignore_ascii_case(w))
        .map(|&(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> Vec<f64> {
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            let inside = c.is_alphanumeric() || c == '-' || c == '.' && start.is_some();
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push(Span::new(s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push(Span::new(s, text.len()));
        }
        time_spans(text, &words).iter().map(|t| t.days).collect()
    }

    #[test]
    fn counts_units_with_numbers_in_digits_or_words() {
        assert_eq!(
            days("follow both for three months, not three days"),
            [90.0, 3.0]
        );
        assert_eq!(days("we ran it for 6 weeks"), [42.0]);
        assert_eq!(days("over a season and a couple of weeks"), [91.0, 14.0]);
        assert_eq!(days("a few months later"), [90.0]);
    }

    #[test]
    fn ordinals_count_a_place_from_the_start() {
        assert_eq!(days("by the third month they cancel"), [90.0]);
        assert_eq!(days("in the 4th week and the 12th month"), [28.0, 360.0]);
        assert_eq!(days("the second time we ran it"), Vec::<f64>::new());
    }

    #[test]
    fn a_place_in_a_count_and_words_alone() {
        assert_eq!(days("a member who leaves in month four"), [120.0]);
        assert_eq!(days("it looks great right now"), [0.0]);
        assert_eq!(
            days("Short-term it rose; in the long run it fell"),
            [0.0, 365.0]
        );
    }

    #[test]
    fn hours_and_bare_units_are_not_horizons() {
        assert_eq!(days("it took two hours to build"), Vec::<f64>::new());
        assert_eq!(days("every evening people argue"), Vec::<f64>::new());
        assert_eq!(days("months of work"), Vec::<f64>::new());
    }
}
