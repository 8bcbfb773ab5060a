//! Numbers and quantities in one regex pass over the text: money, percentages,
//! multipliers, durations and plain counts, written in digits or as number words with a
//! unit ("ten percent", "two weeks"). Calendar years are told apart from counts.

use crate::span::Span;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    Money,
    Percent,
    Multiplier,
    Duration,
    Count,
    Year,
}

impl QuantityKind {
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

    pub fn from_name(name: &str) -> Option<Self> {
        [
            QuantityKind::Money,
            QuantityKind::Percent,
            QuantityKind::Multiplier,
            QuantityKind::Duration,
            QuantityKind::Count,
            QuantityKind::Year,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Quantity {
    pub kind: QuantityKind,
    pub span: Span,
}

const NUMBER_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a few|several|half|a half|a third|a quarter|a couple of";
const DURATION_UNITS: &str = r"ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|yrs?";

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        // Thousands separators only in groups of three, so "in 2019, after" stays a year.
        let num = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?";
        let scale = r"(?:\s?(?:k|m|mm|b|bn|million|billion|thousand|trillion)\b)";
        let source = format!(
            r"(?i)(?P<money>[$€£]\s?{num}{scale}?|{num}{scale}?\s?(?:dollars|usd|euros|eur|pounds)\b)|(?P<percent>{num}\s?(?:%|percent\b|per cent\b|pct\b|percentage points?\b|pp\b|basis points\b|bps\b)|\b(?:{NUMBER_WORDS})\s(?:percent|per cent|percentage points?)\b|(?:{num}|\b(?:{NUMBER_WORDS}))(?:\s|-)points?\b)|(?P<multiplier>{num}\s?x\b|{num}\s(?:times|fold)\b|\b(?:two|three|four|five|ten)(?:\s|-)(?:fold|times)\b)|(?P<duration>{num}(?:\s|-)?(?:{DURATION_UNITS})\b|\b(?:{NUMBER_WORDS})(?:\s|-)(?:{DURATION_UNITS})\b)|(?P<count>{num}{scale}?)"
        );
        Regex::new(&source).expect("quantity pattern is valid")
    })
}

/// Every quantity in `text`, in order.
pub fn find(text: &str) -> Vec<Quantity> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for caps in pattern().captures_iter(text) {
        let whole = caps.get(0).expect("group 0 always matches");
        let (start, end) = (whole.start(), whole.end());
        // "Q3", "p95", "v2", "10pm": a number glued to letters is a label, not a quantity.
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
            let digits = whole.as_str();
            let is_year = digits.len() == 4
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits.starts_with("19") || digits.starts_with("20"));
            if is_year {
                QuantityKind::Year
            } else {
                QuantityKind::Count
            }
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
}
