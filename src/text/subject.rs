//! The subject-close view of a folded text: up to two adverbs or spoken fillers right after
//! a personal pronoun taken out ("i then decided", "we also ran", "she, um, told me" read
//! as "i decided", "we ran", "she told me"), with a byte map back to the folded text. A
//! phrase that starts with its subject ("I decided") is matched on both views, so that a
//! word between the subject and its verb does not hide the action. Negations and words
//! that weaken the verb ("never", "barely", "almost") are never taken out.

use crate::text::span::Span;
use crate::text::stem::{Stemmed, is_word_char};
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
fn word_at(text: &str, at: usize) -> &str {
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

/// The byte after the spaces and commas starting at `at`.
fn skip_separators(text: &str, at: usize) -> usize {
    at + text[at..]
        .find(|c: char| c != ' ' && c != ',')
        .unwrap_or(text.len() - at)
}

impl SubjectClose {
    /// The view of `folded` (text already folded). `None` when no filler follows a subject:
    /// the view would be the text itself.
    pub fn new(folded: &str) -> Option<Self> {
        let mut text = String::with_capacity(folded.len());
        let mut map = Vec::with_capacity(folded.len() + 1);
        let mut copied = 0;
        let mut at = 0;
        let mut changed = false;
        while at < folded.len() {
            let c = folded[at..].chars().next().expect("at is inside the text");
            let starts_word = is_word_char(c)
                && !folded[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|b| is_word_char(b) || b == '\'');
            if !starts_word {
                at += c.len_utf8();
                continue;
            }
            let word = word_at(folded, at);
            let end = at + word.len().max(c.len_utf8());
            if !SUBJECTS.contains(&word) {
                at = end;
                continue;
            }
            // Count the fillers after the subject; the verb must follow them.
            let (mut next, mut fillers) = (skip_separators(folded, end), 0);
            while fillers < MAX_FILLERS && is_filler(word_at(folded, next)) {
                next = skip_separators(folded, next + word_at(folded, next).len());
                fillers += 1;
            }
            let verb = word_at(folded, next);
            if fillers == 0 || verb.is_empty() || is_filler(verb) {
                at = end;
                continue;
            }
            // Keep everything up to the subject, then one space, then the verb on.
            for (i, b) in folded[copied..end].char_indices() {
                text.push(b);
                map.extend((0..b.len_utf8()).map(|k| (copied + i + k) as u32));
            }
            text.push(' ');
            map.push(end as u32);
            copied = next;
            at = next;
            changed = true;
        }
        if !changed {
            return None;
        }
        for (i, b) in folded[copied..].char_indices() {
            text.push(b);
            map.extend((0..b.len_utf8()).map(|k| (copied + i + k) as u32));
        }
        map.push(folded.len() as u32);
        Some(SubjectClose {
            text,
            map,
            stemmed: OnceLock::new(),
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
}
