//! Numbers and quantities: money, percentages, multipliers, durations and plain counts,
//! written in digits or as number words with a unit ("ten percent", "two weeks"); a change
//! said as a multiple ("refunds doubled", "cut in half", "twice as many") is a multiplier.
//! Calendar years are told apart from counts. The patterns are regexes here; the common
//! text is matched by their hand-built copy in `quantity_scan`, which needs no compiling.

use super::lexicon::{DURATION_UNITS, NUMBER_WORDS};
use super::quantity_scan;
use crate::text::span::Span;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    /// An amount of money: `$2M`, `5 euros`.
    Money,
    /// A share or change: `12.5%`, `ten percent`, `2 points`.
    Percent,
    /// A multiple: `3x`, `two-fold`.
    Multiplier,
    /// A span of time: `6 weeks`, `7-day`.
    Duration,
    /// A plain number: `40`, `1,200`.
    Count,
    /// A calendar year: four digits from 1900 to 2099.
    Year,
}

impl QuantityKind {
    /// Every kind, in the order messages list them.
    pub const ALL: [QuantityKind; 6] = [
        QuantityKind::Money,
        QuantityKind::Percent,
        QuantityKind::Multiplier,
        QuantityKind::Duration,
        QuantityKind::Count,
        QuantityKind::Year,
    ];

    /// The kind's name, as rubrics and reports spell it.
    pub fn name(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Multiplier => "multiplier",
            QuantityKind::Duration => "duration",
            QuantityKind::Count => "count",
            QuantityKind::Year => "year",
        }
    }

    /// The kind named `name` (as [`name`](Self::name) spells it), if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A number or quantity found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Quantity {
    /// What it measures.
    pub kind: QuantityKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds a match can have, in the order the pattern prefers them: at one position the
/// first kind that matches wins (a count is the fallback). A count may turn out a year.
const KINDS: [QuantityKind; 5] = [
    QuantityKind::Money,
    QuantityKind::Percent,
    QuantityKind::Multiplier,
    QuantityKind::Duration,
    QuantityKind::Count,
];

/// The pattern of each of [`KINDS`], with `boundary` for each word boundary and `flags`
/// in front. `quantity_scan` mirrors them node for node: change both together.
pub(super) fn sources(flags: &str, boundary: &str) -> [String; 5] {
    // Thousands separators only in groups of three, so "in 2019, after" stays a year.
    let num = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?";
    let scale = r"(?:\s?(?:k|m|mm|b|bn|million|billion|thousand|trillion)\b)";
    [
        format!(r"[$€£]\s?{num}{scale}?|{num}{scale}?\s?(?:dollars|usd|euros|eur|pounds)\b"),
        format!(
            r"{num}\s?(?:%|percent\b|per cent\b|pct\b|percentage points?\b|pp\b|basis points\b|bps\b)|\b(?:{NUMBER_WORDS})\s(?:percent|per cent|percentage points?)\b|(?:{num}|\b(?:{NUMBER_WORDS}))(?:\s|-)points?\b"
        ),
        format!(
            r"{num}\s?x\b|{num}\s(?:times|fold)\b|\b(?:two|three|four|five|ten)(?:\s|-)(?:fold|times)\b|\b(?:doubl|tripl|quadrupl|halv)(?:ed|ing)\b|\b(?:twice|half)\sas\b|\bin\shalf\b"
        ),
        format!(
            r"{num}(?:\s|-)?(?:{DURATION_UNITS})\b|\b(?:{NUMBER_WORDS})(?:\s|-)(?:{DURATION_UNITS})\b"
        ),
        format!(r"{num}{scale}?"),
    ]
    .map(|source| format!("{flags}(?:{})", source.replace(r"\b", boundary)))
}

pub(super) fn compile(sources: [String; 5]) -> [Regex; 5] {
    sources.map(|s| Regex::new(&s).expect("quantity pattern is valid"))
}

/// The patterns as written: case-insensitive, Unicode word boundaries. Slow (a lazy DFA
/// gives up at the first non-ASCII byte under Unicode word boundaries), so they serve
/// only the rare texts that `quantity_scan` cannot.
pub(super) fn unicode_patterns() -> &'static [Regex; 5] {
    static PATTERNS: OnceLock<[Regex; 5]> = OnceLock::new();
    PATTERNS.get_or_init(|| compile(sources("(?i)", r"\b")))
}

/// Non-ASCII characters that `(?i)` matches to the pattern's ASCII letters (KELVIN SIGN for
/// k, LONG S for s): `quantity_scan` ignores only ASCII case, so a text with one takes
/// [`unicode_patterns`].
const CASE_FOLDS_TO_ASCII: [char; 2] = ['\u{212A}', '\u{017F}'];

/// Every quantity in `text`, in order.
pub fn find(text: &str) -> Vec<Quantity> {
    // One byte search per character (memchr), not a decode of every character.
    if CASE_FOLDS_TO_ASCII.iter().any(|&c| text.contains(c)) {
        classify(text, regex_matches(unicode_patterns(), text))
    } else {
        classify(text, |from| quantity_scan::next(text, from))
    }
}

/// What one alternation of the kinds' patterns would find next at or after a position,
/// leftmost-first, without capture groups (resolving groups costs far more than the DFA
/// scan), as `(start, kind index, end)`: each kind keeps its next match at or after the
/// position reached; the earliest start wins, ties to the earlier kind. Positions asked
/// for never decrease.
pub(super) fn regex_matches<'a>(
    patterns: &'a [Regex; 5],
    haystack: &'a str,
) -> impl FnMut(usize) -> Option<(usize, usize, usize)> + 'a {
    // Per kind: its next match (start, end) at or after some earlier position, or None
    // when it has no more; unknown until first asked.
    let mut next: [Option<Option<(usize, usize)>>; 5] = [None; 5];
    move |position| {
        let mut best: Option<(usize, usize, usize)> = None;
        for (kind, pattern) in patterns.iter().enumerate() {
            let cached = next[kind].filter(|m| m.is_none_or(|(start, _)| start >= position));
            let candidate = cached.unwrap_or_else(|| {
                let m = pattern
                    .find_at(haystack, position)
                    .map(|m| (m.start(), m.end()));
                next[kind] = Some(m);
                m
            });
            if let Some((start, end)) = candidate
                && best.is_none_or(|(best_start, _, _)| start < best_start)
            {
                best = Some((start, kind, end));
            }
        }
        best
    }
}

/// The quantities of `text` from its pattern matches (`next` gives the match at or after a
/// position): labels dropped, counts told from years.
pub(super) fn classify(
    text: &str,
    mut next: impl FnMut(usize) -> Option<(usize, usize, usize)>,
) -> Vec<Quantity> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut position = 0;
    while let Some((start, kind, end)) = next(position) {
        position = end;
        // "Q3", "p95", "v2", "10pm": a number glued to letters is a label, not a quantity.
        let glued_before = start > 0 && bytes[start - 1].is_ascii_alphabetic();
        let glued_after = bytes.get(end).is_some_and(|b| b.is_ascii_alphabetic());
        let kind = match KINDS[kind] {
            QuantityKind::Count => {
                if glued_before || glued_after {
                    continue;
                }
                count_or_year(&text[start..end])
            }
            kind => kind,
        };
        if glued_before && kind != QuantityKind::Money {
            continue;
        }
        found.push(Quantity {
            kind,
            span: Span::new(start, end),
        });
    }
    found
}

/// A bare number: a year when it is four digits from 1900 to 2099, else a count.
fn count_or_year(digits: &str) -> QuantityKind {
    let is_year = digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"));
    if is_year {
        QuantityKind::Year
    } else {
        QuantityKind::Count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(QuantityKind, &str)> {
        find(text)
            .into_iter()
            .map(|q| (q.kind, q.span.text(text)))
            .collect()
    }

    #[test]
    fn recognises_each_kind() {
        use QuantityKind::*;
        assert_eq!(
            kinds(
                "We grew 12.5% in 6 weeks, a 3x lift worth $2M and $170,000; 40 titles since 2019, then 1,200."
            ),
            vec![
                (Percent, "12.5%"),
                (Duration, "6 weeks"),
                (Multiplier, "3x"),
                (Money, "$2M"),
                (Money, "$170,000"),
                (Count, "40"),
                (Year, "2019"),
                (Count, "1,200"),
            ]
        );
    }

    #[test]
    fn number_words_with_units_and_labels_skipped() {
        use QuantityKind::*;
        assert_eq!(
            kinds("About ten percent within two weeks, 7-day retention, in Q3 at p95 by 10pm."),
            vec![
                (Percent, "ten percent"),
                (Duration, "two weeks"),
                (Duration, "7-day")
            ]
        );
    }

    #[test]
    fn a_change_said_as_a_multiple_is_a_multiplier() {
        use QuantityKind::*;
        assert_eq!(
            kinds("Returns doubled, then halved; twice as many left, cut in half by May."),
            vec![
                (Multiplier, "doubled"),
                (Multiplier, "halved"),
                (Multiplier, "twice as"),
                (Multiplier, "in half"),
            ]
        );
        // A double room, a doubles match and half the team name no multiple of a change.
        assert_eq!(
            kinds("A double room, a doubles match, half the team."),
            vec![]
        );
    }
}

#[cfg(test)]
mod equivalence_tests {
    use super::*;

    /// The single-regex implementation these patterns replaced, kept as the reference.
    fn reference(text: &str) -> Vec<Quantity> {
        static PATTERN: OnceLock<Regex> = OnceLock::new();
        let pattern = PATTERN.get_or_init(|| {
            let num = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?";
            let scale = r"(?:\s?(?:k|m|mm|b|bn|million|billion|thousand|trillion)\b)";
            let source = format!(
                r"(?i)(?P<money>[$€£]\s?{num}{scale}?|{num}{scale}?\s?(?:dollars|usd|euros|eur|pounds)\b)|(?P<percent>{num}\s?(?:%|percent\b|per cent\b|pct\b|percentage points?\b|pp\b|basis points\b|bps\b)|\b(?:{NUMBER_WORDS})\s(?:percent|per cent|percentage points?)\b|(?:{num}|\b(?:{NUMBER_WORDS}))(?:\s|-)points?\b)|(?P<multiplier>{num}\s?x\b|{num}\s(?:times|fold)\b|\b(?:two|three|four|five|ten)(?:\s|-)(?:fold|times)\b|\b(?:doubl|tripl|quadrupl|halv)(?:ed|ing)\b|\b(?:twice|half)\sas\b|\bin\shalf\b)|(?P<duration>{num}(?:\s|-)?(?:{DURATION_UNITS})\b|\b(?:{NUMBER_WORDS})(?:\s|-)(?:{DURATION_UNITS})\b)|(?P<count>{num}{scale}?)"
            );
            Regex::new(&source).unwrap()
        });
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for caps in pattern.captures_iter(text) {
            let whole = caps.get(0).unwrap();
            let (start, end) = (whole.start(), whole.end());
            let glued_before = start > 0 && bytes[start - 1].is_ascii_alphabetic();
            let glued_after = bytes.get(end).is_some_and(|b| b.is_ascii_alphabetic());
            let kind = if caps.name("money").is_some() {
                QuantityKind::Money
            } else if caps.name("percent").is_some() {
                QuantityKind::Percent
            } else if caps.name("multiplier").is_some() {
                QuantityKind::Multiplier
            } else if caps.name("duration").is_some() {
                QuantityKind::Duration
            } else {
                if glued_before || glued_after {
                    continue;
                }
                count_or_year(whole.as_str())
            };
            if glued_before && kind != QuantityKind::Money {
                continue;
            }
            found.push(Quantity {
                kind,
                span: Span::new(start, end),
            });
        }
        found
    }

    #[test]
    fn finds_what_the_single_unicode_regex_found() {
        let texts = [
            "5é% and é5 % and über 5 weeks, naïve 10x or 5x é, 5 MSé, 5 Ms.",
            "€5 and £3M, 5\u{a0}% and TEN\u{a0}Percent; dix—5 days “12%” ‘3X’ 2 Times",
            "Ça coûte 5 euros, 5ms, 5 msé, année 2019é, 日本 20 weeks, 3 Bn USD",
            "٣ 5 days, 5\u{301} days, x\u{200d}5 hours, 7\u{2011}day, Zoë’s 40% ß5k",
            "3 million über-fans, 2 weeks—then 4x; 1,200 Mitglieder (12 %), a third point",
            "Q3 p95 v2 10pm 2019 1999 $2M 12.5% 6 weeks 40 titles two-fold ten-times 5-points",
            "a hundred percent, A Few weeks, several days, half a point, 1,23,456 and 12,345.6k",
        ];
        for text in texts {
            assert_eq!(find(text), reference(text), "{text}");
        }
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut checked = 0;
        for rubric in std::fs::read_dir(fixtures).unwrap() {
            for file in std::fs::read_dir(rubric.unwrap().path()).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                assert_eq!(find(&text), reference(&text));
                checked += 1;
            }
        }
        assert!(checked > 40);
    }

    #[test]
    fn kelvin_sign_and_long_s_take_the_unicode_patterns() {
        let text = "It grew 5\u{212A} in 3 \u{17F}econds, 5 weeks.";
        assert_eq!(find(text), reference(text));
        assert_eq!(find(text).len(), 3);
    }

    /// Lower-casing and masking are only sound if no other non-ASCII letter folds to an
    /// ASCII one.
    #[test]
    fn only_two_characters_fold_to_ascii_letters() {
        let ascii_letter = Regex::new("(?i)^[a-z]$").unwrap();
        let mut buf = [0u8; 4];
        let folding: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_alphabetic())
            .filter(|c| ascii_letter.is_match(c.encode_utf8(&mut buf)))
            .collect();
        assert_eq!(folding, vec!['\u{17F}', '\u{212A}']);
    }
}
