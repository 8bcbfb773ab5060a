//! The subject-close view of a folded text, with a byte map back to the folded text: up to
//! two adverbs or spoken fillers right after a personal pronoun taken out ("i then decided",
//! "we also ran", "she, um, told me" read as "i decided", "we ran", "she told me"); the
//! clause's subject put before a second past verb joined to the first ("i asked her and
//! said" reads "... and i said"); and spoken fillers between any two words taken out
//! ("told me, um, that"). Phrases are matched on both views, so that a word between the
//! subject and its verb does not hide the action. Negations and words that weaken the
//! verb ("never", "barely", "almost") are never taken out.

use crate::text::span::Span;
use crate::text::stem::{Stemmed, is_word_byte, is_word_char};
use std::sync::OnceLock;

/// Subjects a verb phrase starts with (folded forms).
const SUBJECTS: &[&str] = &[
    "i", "i'd", "i've", "we", "we'd", "we've", "he", "he'd", "she", "she'd", "they", "they'd",
];

/// Adverbs and fillers that often sit between a subject and its verb without changing what
/// the verb says. Words ending in "-ly" are adverbs too, except [`NOT_ADVERBS`].
const FILLERS: &[&str] = &[
    "then",
    "also",
    "just",
    "first",
    "instead",
    "still",
    "even",
    "already",
    "again",
    "soon",
    "later",
    "always",
    "often",
    "sometimes",
    "once",
    "together",
    "quickly",
    "um",
    "uh",
    "er",
    "both",
    "all",
    "immediately",
    "eventually",
    "ultimately",
    "actually",
];

/// Words ending in "-ly" that are verbs or that weaken or negate what follows: never
/// taken out ("I barely tested" is not "I tested").
const NOT_ADVERBS: &[&str] = &[
    "apply",
    "reply",
    "supply",
    "rely",
    "comply",
    "imply",
    "multiply",
    "fly",
    "ally",
    "rally",
    "tally",
    "bully",
    "barely",
    "hardly",
    "rarely",
    "scarcely",
    "nearly",
    "only",
    "early",
    "likely",
    "unlikely",
    "supposedly",
    "allegedly",
    "wrongly",
];

/// The most fillers taken out after one subject.
const MAX_FILLERS: usize = 2;

/// A folded text with fillers after subjects taken out, and the way back.
#[derive(Clone, Debug)]
pub struct SubjectClose {
    /// The text: the folded text less the fillers (and the commas around them).
    pub text: String,
    /// Folded offset of each byte of `text`, plus one entry for the end.
    map: Vec<u32>,
    /// The view stemmed, built the first time a matcher asks for it.
    stemmed: OnceLock<Stemmed>,
    /// True when a spoken filler was taken out between two words: then any phrase, not
    /// only one that starts with a subject, can match here and not in the text.
    pub spoken: bool,
}

/// True when a phrase (folded) starts with a subject and has more words: the phrases that
/// this view can match where the text itself does not.
pub fn starts_with_subject(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    words.next().is_some_and(|w| SUBJECTS.contains(&w)) && words.next().is_some()
}

fn is_filler(word: &str) -> bool {
    FILLERS.contains(&word)
        || (word.len() > 4 && word.ends_with("ly") && !NOT_ADVERBS.contains(&word))
}

/// The word starting at byte `at` of `text` (word characters and inner apostrophes).
/// Bytes are read as bytes while ASCII; a non-ASCII character is decoded.
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let bytes = rest.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        if is_word_byte(b) {
            end += 1;
        } else if b == b'\'' {
            if end == 0 || !rest[end + 1..].starts_with(is_word_char) {
                break;
            }
            end += 1;
        } else if b.is_ascii() {
            break;
        } else {
            let c = rest[end..].chars().next().expect("end is on a boundary");
            if !is_word_char(c) {
                break;
            }
            end += c.len_utf8();
        }
    }
    &rest[..end]
}

/// True when the character before byte `at` is a word character or an apostrophe: a word
/// character there continues a word (or a word after an apostrophe) and starts none.
fn joins_previous(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        None => false,
        Some(&b) if b.is_ascii() => is_word_byte(b) || b == b'\'',
        Some(_) => text[..at].chars().next_back().is_some_and(is_word_char),
    }
}

/// The byte after the spaces and commas starting at `at`.
fn skip_separators(text: &str, at: usize) -> usize {
    at + text[at..]
        .find(|c: char| c != ' ' && c != ',')
        .unwrap_or(text.len() - at)
}

/// Spoken fillers, taken out wherever they sit between two words ("told me, um, that").
const SPOKEN: &[&str] = &["um", "uh", "er", "erm", "uhm", "umm"];

/// Discourse words a spoken filler often follows ("so, um, the"): the pair is talk, not
/// part of a phrase, so the filler stays.
const DISCOURSE: &[&str] = &[
    "so", "and", "but", "well", "okay", "ok", "like", "yeah", "now",
];

/// Words that join a second verb to the subject of the first ("I asked and said").
const JOINS: &[&str] = &["and", "then", "but"];

/// Past forms that do not end in "-ed", for the verb a join carries the subject to.
const IRREGULAR_PAST: &[&str] = &[
    "said", "told", "made", "took", "gave", "went", "sent", "ran", "wrote", "built", "kept", "put",
    "got", "brought", "thought", "found", "left", "felt", "met", "spoke", "set", "cut", "led",
    "held", "began", "chose", "drew", "showed", "sat", "stood", "paid", "lost", "won", "shut",
    "hit", "let", "did", "had", "knew", "saw", "rewrote", "undid",
];

/// True for a word that reads as a past-tense verb.
fn is_past(word: &str) -> bool {
    IRREGULAR_PAST.contains(&word)
        || (word.len() >= 4 && word.ends_with("ed") && !word.ends_with("eed"))
}

/// Fillers after the word ending at `from`: the start of the word after them, and how
/// many there were.
fn after_fillers(folded: &str, from: usize) -> (usize, usize) {
    let (mut next, mut fillers) = (skip_separators(folded, from), 0);
    while fillers < MAX_FILLERS && is_filler(word_at(folded, next)) {
        next = skip_separators(folded, next + word_at(folded, next).len());
        fillers += 1;
    }
    (next, fillers)
}

/// The view under construction: folded text copied in runs, with words left out and
/// subjects put in, each byte mapped to a folded offset; and what the scan has seen.
struct Builder<'a> {
    folded: &'a str,
    text: String,
    map: Vec<u32>,
    copied: usize,
    /// The subject of the clause so far.
    subject: Option<&'a str>,
    /// Where the last word ended, in this clause, and the word.
    last_end: Option<usize>,
    last_word: &'a str,
    /// Whether a spoken filler was taken out between two words.
    spoken: bool,
}

impl<'a> Builder<'a> {
    /// Copies the folded text up to `to`.
    fn keep(&mut self, to: usize) {
        // Never back over what is already in the view.
        let to = to.max(self.copied);
        self.text.push_str(&self.folded[self.copied..to]);
        self.map.extend((self.copied..to).map(|o| o as u32));
        self.copied = to;
    }

    /// Puts `s` in, every byte mapped to folded offset `at`.
    fn insert(&mut self, s: &str, at: usize) {
        self.text.push_str(s);
        self.map.extend(std::iter::repeat_n(at as u32, s.len()));
    }

    /// Keeps the text up to `to`, one space, and goes on from `next`.
    fn close_gap(&mut self, to: usize, next: usize) {
        self.keep(to);
        self.insert(" ", to);
        self.copied = next;
    }

    /// Applies the rule for `word` (at `at`, ending at `end`), if one applies: the offset
    /// the scan goes on from.
    fn rewrite(&mut self, word: &'a str, at: usize, end: usize) -> Option<usize> {
        let folded = self.folded;
        if SUBJECTS.contains(&word) {
            self.subject = Some(word);
            let (next, fillers) = after_fillers(folded, end);
            let verb = word_at(folded, next);
            (fillers > 0 && !verb.is_empty() && !is_filler(verb)).then(|| {
                self.close_gap(end, next);
                next
            })
        } else if SPOKEN.contains(&word) {
            let last = self.last_end?;
            // A run of fillers ("um, uh") goes as one.
            let mut next = skip_separators(folded, end);
            while SPOKEN.contains(&word_at(folded, next)) {
                next = skip_separators(folded, next + word_at(folded, next).len());
            }
            let between_words = folded[last..at].bytes().all(|b| b == b' ' || b == b',')
                && !DISCOURSE.contains(&self.last_word)
                && !word_at(folded, next).is_empty();
            between_words.then(|| {
                self.close_gap(last, next);
                self.spoken = true;
                next
            })
        } else if JOINS.contains(&word) {
            let who = self.subject?;
            let (next, _) = after_fillers(folded, end);
            // "and said" after "I asked" reads "and i said".
            is_past(word_at(folded, next)).then(|| {
                self.close_gap(end, next);
                self.insert(who, next);
                self.insert(" ", next);
                next
            })
        } else {
            None
        }
    }
}

impl SubjectClose {
    /// The view of `folded` (text already folded). `None` when nothing is taken out or put
    /// in: the view would be the text itself.
    pub fn new(folded: &str) -> Option<Self> {
        let mut out = Builder {
            folded,
            text: String::with_capacity(folded.len() + 16),
            map: Vec::with_capacity(folded.len() + 17),
            copied: 0,
            subject: None,
            last_end: None,
            last_word: "",
            spoken: false,
        };
        let bytes = folded.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            // Between words, ASCII bytes (nearly all) are read as bytes, without decoding.
            let (word_char, width) = if b.is_ascii() {
                (is_word_byte(b), 1)
            } else {
                let c = folded[at..].chars().next().expect("at is on a boundary");
                (is_word_char(c), c.len_utf8())
            };
            if !word_char || joins_previous(folded, at) {
                if matches!(b, b'.' | b'!' | b'?' | b';' | b':' | b'(' | b')') {
                    out.subject = None;
                    out.last_end = None;
                }
                at += width;
                continue;
            }
            let word = word_at(folded, at);
            let end = at + word.len();
            let next = out.rewrite(word, at, end);
            // A spoken filler taken out leaves the word before it as the last word.
            if next.is_none() || !SPOKEN.contains(&word) {
                out.last_end = Some(end);
                out.last_word = word;
            }
            at = next.unwrap_or(end);
        }
        if out.text.is_empty() {
            return None;
        }
        out.keep(folded.len());
        out.map.push(folded.len() as u32);
        Some(SubjectClose {
            text: out.text,
            map: out.map,
            stemmed: OnceLock::new(),
            spoken: out.spoken,
        })
    }

    /// The view with every word stemmed, built once.
    pub fn stemmed(&self) -> &Stemmed {
        self.stemmed.get_or_init(|| Stemmed::new(&self.text))
    }

    /// The folded span of a span of the view (on character boundaries, as hits are).
    pub fn folded(&self, span: Span) -> Span {
        let start = self.map[span.start] as usize;
        let end = if span.end == 0 {
            0
        } else {
            self.map[span.end - 1] as usize + 1
        };
        Span::new(start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> Option<String> {
        SubjectClose::new(text).map(|v| v.text)
    }

    #[test]
    fn takes_out_adverbs_between_a_subject_and_its_verb() {
        assert_eq!(
            view("so i then decided; we also ran it").as_deref(),
            Some("so i decided; we ran it")
        );
        assert_eq!(
            view("she, um, quickly told me").as_deref(),
            Some("she told me")
        );
        assert_eq!(view("i decided, then we ran it"), None);
    }

    #[test]
    fn carries_the_subject_to_a_joined_past_verb() {
        assert_eq!(
            view("i asked her and then said why. we met and talked").as_deref(),
            Some("i asked her and i said why. we met and we talked")
        );
        // No subject in the clause, or no past verb after the join: nothing to carry.
        assert_eq!(view("the team met and talked. i asked and she left"), None);
    }

    #[test]
    fn takes_out_spoken_fillers_between_words() {
        let close = SubjectClose::new("the engineer told me, um, that he'd").unwrap();
        assert_eq!(close.text, "the engineer told me that he'd");
        assert!(close.spoken);
        assert_eq!(view("um, so the plan was simple"), None);
        assert_eq!(view("the pieces. so, uh, the app"), None);
        assert_eq!(
            view("a week um um, uh 10 days").as_deref(),
            Some("a week 10 days")
        );
    }

    #[test]
    fn keeps_negations_and_weakening_words() {
        assert_eq!(view("i never asked and i barely tested"), None);
        assert_eq!(view("we almost shipped; i only measured"), None);
        assert_eq!(view("i apply it; they rely on it"), None);
    }

    #[test]
    fn maps_spans_back_to_the_folded_text() {
        let folded = "and i then, um, decided to ship";
        let close = SubjectClose::new(folded).unwrap();
        let start = close.text.find("i decided").unwrap();
        let span = close.folded(Span::new(start, start + "i decided".len()));
        assert_eq!(span.text(folded), "i then, um, decided");
    }

    /// The word at `at` read character by character, as before the byte scan.
    fn char_word_at(text: &str, at: usize) -> &str {
        let rest = &text[at..];
        let mut end = 0;
        for (i, c) in rest.char_indices() {
            if is_word_char(c) || (c == '\'' && i > 0 && rest[i + 1..].starts_with(is_word_char)) {
                end = i + c.len_utf8();
            } else {
                break;
            }
        }
        &rest[..end]
    }

    /// The view built character by character, as before the byte scan: (text, map, spoken).
    fn reference(folded: &str) -> Option<(String, Vec<u32>, bool)> {
        let mut out = Builder {
            folded,
            text: String::new(),
            map: Vec::new(),
            copied: 0,
            subject: None,
            last_end: None,
            last_word: "",
            spoken: false,
        };
        let mut at = 0;
        while at < folded.len() {
            let c = folded[at..].chars().next().unwrap();
            let starts_word = is_word_char(c)
                && !folded[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|b| is_word_char(b) || b == '\'');
            if !starts_word {
                if matches!(c, '.' | '!' | '?' | ';' | ':' | '(' | ')') {
                    out.subject = None;
                    out.last_end = None;
                }
                at += c.len_utf8();
                continue;
            }
            let word = char_word_at(folded, at);
            let end = at + word.len().max(c.len_utf8());
            let next = out.rewrite(word, at, end);
            if next.is_none() || !SPOKEN.contains(&word) {
                out.last_end = Some(end);
                out.last_word = word;
            }
            at = next.unwrap_or(end);
        }
        if out.text.is_empty() {
            return None;
        }
        out.keep(folded.len());
        out.map.push(folded.len() as u32);
        Some((out.text, out.map, out.spoken))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn same_view_as_the_character_by_character_build(
            folded in "(i|we|she|they'd|then|also|um|uh|quickly|barely|and|said|asked|so|é|ç|\u{3b1}\u{3b2}|_|3|'|\u{2019}|\u{201c}| |, |,|\\.|;|\\(|-|\n|\u{a0}){0,30}"
        ) {
            let view = SubjectClose::new(&folded).map(|v| (v.text, v.map, v.spoken));
            proptest::prop_assert_eq!(view, reference(&folded));
            for (at, _) in folded.char_indices() {
                proptest::prop_assert_eq!(word_at(&folded, at), char_word_at(&folded, at));
            }
        }
    }
}
