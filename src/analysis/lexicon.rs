//! Fixed word lists the analysis needs: function words, negations, clause words, fillers
//! and hedges, the words that tell a spoken filler from a word doing its job, the stance
//! cues (rejection frames and scopes, status-quo markers, change verbs), and the number
//! words and time units of quantities. Rubric vocabulary is never here; it belongs
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

/// Rejection frames of the stance [`matcher`] list: what follows them in the clause is
/// what the speaker declines to do.
pub const FRAMES: usize = 2;
/// Frames that reject only at a clause start, as an imperative ("Never bluff", "Don't
/// lowball"); elsewhere they are plain negations ("they never come back").
pub const INITIAL_FRAMES: usize = 3;
/// Words that make a heading or lead-in a list of what not to do ("Pitfalls", "Don'ts").
pub const SCOPE_CUES: usize = 4;
/// Markers of the status quo as it was or as found ("used to", "the old", "previously").
pub const STATUS_QUO: usize = 5;
/// Auxiliaries that, before a participle, describe a past state ("was buried", "had hidden").
pub const PAST_AUXILIARIES: usize = 6;
/// First-person subjects of a change ("I", "we", "my team").
pub const FIRST_PERSON: usize = 7;
/// Verbs of changing something ("moved", "removed", "made it").
pub const CHANGE_VERBS: usize = 8;
/// Contrasts: what follows them in the clause is the alternative a choice is made against
/// ("serve the cached page instead of a spinner").
pub const CONTRASTS: usize = 9;
/// Verbs of feeling: the word after them is how someone takes something ("they feel
/// tricked"), a consequence the answer names, not the candidate's move.
pub const FEELINGS: usize = 10;
/// Verdicts: a predicate that rejects the subject before it in its clause ("starting with
/// a bluff isn't how I'd want to begin", "hiding the fee would be a mistake").
pub const VERDICTS: usize = 11;

// Stance cues, `|`-separated to keep the lists compact; general English, never rubric words.
const CONTRAST_CUES: &str = "instead of|rather than|in place of";
const FEELING_WORDS: &str = "feel|feels|felt|feeling";
const VERDICT_CUES: &str = "isn't how i|is not how i|isn't how we|is not how we|isn't how i'd|isn't how we'd|isn't what i|is not what i|isn't what we|is not what we|isn't something i|is not something i|isn't something we|is not something we|isn't the way|is not the way|isn't my style|is not my style|isn't an option|is not an option|is off the table|is a mistake|would be a mistake|is a bad idea|would be a bad idea|is the wrong move|would be the wrong move";
const FRAME_CUES: &str = "the mistake is|the mistake would be|a mistake would be|the trap is|i wouldn't|i would not|i'd not|i won't|i will not|i'd never|i would never|i will never|we wouldn't|we would not|we won't|we will not|we'd never|we would never|i'd avoid|i would avoid|we'd avoid|we would avoid|i'd steer clear of|steer clear of|stay away from|resist the urge to|refuse to|i'd refuse to|i don't want to|we don't want to|i'm not going to|we're not going to|i am not going to|we shouldn't|we should not|we should never|we should avoid|you shouldn't|you should never|you should avoid";
const INITIAL_FRAME_CUES: &str = "never|don't|dont|do not|avoid|no need to";
const SCOPE_CUE_WORDS: &str = "pitfall*|anti-pattern*|antipattern*|don'ts|donts|dont's|what not to do|not to do|things to avoid|mistakes to avoid|what to avoid|to avoid|i'd avoid|i would avoid|i wouldn't do|i would not do|i'd not do|i won't do|i will not do|we wouldn't do|we would not do";
const STATUS_QUO_CUES: &str = "used to|previously|originally|at the time|back then|the old|the existing|the original|the previous|the legacy|as it was|currently|the current|when i joined|when i arrived|i found that|we found that|i noticed that|we noticed that|it turned out";
const PAST_AUXILIARY_WORDS: &str = "was|were|had|had been";
const FIRST_PERSON_WORDS: &str = "i|we|i'd|we'd|i'll|we'll|i've|we've|my team|our team";
const CHANGE_VERB_WORDS: &str = "move|moved|moving|remove|removed|removing|replace|replaced|replacing|fix|fixed|fixing|change|changed|changing|made it|make it|making it|propose|proposed|proposing|redesign|redesigned|redesigning|rework|reworked|rewrite|rewrote|rebuilt|rebuild|simplify|simplified|restore|restored|swap|swapped|switch|switched|surface|surfaced|unbury|unburied|shorten|shortened|cut|cutting|drop|dropped|kill|killed|got rid of|get rid of|revert|reverted|rolled back|roll back|undo|undid|merge|merged|pushed to|pushed for|argued for";

/// The lexicon matcher: fillers, hedges and the stance cues, one automaton run once per
/// document; a hit's `list` says which (see [`FILLERS`] … [`FEELINGS`]).
pub fn matcher() -> &'static PhraseMatcher {
    static MATCHER: OnceLock<PhraseMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let cues = [
            FRAME_CUES,
            INITIAL_FRAME_CUES,
            SCOPE_CUE_WORDS,
            STATUS_QUO_CUES,
            PAST_AUXILIARY_WORDS,
            FIRST_PERSON_WORDS,
            CHANGE_VERB_WORDS,
            CONTRAST_CUES,
            FEELING_WORDS,
            VERDICT_CUES,
        ];
        let lists = [FILLER_PHRASES.to_vec(), HEDGE_PHRASES.to_vec()]
            .into_iter()
            .chain(cues.iter().map(|c| c.split('|').collect()));
        PhraseMatcher::exact(lists)
    })
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
