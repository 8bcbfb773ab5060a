//! Where the phrases of a `together` signal or condition must meet: one sentence, or one
//! clause of it.

use crate::analysis::Analysis;
use crate::text::span::Span;
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

impl Within {
    /// Where a hit in `sentence` at `span` sits, as two hits that meet compare equal: its
    /// sentence, and for `Clause` the start of its clause too (none when no clause holds
    /// it, so it meets nothing).
    pub fn place(self, analysis: &Analysis, sentence: usize, span: Span) -> Option<(usize, usize)> {
        match self {
            Within::Sentence => Some((sentence, 0)),
            Within::Clause => analysis.clause_at(span.start).map(|c| (sentence, c.start)),
        }
    }
}
