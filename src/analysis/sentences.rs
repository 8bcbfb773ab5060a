//! Sentence splitting: each block of graded text cut at sentence bounds (Unicode rules), a
//! line break inside a paragraph not counting as one and a heading always one sentence.

use super::sentence_breaks;
use crate::document::{Block, BlockKind};
use crate::text::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Splits blocks into sentence spans, reusing its buffers from block to block.
#[derive(Clone, Debug, Default)]
pub(crate) struct Splitter {
    /// The block's text with line breaks turned into spaces (same length).
    line_joined: String,
    spans: Vec<Span>,
    /// Where each sentence of the block starts, then its end.
    bounds: Vec<usize>,
}

impl Splitter {
    /// The sentences of `block` in `text`, each trimmed of white space; none is empty.
    pub(crate) fn split(&mut self, text: &str, block: &Block) -> &[Span] {
        self.spans.clear();
        let block_text = block.span.text(text);
        // Line breaks inside a paragraph are not sentence breaks; same-length spaces keep
        // offsets valid.
        self.line_joined.clear();
        for (i, line) in block_text.split(['\n', '\r']).enumerate() {
            if i > 0 {
                self.line_joined.push(' ');
            }
            self.line_joined.push_str(line);
        }
        // A heading is one sentence whatever its punctuation.
        self.bounds.clear();
        if matches!(block.kind, BlockKind::Heading { .. }) {
            self.bounds.extend([0, self.line_joined.len()]);
        } else if sentence_breaks::bounds(&self.line_joined, &mut self.bounds).is_none() {
            // A character outside the fast tables: unicode-segmentation decides.
            self.bounds.clear();
            self.bounds.extend(
                self.line_joined
                    .split_sentence_bound_indices()
                    .map(|(offset, _)| offset),
            );
            self.bounds.push(self.line_joined.len());
        }
        for pair in self.bounds.windows(2) {
            let piece = &self.line_joined[pair[0]..pair[1]];
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                continue;
            }
            let start = block.span.start + pair[0] + (piece.len() - piece.trim_start().len());
            self.spans.push(Span::new(start, start + trimmed.len()));
        }
        &self.spans
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::document::parse;

    fn sentences(text: &str) -> Vec<String> {
        let doc = parse(text);
        analyze(&doc)
            .sentences
            .iter()
            .map(|s| s.span.text(text).to_owned())
            .collect()
    }

    #[test]
    fn sentences_ignore_line_wraps_and_split_on_punctuation() {
        assert_eq!(
            sentences("## Goal\n\nWe cut churn\nby 3%. Then we grew!\n- a list item"),
            vec![
                "Goal",
                "We cut churn\nby 3%.",
                "Then we grew!",
                "a list item"
            ]
        );
    }

    #[test]
    fn a_heading_is_one_sentence() {
        assert_eq!(
            sentences("## Why now? Because.\n\nText."),
            vec!["Why now? Because.", "Text."]
        );
    }
}
