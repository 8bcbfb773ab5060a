//! What `grade analyze` reports: the facts of an answer without a rubric — words,
//! sentences, readability, quantities, fillers, hedges, structure, and for a transcript its
//! turns and delivery — plus every metric a rubric's `metric` signal can bound.

use super::{Analysis, Delivery, QuantityKind, metrics};
use crate::document::{BlockKind, Document, InputForm, Warning};
use crate::scoring::TranscriptInfo;
use serde::Serialize;

pub const SCHEMA: &str = "grade-analysis/1";

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub schema: &'static str,
    /// Set at the edge, like a grade's.
    pub file: Option<String>,
    pub form: InputForm,
    pub words: usize,
    pub sentences: usize,
    pub repeated_sentences: usize,
    pub average_sentence_words: f64,
    pub longest_sentence_words: usize,
    pub flesch_reading_ease: f64,
    pub flesch_kincaid_grade: f64,
    pub quantities: Vec<Found>,
    pub fillers: Counted,
    pub hedges: Counted,
    pub structure: Structure,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<TranscriptInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// Every metric a `metric` signal can use, with its value here (null when it needs a
    /// transcript).
    pub metrics: Vec<MetricValue>,
}

/// A quantity found, where it is.
#[derive(Clone, Debug, Serialize)]
pub struct Found {
    pub line: usize,
    pub column: usize,
    pub kind: QuantityKind,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Counted {
    pub count: usize,
    pub per_100_words: f64,
    /// (phrase, count), most frequent first.
    pub top: Vec<(String, usize)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Structure {
    pub headings: Vec<String>,
    pub list_items: usize,
    pub paragraphs: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct MetricValue {
    pub name: &'static str,
    pub value: Option<f64>,
    pub description: &'static str,
}

fn counted(spans: &[crate::span::Span], text: &str, words: usize) -> Counted {
    Counted {
        count: spans.len(),
        per_100_words: round1(100.0 * spans.len() as f64 / words.max(1) as f64),
        top: super::delivery::most_frequent(spans, text, 5),
    }
}

impl Summary {
    pub fn new(document: &Document, analysis: &Analysis) -> Self {
        let text = document.graded_text();
        let words = analysis.word_count();
        let r = &analysis.readability;
        let quantities = analysis
            .quantities
            .iter()
            .map(|q| {
                let at = document.line_index.line_col(&document.text, q.span.start);
                Found {
                    line: at.line,
                    column: at.column,
                    kind: q.kind,
                    text: q
                        .span
                        .text(text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                }
            })
            .collect();
        let structure = Structure {
            headings: document
                .blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
                .map(|b| b.span.text(text).to_owned())
                .collect(),
            list_items: document
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::ListItem)
                .count(),
            paragraphs: document
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .count(),
        };
        Summary {
            schema: SCHEMA,
            file: None,
            form: document.form,
            words,
            sentences: analysis.sentences.len(),
            repeated_sentences: analysis.repeated_sentences,
            average_sentence_words: round1(r.average_sentence_words),
            longest_sentence_words: analysis
                .sentences
                .iter()
                .map(|s| s.word_count())
                .max()
                .unwrap_or(0),
            flesch_reading_ease: round1(r.flesch_reading_ease),
            flesch_kincaid_grade: round1(r.flesch_kincaid_grade),
            quantities,
            fillers: counted(&analysis.fillers, text, words),
            hedges: counted(&analysis.hedges, text, words),
            structure,
            transcript: document.transcript.as_ref().map(TranscriptInfo::new),
            delivery: analysis.delivery.clone(),
            warnings: document.warnings.clone(),
            metrics: metrics::METRICS
                .iter()
                .map(|m| MetricValue {
                    name: m.name(),
                    value: m.value(analysis).map(|v| (v * 100.0).round() / 100.0 + 0.0),
                    description: m.description(),
                })
                .collect(),
        }
    }
}
