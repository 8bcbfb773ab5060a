//! The rubric file format as serde reads it. Unknown keys are rejected; values that need a
//! location in error messages are kept `Spanned`. Validation lives in `load.rs`.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RubricFile {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default = "one")]
    pub version: u32,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    /// Phrases that identify this rubric's question, for `--rubric auto`.
    #[serde(default, rename = "match")]
    pub match_phrases: Vec<String>,
    /// Words an answer to this question can hardly avoid, for the off-topic flag.
    #[serde(default)]
    pub topic: Option<Spanned<Vec<String>>>,
    #[serde(default, rename = "band")]
    pub bands: Vec<Spanned<BandDef>>,
    #[serde(default, rename = "criterion")]
    pub criteria: Vec<Spanned<CriterionDef>>,
    #[serde(default, rename = "mistake")]
    pub mistakes: Vec<Spanned<MistakeDef>>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BandDef {
    pub min: Spanned<f64>,
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CriterionDef {
    pub id: Spanned<String>,
    pub name: String,
    pub weight: Spanned<f64>,
    pub max: Spanned<f64>,
    pub advice: String,
    /// `transcript`, `written` or `any` (default): which answers the criterion scores.
    #[serde(default)]
    pub applies_to: Option<Spanned<String>>,
    #[serde(default, rename = "signal")]
    pub signals: Vec<Spanned<SignalDef>>,
}

/// One signal. Which keys apply depends on `kind`; the loader checks them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SignalDef {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    #[serde(default = "one_f64")]
    pub points: Spanned<f64>,
    #[serde(default)]
    pub cap: Option<Spanned<u32>>,
    /// What to tell the candidate when the signal is absent.
    #[serde(default)]
    pub missing: Option<String>,
    #[serde(default)]
    pub phrases: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub with: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub near: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub to: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub steps: Option<Spanned<Vec<Vec<String>>>>,
    #[serde(default)]
    pub units: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub pattern: Option<Spanned<String>>,
    #[serde(default)]
    pub min_words: Option<usize>,
    #[serde(default)]
    pub max_words: Option<usize>,
    #[serde(default)]
    pub above: Option<f64>,
    #[serde(default)]
    pub below: Option<f64>,
    #[serde(default)]
    pub min_count: Option<usize>,
    /// The named metric a `metric` signal bounds.
    #[serde(default)]
    pub metric: Option<Spanned<String>>,
    #[serde(default)]
    pub examples: Option<ExamplesDef>,
}

fn one_f64() -> Spanned<f64> {
    Spanned::new(0..0, 1.0)
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExamplesDef {
    #[serde(default)]
    pub hit: Vec<String>,
    #[serde(default)]
    pub miss: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MistakeDef {
    pub id: Spanned<String>,
    pub message: String,
    pub penalty: Spanned<f64>,
    #[serde(default)]
    pub advice: Option<String>,
    pub when: Spanned<WhenDef>,
}

/// A mistake's condition; every key given must hold.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WhenDef {
    /// None of these phrases appears (outside a negation).
    #[serde(default)]
    pub absent: Option<Spanned<Vec<String>>>,
    /// At least one of these phrases appears (outside a negation).
    #[serde(default)]
    pub present: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub ratio: Option<RatioDef>,
    /// The phrases occur at least `count` times in all.
    #[serde(default)]
    pub at_least: Option<AtLeastDef>,
    #[serde(default)]
    pub words_below: Option<usize>,
    #[serde(default)]
    pub words_above: Option<usize>,
    /// These signals (`criterion.signal`) earned nothing.
    #[serde(default)]
    pub missing_signals: Option<Spanned<Vec<String>>>,
}

/// One phrase list's count against another's: `of` / max(`to`, 1) above a bound.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RatioDef {
    pub of: Spanned<Vec<String>>,
    pub to: Spanned<Vec<String>>,
    pub above: f64,
    #[serde(default)]
    pub min_count: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AtLeastDef {
    pub phrases: Spanned<Vec<String>>,
    pub count: usize,
}
