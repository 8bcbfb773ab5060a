//! What `grade analyze` reports: the facts of an answer without a rubric — words,
//! sentences, readability, quantities, fillers, hedges, structure, and for a transcript its
//! turns and delivery — plus every metric a rubric's `metric` signal can bound.

use super::{Analysis, Delivery, QuantityKind, metrics};
use crate::document::{BlockKind, Document, InputForm, TranscriptInfo, Warning};
use crate::number::round1;
use serde::Serialize;

/// The JSON schema of a summary.
pub const SCHEMA: &str = "grade-analysis/1";

/// The facts of one answer, without a rubric: what `grade analyze` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Set at the edge, like a grade's.
    pub file: Option<String>,
    /// The form the answer was read in.
    pub form: InputForm,
    /// Words of the graded text.
    pub words: usize,
    /// Sentences, headings included.
    pub sentences: usize,
    /// Sentences that repeat an earlier one.
    pub repeated_sentences: usize,
    /// Words per sentence, one decimal.
    pub average_sentence_words: f64,
    /// Words of the longest sentence.
    pub longest_sentence_words: usize,
    /// Flesch reading ease, one decimal.
    pub flesch_reading_ease: f64,
    /// Flesch–Kincaid grade, one decimal.
    pub flesch_kincaid_grade: f64,
    /// Every number and quantity, where it is.
    pub quantities: Vec<Found>,
    /// Fillers: how many, how often, which.
    pub fillers: Counted,
    /// Hedges: how many, how often, which.
    pub hedges: Counted,
    /// Headings, list items and paragraphs.
    pub structure: Structure,
    /// For a transcript: its form, its speakers, and whose words were analysed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<TranscriptInfo>,
    /// For a transcript: pace, fillers, pauses and talk share against their targets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
    /// Problems in the input that analysis worked around, with their lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// Every metric a `metric` signal can use, with its value here (null when it needs a
    /// transcript).
    pub metrics: Vec<MetricValue>,
}

/// A quantity found, where it is.
#[derive(Clone, Debug, Serialize)]
pub struct Found {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What it measures.
    pub kind: QuantityKind,
    /// Its text, white space folded to single spaces.
    pub text: String,
}

/// Phrases of one list (fillers or hedges) counted.
#[derive(Clone, Debug, Serialize)]
pub struct Counted {
    /// How many there are.
    pub count: usize,
    /// How many per 100 words, one decimal.
    pub per_100_words: f64,
    /// (phrase, count), most frequent first.
    pub top: Vec<(String, usize)>,
}

/// The answer's layout.
#[derive(Clone, Debug, Serialize)]
pub struct Structure {
    /// Each heading's text, in order.
    pub headings: Vec<String>,
    /// How many list items.
    pub list_items: usize,
    /// How many paragraphs.
    pub paragraphs: usize,
}

/// A metric a `metric` signal can bound, and its value for this answer.
#[derive(Clone, Debug, Serialize)]
pub struct MetricValue {
    /// The name a rubric uses.
    pub name: &'static str,
    /// Its value, two decimals; none when it needs a transcript.
    pub value: Option<f64>,
    /// What it measures.
    pub description: &'static str,
}

fn counted(spans: &[crate::text::span::Span], text: &str, words: usize) -> Counted {
    Counted {
        count: spans.len(),
        per_100_words: round1(100.0 * spans.len() as f64 / words.max(1) as f64),
        top: super::delivery::most_frequent(spans, text, 5),
    }
}

impl Summary {
    /// Reads `text` as `options` say, analyses it and summarises it: `grade analyze`.
    pub fn of(
        text: &str,
        options: &crate::document::ParseOptions,
    ) -> Result<Self, crate::document::TranscriptError> {
        let document = crate::document::parse_with(text, options)?;
        Ok(Summary::new(&document, &super::analyze(&document)))
    }

    /// The summary of an analysed document.
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
