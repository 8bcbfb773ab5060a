//! One Aho-Corasick automaton for many phrase lists: a text is scanned once, whatever the
//! number of phrases. Phrases match case-insensitively on word boundaries; a trailing `*`
//! matches a stem ("retain*" finds "retain", "retained", "retention").

use super::fold::Folded;
use crate::text::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};

/// Which list a phrase belongs to and whether it is a stem.
#[derive(Clone, Copy, Debug)]
struct Entry {
    list: u32,
    stem: bool,
}

/// A phrase found in a text: the list it belongs to and its span in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseHit {
    /// Which of the matcher's lists the phrase is in.
    pub list: u32,
    /// Where it is in the original text.
    pub span: Span,
}

/// Every phrase of several lists in one automaton, found in one pass over folded text.
#[derive(Clone, Debug)]
pub struct PhraseMatcher {
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern, the lists it belongs to.
    entries: Vec<Vec<Entry>>,
    list_count: usize,
}

/// Folds a phrase as text is folded; returns its text and whether it is a stem.
pub fn normalize_phrase(phrase: &str) -> (String, bool) {
    let trimmed = phrase.trim();
    let (body, stem) = match trimmed.strip_suffix('*') {
        Some(body) => (body.trim_end(), true),
        None => (trimmed, false),
    };
    let folded = Folded::new(body).text;
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    (collapsed, stem)
}

impl PhraseMatcher {
    /// Builds one automaton over every list. Empty phrases are skipped (the rubric loader
    /// reports them); duplicate phrases share one pattern.
    pub fn new<L, P>(lists: L) -> Self
    where
        L: IntoIterator<Item = P>,
        P: IntoIterator,
        P::Item: AsRef<str>,
    {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut index: std::collections::BTreeMap<String, usize> = Default::default();
        let mut list_count = 0;
        for (list, phrases) in lists.into_iter().enumerate() {
            list_count = list + 1;
            for phrase in phrases {
                let (text, stem) = normalize_phrase(phrase.as_ref());
                if text.is_empty() {
                    continue;
                }
                let pattern = *index.entry(text.clone()).or_insert_with(|| {
                    patterns.push(text);
                    entries.push(Vec::new());
                    patterns.len() - 1
                });
                let entry = Entry {
                    list: list as u32,
                    stem,
                };
                if !entries[pattern]
                    .iter()
                    .any(|e| e.list == entry.list && e.stem == stem)
                {
                    entries[pattern].push(entry);
                }
            }
        }
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("phrase patterns are plain strings")
        });
        PhraseMatcher {
            automaton,
            entries,
            list_count,
        }
    }

    /// How many lists it was built from.
    pub fn list_count(&self) -> usize {
        self.list_count
    }

    /// Every phrase occurrence on word boundaries, in order of position. A phrase that is in
    /// several lists yields one hit per list.
    pub fn find(&self, folded: &Folded) -> Vec<PhraseHit> {
        let mut hits = Vec::new();
        let Some(automaton) = &self.automaton else {
            return hits;
        };
        let text = folded.text.as_str();
        for found in automaton.find_overlapping_iter(text) {
            let (start, end) = (found.start(), found.end());
            if starts_inside_word(text, start) {
                continue;
            }
            let whole_word = !continues_word(text, end);
            for entry in &self.entries[found.pattern().as_usize()] {
                let end = match (entry.stem, whole_word) {
                    (true, _) => end + word_rest(&text[end..]),
                    (false, true) => end,
                    (false, false) => continue,
                };
                hits.push(PhraseHit {
                    list: entry.list,
                    span: folded.original(Span::new(start, end)),
                });
            }
        }
        // One hit per list and start: "I'd" is one first-person word, not "I" and "I'd".
        // The longest phrase stands for the others.
        hits.sort_by_key(|h| (h.span.start, h.list, std::cmp::Reverse(h.span.end)));
        hits.dedup_by_key(|h| (h.span.start, h.list));
        hits
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when the match starts in the middle of a word (only checked for word-like starts).
fn starts_inside_word(text: &str, start: usize) -> bool {
    let first = text[start..].chars().next();
    let before = text[..start].chars().next_back();
    matches!((before, first), (Some(b), Some(f)) if is_word_char(b) && is_word_char(f))
}

/// True when the character after the match continues the word the match ended in.
fn continues_word(text: &str, end: usize) -> bool {
    let last = text[..end].chars().next_back();
    let after = text[end..].chars().next();
    matches!((last, after), (Some(l), Some(a)) if is_word_char(l) && is_word_char(a))
}

/// Length in bytes of the word characters at the start of `rest`.
fn word_rest(rest: &str) -> usize {
    rest.char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(lists: &[&[&str]], text: &str) -> Vec<(u32, String)> {
        let matcher = PhraseMatcher::new(lists.iter().map(|l| l.iter()));
        matcher
            .find(&Folded::new(text))
            .into_iter()
            .map(|h| (h.list, h.span.text(text).to_owned()))
            .collect()
    }

    #[test]
    fn matches_on_word_boundaries_case_insensitively() {
        assert_eq!(
            found(&[&["Pain Point", "churn"]], "A pain point; churned? CHURN."),
            vec![(0, "pain point".into()), (0, "CHURN".into())]
        );
    }

    #[test]
    fn stems_take_the_rest_of_the_word() {
        assert_eq!(
            found(&[&["retain*"]], "Retained retains; preretain"),
            vec![(0, "Retained".into()), (0, "retains".into())]
        );
    }

    #[test]
    fn a_phrase_in_two_lists_hits_both_and_overlaps_are_kept() {
        assert_eq!(
            found(&[&["a/b test"], &["test", "a/b test"]], "Run an A/B test."),
            vec![
                (0, "A/B test".into()),
                (1, "A/B test".into()),
                (1, "test".into())
            ]
        );
    }

    #[test]
    fn curly_apostrophes_match_straight_ones() {
        assert_eq!(
            found(&[&["don't"]], "I don’t know"),
            vec![(0, "don’t".into())]
        );
    }
}
