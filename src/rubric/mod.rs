//! Rubrics: the TOML format (`schema`), loading with errors that point at line:column
//! (`load`), and the compiled form the scorer uses — every phrase list of a rubric in one
//! Aho-Corasick automaton, regexes compiled once.

pub mod auto;
pub mod builtin;
pub mod compile;
mod load;
pub(crate) mod schema;

pub use crate::scoring::conditions::Condition;
pub use crate::scoring::signals::SignalKind;
pub use load::load;
pub use schema::schema;

use crate::analysis::phrase::PhraseMatcher;

/// The JSON Schema of the rubric format (`grade rubrics schema`): docs/rubric.schema.json,
/// which [`schema`] derives from the format's types and a test keeps current.
pub const SCHEMA: &str = include_str!("../../docs/rubric.schema.json");

/// The signal kinds a rubric may use, in registration order.
pub fn signal_kinds() -> impl Iterator<Item = &'static str> {
    crate::scoring::signals::KINDS.iter().map(|k| k.name)
}

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
        self.points * f64::from(self.kind.max_units(self.cap))
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
