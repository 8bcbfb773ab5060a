//! Where the phrases of a `together` signal or condition must meet: one sentence, or one
//! clause of it.

use schemars::JsonSchema;
use serde::Deserialize;

/// Where two or more phrases must meet to count as said together.
#[derive(Clone, Copy, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Within {
    /// Anywhere in one sentence.
    #[default]
    Sentence,
    /// In one clause (cut at a comma, a dash or a connective such as "and", "because"):
    /// "I think it shipped late and leadership decided to cut it" ties no "I" to the
    /// decision, where "I decided to cut it" does.
    Clause,
}
