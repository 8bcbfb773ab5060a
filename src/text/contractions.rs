//! Contractions and their long forms: the spellings of a phrase with "I'd" said as "I
//! would" and "do not" as "don't", so that a rubric entry matches however the answer
//! writes it. People who write formally, and transcribers, spell out what others contract.

use std::sync::OnceLock;

/// Contracted forms and what they stand for, each long form a sequence of words. "I'd" is
/// read as "I would" only and "it's" as "it is": "I'd put it first" is a plan, and a
/// rubric entry "I had" (a story) must not take it for one; an entry that means "I had"
/// lists "I'd" itself.
const PAIRS: &[(&str, &str)] = &[
    ("don't", "do not"),
    ("doesn't", "does not"),
    ("didn't", "did not"),
    ("isn't", "is not"),
    ("aren't", "are not"),
    ("wasn't", "was not"),
    ("weren't", "were not"),
    ("haven't", "have not"),
    ("hasn't", "has not"),
    ("hadn't", "had not"),
    ("wouldn't", "would not"),
    ("shouldn't", "should not"),
    ("couldn't", "could not"),
    ("mustn't", "must not"),
    ("won't", "will not"),
    ("can't", "cannot"),
    ("can't", "can not"),
    ("i'm", "i am"),
    ("i'd", "i would"),
    ("i'll", "i will"),
    ("i've", "i have"),
    ("we'd", "we would"),
    ("we'll", "we will"),
    ("we've", "we have"),
    ("we're", "we are"),
    ("you'd", "you would"),
    ("you'll", "you will"),
    ("you've", "you have"),
    ("you're", "you are"),
    ("they'd", "they would"),
    ("they'll", "they will"),
    ("they've", "they have"),
    ("they're", "they are"),
    ("he'd", "he would"),
    ("he'll", "he will"),
    ("he's", "he is"),
    ("she'd", "she would"),
    ("she'll", "she will"),
    ("she's", "she is"),
    ("it'd", "it would"),
    ("it'll", "it will"),
    ("it's", "it is"),
    ("that's", "that is"),
    ("what's", "what is"),
    ("there's", "there is"),
    ("here's", "here is"),
    ("who's", "who is"),
    ("let's", "let us"),
];

/// The most spellings one phrase gets: a phrase with many contractions would otherwise
/// multiply them; the first few cover what answers write.
const MAX_SPELLINGS: usize = 16;

/// Every spelling of `phrase` with its contractions said in full or its long forms
/// contracted, the phrase itself first. Words are compared in lower case, with curly
/// apostrophes straight; a phrase without either comes back alone.
pub fn spellings(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_owned()];
    // Most entries hold neither an apostrophe nor a word that ends a long form ("not",
    // "would", "is", "cannot"): one look, with nothing built.
    if !may_have_spellings(phrase) {
        return out;
    }
    let words: Vec<String> = phrase.split_whitespace().map(lower).collect();
    let own = words.join(" ");
    let mut current = Vec::new();
    spell(&words, &own, 0, &mut current, &mut out);
    out
}

/// Whether `phrase` holds a contraction (an apostrophe) or a word a long form ends with.
fn may_have_spellings(phrase: &str) -> bool {
    static LAST_WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let last_words =
        LAST_WORDS.get_or_init(|| sorted(pairs().iter().filter_map(|(_, _, l)| l.last().copied())));
    phrase.contains(['\'', '\u{2019}'])
        || phrase
            .split_whitespace()
            .any(|word| last_words.iter().any(|l| l.eq_ignore_ascii_case(word)))
}

/// A word in lower case with curly apostrophes straight, as the table writes it.
fn lower(word: &str) -> String {
    word.to_lowercase().replace('\u{2019}', "'")
}

/// Whether a word is a contraction of the table or the first word of a long form.
fn in_table(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words =
        WORDS.get_or_init(|| sorted(pairs().iter().flat_map(|(short, _, l)| [*short, l[0]])));
    words.binary_search(&word).is_ok()
}

/// The words, sorted, each once.
fn sorted(words: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    let mut words: Vec<&str> = words.collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Extends `current` (the spelling of `words[..at]`) in every way from `at`, adding each
/// complete spelling that differs from the phrase's own (`own`) to `out`.
fn spell<'a>(
    words: &'a [String],
    own: &str,
    at: usize,
    current: &mut Vec<&'a str>,
    out: &mut Vec<String>,
) {
    if out.len() >= MAX_SPELLINGS {
        return;
    }
    if at == words.len() {
        let spelled = current.join(" ");
        if spelled != own && !out.contains(&spelled) {
            out.push(spelled);
        }
        return;
    }
    let mut step = |current: &mut Vec<&'a str>, form: &'a str, next: usize| {
        current.push(form);
        spell(words, own, next, current, out);
        current.pop();
    };
    step(current, &words[at], at + 1);
    if !in_table(&words[at]) {
        return;
    }
    for (short, long, long_words) in pairs() {
        if words[at] == *short {
            step(current, long, at + 1);
        }
        let end = at + long_words.len();
        if words
            .get(at..end)
            .is_some_and(|here| here == long_words.as_slice())
        {
            step(current, short, end);
        }
    }
}

/// [`PAIRS`] with each long form's words, split once.
fn pairs() -> &'static [(&'static str, &'static str, Vec<&'static str>)] {
    static SPLIT: OnceLock<Vec<(&str, &str, Vec<&str>)>> = OnceLock::new();
    SPLIT.get_or_init(|| {
        PAIRS
            .iter()
            .map(|&(short, long)| (short, long, long.split(' ').collect()))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::spellings;

    #[test]
    fn a_contraction_is_also_said_in_full() {
        assert_eq!(spellings("i'd limit"), ["i'd limit", "i would limit"]);
        assert_eq!(spellings("don't hurt"), ["don't hurt", "do not hurt"]);
    }

    #[test]
    fn a_long_form_is_also_contracted() {
        assert_eq!(
            spellings("i would propose"),
            ["i would propose", "i'd propose"]
        );
        assert_eq!(
            spellings("who it is for"),
            ["who it is for", "who it's for"]
        );
        assert_eq!(spellings("i had not"), ["i had not", "i hadn't"]);
    }

    #[test]
    fn curly_apostrophes_and_capitals_are_read_as_straight_and_lower() {
        assert!(spellings("I\u{2019}d ask").contains(&"i would ask".to_owned()));
    }

    #[test]
    fn a_phrase_without_contractions_stays_alone() {
        assert_eq!(spellings("the goal"), ["the goal"]);
        assert_eq!(spellings("churn*"), ["churn*"]);
    }
}
