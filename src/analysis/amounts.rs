//! The values of numbers as written: money ("$172k", "185,000", "1.2 million", and in pay
//! talk a bare "172" meaning thousands), percentages and number words. Lets a rubric
//! compare two amounts (an offer and an ask) instead of only finding them.

/// Whether a plain number reads as money in pay talk: three digits or more ("185",
/// "1,200"), or with "thousand" or "k".
pub fn is_bare_amount(text: &str) -> bool {
    let ends_with = |suffix: &str| {
        text.len() >= suffix.len()
            && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    if ends_with("thousand") || ends_with("k") {
        return true;
    }
    let digits = text.bytes().filter(|&b| b != b',');
    text.bytes().all(|b| b.is_ascii_digit() || b == b',') && digits.count() >= 3
}

/// Scale words and suffixes after a number, with their factor.
const SCALES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("thousand", 1e3),
    ("m", 1e6),
    ("mm", 1e6),
    ("million", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("billion", 1e9),
];

/// The value of a money amount's text, in currency units. A number under 1,000 with no
/// scale is read as thousands, as people say pay ("the offer is 172"), so that "172" and
/// "$198k" compare.
pub fn money_value(text: &str) -> Option<f64> {
    let body = text.trim_start_matches(['$', '€', '£', ' ']);
    let end = body
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(body.len());
    let number: f64 = body[..end].replace(',', "").parse().ok()?;
    let rest = body[end..].trim_start();
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    let scale = SCALES
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|&(_, factor)| factor);
    Some(match scale {
        Some(factor) => number * factor,
        None if number < 1000.0 => number * 1e3,
        None => number,
    })
}

/// Number words with their values.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("eighteen", 18.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("sixty", 60.0),
    ("ninety", 90.0),
];

/// The value of a word that counts: digits ("3", "12", "1.5") or a number word ("three",
/// "twelve"); a hyphenated "7-day" arrives as its number.
pub fn number_value(word: &str) -> Option<f64> {
    let digits = word.split('-').next().unwrap_or(word);
    if digits.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return digits.replace(',', "").parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| word.eq_ignore_ascii_case(w))
        .map(|&(_, n)| n)
}

/// The value of a percentage's text: "11%", "12.5 percent", "ten percent".
pub fn percent_value(text: &str) -> Option<f64> {
    let first = text.split([' ', '%']).next()?;
    number_value(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_with_currency_separators_and_scales() {
        assert_eq!(money_value("$172k"), Some(172_000.0));
        assert_eq!(money_value("185,000"), Some(185_000.0));
        assert_eq!(money_value("$1.2 million"), Some(1_200_000.0));
        assert_eq!(money_value("205 thousand"), Some(205_000.0));
        assert_eq!(money_value("90,000 dollars"), Some(90_000.0));
    }

    #[test]
    fn a_bare_number_under_a_thousand_is_thousands() {
        assert_eq!(money_value("172"), Some(172_000.0));
        assert_eq!(money_value("$575"), Some(575_000.0));
        assert_eq!(money_value("pay"), None);
    }

    #[test]
    fn bare_amounts_are_three_digits_or_a_thousands_word() {
        assert!(is_bare_amount("185"));
        assert!(is_bare_amount("1,200"));
        assert!(is_bare_amount("20 thousand"));
        assert!(!is_bare_amount("3"));
        assert!(!is_bare_amount("12.5"));
    }

    #[test]
    fn percentages_in_digits_or_words() {
        assert_eq!(percent_value("11%"), Some(11.0));
        assert_eq!(percent_value("12.5 percent"), Some(12.5));
        assert_eq!(percent_value("ten percent"), Some(10.0));
        assert_eq!(percent_value("percent"), None);
    }
}
