//! Rubrics: the TOML format (`schema`, from which the JSON Schema is derived), loading with errors that point at line:column (`load`),
//! and the compiled form the scorer uses — every phrase list of a rubric in one Aho-Corasick
//! automaton, regexes compiled once. Each signal kind and mistake condition is one unit in
//! `rules::signals` and `rules::conditions`; the loader hands each its own keys.

pub mod auto;
pub mod builtin;
pub mod concepts;
mod load;
pub mod redundant;
pub(crate) mod schema;

pub use crate::rules::compile::ListId;
pub use crate::rules::conditions::Condition;
pub use crate::rules::signals::SignalKind;
pub use concepts::Concept;
pub use load::{load, load_for};
pub use schema::schema;

use crate::text::phrase::{PhraseMatcher, Scans};

/// The JSON Schema of the rubric format (`grade rubrics schema`): docs/rubric.schema.json,
/// which [`schema()`] derives from the format's types and a test keeps current.
pub const SCHEMA: &str = include_str!("../../docs/rubric.schema.json");

/// The signal kinds a rubric may use, in registration order.
pub fn signal_kinds() -> impl Iterator<Item = &'static str> {
    crate::rules::signals::KINDS.iter().map(|k| k.name)
}

/// The keys of a mistake's `when`, one per condition kind, in registration order.
pub fn condition_keys() -> impl Iterator<Item = &'static str> {
    crate::rules::conditions::KEYS.iter().copied()
}

/// A band: the label of scores at or above `min`.
#[derive(Clone, Debug)]
pub struct Band {
    /// The lowest score of the band.
    pub min: f64,
    /// The band's name.
    pub label: String,
}

/// Sentences that should and should not earn a signal.
#[derive(Clone, Debug)]
pub struct Examples {
    /// Each should earn it.
    pub hit: Vec<String>,
    /// None should earn it.
    pub miss: Vec<String>,
}

/// A compiled signal: its kind, and the points it earns.
#[derive(Clone, Debug)]
pub struct Signal {
    /// Unique within its criterion.
    pub id: String,
    /// What it looks for.
    pub kind: SignalKind,
    /// Points per sentence that shows it.
    pub points: f64,
    /// At most this many sentences count.
    pub cap: u32,
    /// What to tell the candidate when the signal is absent.
    pub missing: Option<String>,
    /// Sentences that should and should not earn it.
    pub examples: Examples,
}

impl Signal {
    /// The most points it can earn.
    pub fn max_points(&self) -> f64 {
        self.points * f64::from(self.kind.max_units(self.cap))
    }
}

/// Which answers a criterion scores; the others leave it out of their total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AppliesTo {
    /// Every answer.
    #[default]
    Any,
    /// Transcripts only.
    Transcript,
    /// Written answers only.
    Written,
}

impl AppliesTo {
    /// Its value in a rubric file.
    pub fn name(self) -> &'static str {
        match self {
            AppliesTo::Any => "any",
            AppliesTo::Transcript => "transcript",
            AppliesTo::Written => "written",
        }
    }

    /// Whether it scores a transcript (`true`) or a written answer.
    pub fn applies(self, transcript: bool) -> bool {
        match self {
            AppliesTo::Any => true,
            AppliesTo::Transcript => transcript,
            AppliesTo::Written => !transcript,
        }
    }
}

/// A compiled criterion: signals whose points add up to at most `max`.
#[derive(Clone, Debug)]
pub struct Criterion {
    /// Unique among the criteria.
    pub id: String,
    /// Its name in reports.
    pub name: String,
    /// Its weight in the overall score.
    pub weight: f64,
    /// The most points its signals can earn.
    pub max: f64,
    /// What to tell the candidate when it is short of its max.
    pub advice: String,
    /// Which answers it scores.
    pub applies_to: AppliesTo,
    /// An answer cannot do without it (the rubric's `core = true`): read by the
    /// `one-sided` flag.
    pub core: bool,
    /// Its signals.
    pub signals: Vec<Signal>,
}

/// A compiled mistake: a penalty when all its conditions hold.
#[derive(Clone, Debug)]
pub struct Mistake {
    /// Unique among the mistakes.
    pub id: String,
    /// What the report says when it is found.
    pub message: String,
    /// Points taken off the overall score.
    pub penalty: f64,
    /// How to fix it, as a next step.
    pub advice: Option<String>,
    /// Its conditions; all must hold.
    pub when: Vec<Condition>,
}

/// A rubric ready to score: validated, with its phrase lists compiled into one matcher.
#[derive(Clone, Debug)]
pub struct CompiledRubric {
    /// The rubric's id.
    pub id: String,
    /// The rubric's name in reports.
    pub title: String,
    /// Bumped when scoring changes.
    pub version: u32,
    /// The interview question it grades.
    pub question: Option<String>,
    /// What a strong answer does.
    pub summary: Option<String>,
    /// Phrases that identify its question, for `--rubric auto`.
    pub match_phrases: Vec<String>,
    /// `match_phrases` compiled when first asked for ([`CompiledRubric::match_matcher`]):
    /// only `--rubric auto` and a stated question read it, and one answer graded as a
    /// process should not pay for its automaton.
    pub(crate) match_matcher: std::sync::OnceLock<PhraseMatcher>,
    /// The texts its automata were built for; `match_matcher` is built the same way.
    pub(crate) scans: Scans,
    /// The rubric's domain vocabulary, matched apart from the scored lists so that it never
    /// earns points or changes how a sentence is judged; read by the off-topic flag.
    pub topic: Option<PhraseMatcher>,
    /// Highest minimum first.
    pub bands: Vec<Band>,
    /// Its criteria.
    pub criteria: Vec<Criterion>,
    /// Its named mistakes.
    pub mistakes: Vec<Mistake>,
    /// Every phrase list of the rubric, scanned in one pass.
    pub matcher: PhraseMatcher,
    /// The phrases of each list, concept references expanded: what the matcher finds.
    pub lists: Vec<Vec<String>>,
    /// Per list: how its hits are read beyond their stance (`negation-tolerant` signals,
    /// `counts-problems` mistakes).
    pub readings: Vec<crate::rules::compile::ListReading>,
    /// Each list as written, every concept reference followed by its phrases
    /// (`@retention (retention, churn, …)`), for `rubrics show`.
    pub shown: Vec<Vec<String>>,
    /// The concepts the rubric defines itself (`[[concept]]`); their examples run with the
    /// signals'.
    pub concepts: Vec<concepts::Concept>,
}

impl CompiledRubric {
    /// `match_phrases` compiled, to tell whether a stated question is this rubric's.
    pub fn match_matcher(&self) -> &PhraseMatcher {
        self.match_matcher
            .get_or_init(|| PhraseMatcher::for_scans([self.match_phrases.iter()], self.scans))
    }

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

    /// The label of the band a score falls in.
    pub fn band_for(&self, score: f64) -> &str {
        self.bands
            .iter()
            .find(|b| score >= b.min)
            .map_or("", |b| b.label.as_str())
    }
}
