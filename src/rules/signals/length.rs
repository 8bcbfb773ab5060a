//! `length`: the answer's word count within bounds.

use super::{Found, Kind};
use crate::rules::compile::SignalCompiler;
use crate::rules::context::Context;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `length` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LengthDef {
    /// At least this many words.
    #[serde(default)]
    pub min_words: Option<usize>,
    /// At most this many words.
    #[serde(default)]
    pub max_words: Option<usize>,
}

/// ## What it does
/// Earns `points` once when the answer's word count is within `min-words`..=`max-words`.
/// Judged on the whole answer, so `cap` does not apply.
///
/// ## Why
/// An answer too short to make its case, or so long it buries it, misses what an
/// interviewer can take in.
///
/// ## Keys
/// - `min-words`, `max-words`: the bounds; at least one is required.
///
/// ## Example
/// ```toml
/// kind = "length"
/// min-words = 150
/// max-words = 600
/// ```
#[derive(Clone, Debug)]
pub struct Length {
    min_words: Option<usize>,
    max_words: Option<usize>,
}

impl Kind for Length {
    const NAME: &'static str = "length";
    const SUMMARY: &'static str = "The answer's word count within bounds.";
    type Def = LengthDef;

    fn compile(def: LengthDef, cx: &mut SignalCompiler) -> Option<Self> {
        let LengthDef {
            min_words,
            max_words,
        } = def;
        if min_words.is_none() && max_words.is_none() {
            cx.problem(
                cx.at.clone(),
                "a `length` signal needs `min-words` or `max-words`",
            );
        }
        if let (Some(min), Some(max)) = (min_words, max_words)
            && min > max
        {
            cx.problem(cx.at.clone(), "`min-words` is above `max-words`");
        }
        Some(Length {
            min_words,
            max_words,
        })
    }

    fn evaluate(&self, context: &Context) -> Found {
        let words = context.analysis.word_count();
        let within = self.min_words.is_none_or(|min| words >= min)
            && self.max_words.is_none_or(|max| words <= max);
        let bounds = match (self.min_words, self.max_words) {
            (Some(min), Some(max)) => format!("{min}–{max}"),
            (Some(min), None) => format!("at least {min}"),
            (None, Some(max)) => format!("at most {max}"),
            (None, None) => "any".to_owned(),
        };
        Found {
            units: Some(u32::from(within)),
            note: Some(format!("{words} words (wanted {bounds})")),
            ..Found::default()
        }
    }

    fn describe(&self, _: &[Vec<String>]) -> String {
        format!(
            "words: {}–{}",
            self.min_words.unwrap_or(0),
            self.max_words.map_or("∞".to_owned(), |m| m.to_string())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    #[test]
    fn hits_and_misses() {
        let signal = "kind = \"length\"\nmin-words = 5\nmax-words = 10";
        assert_signal(signal, "We would ship a small pilot first.", 1);
        assert_signal(signal, "Too short.", 0);
        assert_signal(signal, &"word ".repeat(11), 0);
    }

    #[test]
    fn bounds_are_checked() {
        assert_problems(
            "kind = \"length\"",
            &["13:10: `c.s`: a `length` signal needs `min-words` or `max-words`"],
        );
        assert_problems(
            "kind = \"length\"\nmin-words = 9\nmax-words = 3",
            &["13:10: `c.s`: `min-words` is above `max-words`"],
        );
    }
}
