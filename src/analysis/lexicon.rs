//! Fixed word lists the analysis needs: function words, negations, clause words, fillers
//! and hedges, the words that tell a spoken filler from a word doing its job, and the
//! number words and time units of quantities. Rubric vocabulary is never here; it belongs
//! to rubrics.

use crate::text::phrase::PhraseMatcher;
use std::sync::OnceLock;

/// Lower-cases an ASCII word into a small buffer; `None` for long or non-ASCII words, which
/// are in none of the lists below (curly apostrophes are straightened first).
fn ascii_key(word: &str, buf: &mut [u8; 16]) -> Option<usize> {
    let mut n = 0;
    for c in word.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if !c.is_ascii() || n == buf.len() {
            return None;
        }
        buf[n] = (c as u8).to_ascii_lowercase();
        n += 1;
    }
    Some(n)
}

/// Words that glue a sentence together. Prose has plenty; keyword salad has almost none.
/// "I" is left out here: it counts once per sentence (see `WordClass::first_person`), so that
/// strings like "I owned I decided I measured" do not pass for prose.
// A data table: one arm per word, exempt from the function-length limit.
#[allow(clippy::too_many_lines)]
fn is_function_word(key: &[u8]) -> bool {
    matches!(
        key,
        b"a" | b"an"
            | b"the"
            | b"and"
            | b"or"
            | b"but"
            | b"so"
            | b"if"
            | b"then"
            | b"than"
            | b"because"
            | b"that"
            | b"which"
            | b"who"
            | b"whom"
            | b"whose"
            | b"what"
            | b"when"
            | b"where"
            | b"while"
            | b"why"
            | b"how"
            | b"to"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"by"
            | b"for"
            | b"with"
            | b"from"
            | b"into"
            | b"onto"
            | b"about"
            | b"after"
            | b"before"
            | b"over"
            | b"under"
            | b"between"
            | b"through"
            | b"during"
            | b"until"
            | b"per"
            | b"up"
            | b"down"
            | b"against"
            | b"across"
            | b"within"
            | b"inside"
            | b"outside"
            | b"near"
            | b"around"
            | b"along"
            | b"among"
            | b"behind"
            | b"beyond"
            | b"toward"
            | b"towards"
            | b"via"
            | b"off"
            | b"out"
            | b"own"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"being"
            | b"am"
            | b"do"
            | b"does"
            | b"did"
            | b"have"
            | b"has"
            | b"had"
            | b"will"
            | b"would"
            | b"can"
            | b"could"
            | b"should"
            | b"may"
            | b"might"
            | b"must"
            | b"shall"
            | b"we"
            | b"you"
            | b"he"
            | b"she"
            | b"it"
            | b"they"
            | b"me"
            | b"us"
            | b"him"
            | b"her"
            | b"them"
            | b"my"
            | b"our"
            | b"your"
            | b"his"
            | b"its"
            | b"their"
            | b"this"
            | b"these"
            | b"those"
            | b"there"
            | b"here"
            | b"not"
            | b"no"
            | b"as"
            | b"also"
            | b"just"
            | b"very"
            | b"more"
            | b"most"
            | b"some"
            | b"any"
            | b"all"
            | b"each"
            | b"every"
            | b"i'm"
            | b"i'd"
            | b"i'll"
            | b"i've"
            | b"we'd"
            | b"we'll"
            | b"we're"
            | b"it's"
            | b"that's"
            | b"don't"
            | b"didn't"
            | b"doesn't"
            | b"isn't"
            | b"wasn't"
            | b"won't"
            | b"wouldn't"
            | b"can't"
            | b"let's"
            | b"there's"
            | b"they're"
    )
}

/// Words that negate what follows them in the same clause.
fn is_negation(key: &[u8]) -> bool {
    matches!(
        key,
        b"not"
            | b"no"
            | b"never"
            | b"without"
            | b"neither"
            | b"nor"
            | b"nothing"
            | b"none"
            | b"don't"
            | b"dont"
            | b"doesn't"
            | b"didn't"
            | b"won't"
            | b"wouldn't"
            | b"can't"
            | b"cannot"
            | b"couldn't"
            | b"shouldn't"
            | b"isn't"
            | b"aren't"
            | b"wasn't"
            | b"weren't"
            | b"haven't"
            | b"hasn't"
            | b"hadn't"
    )
}

/// Words after a negation that undo it: "not only", "no doubt", "not just".
fn cancels_negation(key: &[u8]) -> bool {
    matches!(key, b"only" | b"just" | b"doubt" | b"matter" | b"longer")
}

/// Words that start a new clause, ending a negation's reach.
fn is_clause_word(key: &[u8]) -> bool {
    matches!(
        key,
        b"but"
            | b"and"
            | b"so"
            | b"because"
            | b"which"
            | b"while"
            | b"although"
            | b"though"
            | b"instead"
            | b"whereas"
            | b"yet"
    )
}

/// What the analysis needs to know of one word, found with one lower-casing of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordClass {
    /// A function word ("the", "to", "we"): glue of a sentence.
    pub function: bool,
    /// A word that negates what follows it in its clause ("not", "never", "without").
    pub negation: bool,
    /// A word that undoes a negation right before it ("not only", "no doubt").
    pub cancels_negation: bool,
    /// A word that starts a new clause, ending a negation's reach ("but", "because").
    pub clause: bool,
    /// "I": a function word the first time in a sentence only.
    pub first_person: bool,
}

/// Classifies a word; long or non-ASCII words are in no list.
pub fn classify(word: &str) -> WordClass {
    let mut buf = [0u8; 16];
    let Some(n) = ascii_key(word, &mut buf) else {
        return WordClass::default();
    };
    let key = &buf[..n];
    WordClass {
        function: is_function_word(key),
        first_person: key == b"i",
        negation: is_negation(key),
        cancels_negation: cancels_negation(key),
        clause: is_clause_word(key),
    }
}

/// The fillers list of the lexicon [`matcher`]: a hit's `list` is this for a filler.
pub const FILLERS: usize = 0;
/// The hedges list of the lexicon [`matcher`]: a hit's `list` is this for a hedge.
pub const HEDGES: usize = 1;

const FILLER_PHRASES: &[&str] = &[
    "um",
    "umm",
    "uh",
    "uhh",
    "er",
    "erm",
    "ah",
    "like",
    "you know",
    "i mean",
    "basically",
    "actually",
    "literally",
    "sort of",
    "kind of",
];

const HEDGE_PHRASES: &[&str] = &[
    "maybe",
    "i guess",
    "i think",
    "probably",
    "perhaps",
    "possibly",
    "i believe",
    "i feel like",
    "i suppose",
    "hopefully",
    "somewhat",
    "might",
];

/// Words before a spoken "kind of" / "sort of" that make it a noun phrase ("what kind of
/// content", "the same sort of plan"), not a filler. `word` is compared ASCII-lower-cased.
pub fn is_kind_of_determiner(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "what"
            | "which"
            | "this"
            | "that"
            | "the"
            | "a"
            | "any"
            | "some"
            | "every"
            | "one"
            | "same"
            | "right"
            | "other"
            | "these"
            | "those"
            | "that's"
            | "what's"
    )
}

/// Words (or "" at a sentence start) after which a spoken, unpunctuated "like" is a filler:
/// hesitations and words that start a clause ("so like we", "um like"). `word` is compared
/// ASCII-lower-cased.
pub fn opens_spoken_like(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "" | "and"
            | "so"
            | "but"
            | "or"
            | "um"
            | "umm"
            | "uh"
            | "uhh"
            | "er"
            | "erm"
            | "like"
            | "was"
            | "were"
            | "basically"
            | "actually"
            | "yeah"
            | "okay"
            | "ok"
            | "then"
            | "because"
            | "cause"
            | "kinda"
            | "sorta"
            | "just"
    )
}

/// Number words a quantity may be written in ("ten percent", "a few weeks"), as regex
/// alternatives.
pub(crate) const NUMBER_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a few|several|half|a half|a third|a quarter|a couple of";

/// Units of time a duration may carry ("6 weeks", "7-day"), as regex alternatives.
pub(crate) const DURATION_UNITS: &str = r"ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|yrs?";

/// The fillers-and-hedges matcher, built once per process.
pub fn matcher() -> &'static PhraseMatcher {
    static MATCHER: OnceLock<PhraseMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| PhraseMatcher::exact([FILLER_PHRASES, HEDGE_PHRASES]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes() {
        assert!(classify("The").function);
        assert!(classify("don’t").function);
        assert!(!classify("retention").function);
        assert!(classify("Wouldn't").negation);
        assert!(!classify("note").negation);
        assert!(classify("but").clause);
    }

    #[test]
    fn spoken_filler_context_words() {
        assert!(is_kind_of_determiner("What"));
        assert!(!is_kind_of_determiner("um"));
        assert!(opens_spoken_like(""));
        assert!(opens_spoken_like("UM"));
        assert!(!opens_spoken_like("looks"));
    }
}
