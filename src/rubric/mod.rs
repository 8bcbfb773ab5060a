//! Rubrics: the TOML format (`schema`), loading with errors that point at line:column
//! (`load`), and the compiled form the scorer uses — every phrase list of a rubric in one
//! Aho-Corasick automaton, regexes compiled once.

pub mod auto;
pub mod builtin;
mod load;
mod schema;

pub use load::load;

use crate::analysis::QuantityKind;
use crate::analysis::phrase::PhraseMatcher;
use regex::Regex;

/// The JSON Schema of the rubric format (`grade rubrics schema`).
pub const SCHEMA: &str = include_str!("../../docs/rubric.schema.json");

/// Index of a phrase list in [`CompiledRubric::matcher`].
pub type ListId = u32;

#[derive(Clone, Debug)]
pub struct Band {
    pub min: f64,
    pub label: String,
}

#[derive(Clone, Debug)]
pub struct Examples {
    pub hit: Vec<String>,
    pub miss: Vec<String>,
}

#[derive(Clone, Debug)]
pub enum SignalKind {
    /// Any phrase of the list in a sentence.
    Phrases { list: ListId },
    /// The regex matches inside a sentence.
    Regex { regex: Box<Regex> },
    /// A number (of the given units, or any but a year) in a sentence with a `near` phrase.
    Quantity {
        near: ListId,
        units: Vec<QuantityKind>,
    },
    /// A phrase of each list in one sentence.
    Together { first: ListId, second: ListId },
    /// The answer's word count within bounds.
    Length {
        min_words: Option<usize>,
        max_words: Option<usize>,
    },
    /// Phrase groups that appear in this order through the answer; points per step reached
    /// in order.
    Sequence { steps: Vec<ListId> },
    /// One list's count over another's (sentences that hold them) above or below a bound.
    Ratio {
        of: ListId,
        to: ListId,
        above: Option<f64>,
        below: Option<f64>,
        min_count: usize,
    },
    /// A named metric of the analysis (pace, filler rate, …) above and/or below bounds.
    Metric {
        name: &'static str,
        above: Option<f64>,
        below: Option<f64>,
    },
}

impl SignalKind {
    pub fn name(&self) -> &'static str {
        match self {
            SignalKind::Phrases { .. } => "phrases",
            SignalKind::Regex { .. } => "regex",
            SignalKind::Quantity { .. } => "quantity",
            SignalKind::Together { .. } => "together",
            SignalKind::Length { .. } => "length",
            SignalKind::Sequence { .. } => "sequence",
            SignalKind::Ratio { .. } => "ratio",
            SignalKind::Metric { .. } => "metric",
        }
    }
}

/// Signal kinds a rubric may use.
pub const SIGNAL_KINDS: &[&str] = &[
    "phrases", "regex", "quantity", "together", "length", "sequence", "ratio", "metric",
];

#[derive(Clone, Debug)]
pub struct Signal {
    pub id: String,
    pub kind: SignalKind,
    /// Points per sentence that shows it.
    pub points: f64,
    /// At most this many sentences count.
    pub cap: u32,
    pub missing: Option<String>,
    pub examples: Examples,
}

impl Signal {
    pub fn max_points(&self) -> f64 {
        match self.kind {
            SignalKind::Sequence { ref steps } => self.points * steps.len() as f64,
            _ => self.points * f64::from(self.cap),
        }
    }
}

/// Which answers a criterion scores; the others leave it out of their total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AppliesTo {
    #[default]
    Any,
    Transcript,
    Written,
}

impl AppliesTo {
    pub fn name(self) -> &'static str {
        match self {
            AppliesTo::Any => "any",
            AppliesTo::Transcript => "transcript",
            AppliesTo::Written => "written",
        }
    }

    pub fn applies(self, transcript: bool) -> bool {
        match self {
            AppliesTo::Any => true,
            AppliesTo::Transcript => transcript,
            AppliesTo::Written => !transcript,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub max: f64,
    pub advice: String,
    pub applies_to: AppliesTo,
    pub signals: Vec<Signal>,
}

#[derive(Clone, Debug)]
pub enum Condition {
    Absent(ListId),
    Present(ListId),
    Ratio {
        of: ListId,
        to: ListId,
        above: f64,
        min_count: usize,
    },
    /// The list occurs at least this many times.
    AtLeast(ListId, usize),
    WordsBelow(usize),
    WordsAbove(usize),
    /// (criterion index, signal index) pairs that must all have earned nothing.
    MissingSignals(Vec<(usize, usize)>),
}

#[derive(Clone, Debug)]
pub struct Mistake {
    pub id: String,
    pub message: String,
    pub penalty: f64,
    pub advice: Option<String>,
    pub when: Vec<Condition>,
}

/// A rubric ready to score: validated, with its phrase lists compiled into one matcher.
#[derive(Clone, Debug)]
pub struct CompiledRubric {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub question: Option<String>,
    pub summary: Option<String>,
    pub match_phrases: Vec<String>,
    /// `match_phrases` compiled, to tell whether a stated question is this rubric's.
    pub match_matcher: PhraseMatcher,
    /// The rubric's domain vocabulary, matched apart from the scored lists so that it never
    /// earns points or changes how a sentence is judged; read by the off-topic flag.
    pub topic: Option<PhraseMatcher>,
    /// Highest minimum first.
    pub bands: Vec<Band>,
    pub criteria: Vec<Criterion>,
    pub mistakes: Vec<Mistake>,
    /// Every phrase list of the rubric, scanned in one pass.
    pub matcher: PhraseMatcher,
    /// The phrases of each list, as written, for `rubrics show`.
    pub lists: Vec<Vec<String>>,
}

impl CompiledRubric {
    /// Σ weight × max over the criteria: the denominator of the overall score.
    pub fn total_weighted_max(&self) -> f64 {
        self.criteria.iter().map(|c| c.weight * c.max).sum()
    }

    /// Σ weight × max over the criteria that apply to a written answer or a transcript.
    pub fn weighted_max_for(&self, transcript: bool) -> f64 {
        self.criteria
            .iter()
            .filter(|c| c.applies_to.applies(transcript))
            .map(|c| c.weight * c.max)
            .sum()
    }

    pub fn band_for(&self, score: f64) -> &str {
        self.bands
            .iter()
            .find(|b| score >= b.min)
            .map_or("", |b| b.label.as_str())
    }
}
