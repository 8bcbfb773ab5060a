//! Case- and typography-folded text for matching: lower case, curly quotes made straight,
//! dashes made hyphens, white space made single spaces. Matching runs on the folded text;
//! a byte map turns its offsets back into offsets of the original.

use super::normal::{fold_ascii_byte, fold_ascii_char, push_folded};
use crate::text::span::Span;
use crate::text::stem::Stemmed;
use crate::text::subject::SubjectClose;
use std::sync::OnceLock;

/// A text folded for matching, with the way back to the original offsets.
#[derive(Clone, Debug)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Original offset of each folded byte, plus one entry for the end. `None` when the
    /// folded text has the original's offsets (ASCII input), the common case.
    map: Option<Vec<u32>>,
    /// The stemmed view, built the first time a matcher asks for it.
    stemmed: OnceLock<Stemmed>,
    /// The subject-close view, built the first time a matcher asks for it.
    subject_close: OnceLock<Option<SubjectClose>>,
}

impl Folded {
    /// Folds `original`.
    pub fn new(original: &str) -> Self {
        if original.is_ascii() {
            let text = original.bytes().map(fold_ascii_byte).collect();
            return Folded {
                text,
                map: None,
                stemmed: OnceLock::new(),
                subject_close: OnceLock::new(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (offset, c) in original.char_indices() {
            // Most characters of a non-ASCII text are ASCII: one byte in, one byte out.
            if c.is_ascii() {
                text.push(fold_ascii_char(c));
                map.push(offset as u32);
                continue;
            }
            let before = text.len();
            push_folded(c, &mut text);
            map.extend(std::iter::repeat_n(offset as u32, text.len() - before));
        }
        map.push(original.len() as u32);
        Folded {
            text,
            map: Some(map),
            stemmed: OnceLock::new(),
            subject_close: OnceLock::new(),
        }
    }

    /// The folded text with every word stemmed: built once, on first use, so that a
    /// document whose matchers are all exact never stems.
    pub fn stemmed(&self) -> &Stemmed {
        self.stemmed.get_or_init(|| Stemmed::new(&self.text))
    }

    /// The text with fillers after subjects taken out ("i then decided" as "i decided"):
    /// built once, on first use; `None` when it would be the text itself.
    pub fn subject_close(&self) -> Option<&SubjectClose> {
        self.subject_close
            .get_or_init(|| SubjectClose::new(&self.text))
            .as_ref()
    }

    /// The original span of a folded span.
    pub fn original(&self, span: Span) -> Span {
        match &self.map {
            None => span,
            Some(map) => {
                let start = map[span.start] as usize;
                // The end maps to the start of the next original character.
                let end = if span.end == 0 {
                    0
                } else {
                    let last = map[span.end - 1];
                    let next = map[span.end..]
                        .iter()
                        .copied()
                        .find(|&o| o != last)
                        .unwrap_or(*map.last().unwrap_or(&last));
                    next as usize
                };
                Span::new(start, end)
            }
        }
    }

    /// The folded offset of an original offset (the first folded byte at or after it).
    pub fn folded_offset(&self, original: usize) -> usize {
        match &self.map {
            None => original,
            Some(map) => map.partition_point(|&o| (o as usize) < original),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_and_maps_back() {
        let original = "Members’ “Top 10” — Ça";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "members' \"top 10\" - ça");
        let start = folded.text.find("top").unwrap();
        let span = folded.original(Span::new(start, start + 6));
        assert_eq!(span.text(original), "Top 10");
        let ca = folded.text.find("ça").unwrap();
        assert_eq!(
            folded
                .original(Span::new(ca, folded.text.len()))
                .text(original),
            "Ça"
        );
        assert_eq!(folded.folded_offset(original.find('T').unwrap()), start);
    }
}
