//! The answer's text as it was graded, kept beside a [`Grade`](super::Grade) for renderers
//! that show the answer itself (the HTML report); never part of the JSON report.

use crate::analysis::Analysis;
use crate::document::Document;
use crate::text::span::{LineIndex, Span};

/// The graded text, its sentences and, for a transcript, who said what.
#[derive(Clone, Debug)]
pub struct Source {
    /// The whole decoded text; evidence's line:column point into it.
    pub text: String,
    /// Where the answer's body starts (after front matter), a line start.
    pub body_start: usize,
    /// Each sentence's byte span, in text order: an evidence sentence starts at one.
    pub sentences: Vec<Span>,
    /// For a transcript, its turns in order; empty for a written answer.
    pub turns: Vec<SourceTurn>,
    /// Line starts of `text`.
    pub line_index: LineIndex,
}

/// One turn of a transcript as the answer view shows it.
#[derive(Clone, Debug)]
pub struct SourceTurn {
    /// Who speaks.
    pub speaker: String,
    /// True for the speaker whose words were graded.
    pub candidate: bool,
    /// When the turn starts, if the input says.
    pub start_ms: Option<u64>,
    /// The bytes that are words (labels, tags and timestamps left out), in order.
    pub pieces: Vec<Span>,
}

impl Source {
    /// The source of `document`, taking its text (graded already, so not copied).
    pub fn of(document: Document, analysis: &Analysis) -> Source {
        let turns = document.transcript.as_ref().map_or_else(Vec::new, |t| {
            t.turns
                .iter()
                .map(|turn| SourceTurn {
                    speaker: turn.speaker.clone(),
                    candidate: turn.speaker == t.candidate,
                    start_ms: turn.start_ms(),
                    pieces: turn
                        .segments
                        .iter()
                        .flat_map(|s| s.pieces.clone())
                        .collect(),
                })
                .collect()
        });
        // The body starts at the line of the first graded block, so that front matter
        // (kept in the header as the question) is not shown twice.
        let body_start = document.blocks.first().map_or(0, |block| {
            let line = document
                .line_index
                .line_col(&document.text, block.span.start)
                .line;
            document.line_index.offset(&document.text, line, 1)
        });
        Source {
            sentences: sorted(analysis.sentences.iter().map(|s| s.span).collect()),
            body_start,
            turns,
            line_index: document.line_index,
            text: document.text,
        }
    }

    /// The byte offset of a 1-based line and column, as evidence gives them.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        self.line_index.offset(&self.text, line, column)
    }

    /// The sentence that starts at `offset`, if one does.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.start < offset);
        self.sentences.get(i).copied().filter(|s| s.start == offset)
    }
}

/// Spans in text order (analysis finds them in order; sorted again so the lookup holds).
fn sorted(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    spans
}
