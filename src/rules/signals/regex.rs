//! `regex`: a pattern (case-insensitive) that matches inside a sentence.

use super::{Found, Kind};
use crate::rules::compile::SignalCompiler;
use crate::rules::context::Context;
use crate::text::span::Span;
use regex::RegexBuilder;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `regex` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RegexDef {
    /// The pattern, in Rust regex syntax, matched case-insensitively. Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    pub pattern: Option<String>,
}

/// ## What it does
/// Earns `points` for each sentence, up to `cap`, in which the pattern matches
/// (case-insensitive), among the sentences that may earn points.
///
/// ## Why
/// For shapes a phrase list cannot express: "by 3 weeks", "within 10 days".
///
/// ## Keys
/// - `pattern` (required): the regex. An invalid one is reported with the regex
///   crate's message, at the pattern.
///
/// ## Example
/// ```toml
/// kind = "regex"
/// pattern = '\bby \d+ (days|weeks)\b'
/// ```
#[derive(Clone, Debug)]
pub struct Regex {
    regex: Box<regex::Regex>,
}

impl Kind for Regex {
    const NAME: &'static str = "regex";
    const SUMMARY: &'static str = "The pattern (case-insensitive) matches inside a sentence.";
    type Def = RegexDef;

    fn compile(def: RegexDef, cx: &mut SignalCompiler) -> Option<Self> {
        let pattern = cx.needs(def.pattern.as_ref(), "pattern")?;
        // The size limit keeps a hostile rubric from compiling a huge automaton.
        match RegexBuilder::new(pattern)
            .case_insensitive(true)
            .size_limit(1 << 22)
            .build()
        {
            Ok(regex) => Some(Regex {
                regex: Box::new(regex),
            }),
            Err(error) => {
                let message = error.to_string().replace('\n', "\n    ");
                cx.problem(cx.span("pattern"), format!("invalid regex: {message}"));
                None
            }
        }
    }

    fn evaluate(&self, context: &Context) -> Found {
        let sentences = context
            .analysis
            .sentences
            .iter()
            .enumerate()
            .filter(|&(i, _)| context.counts(i))
            .filter_map(|(i, sentence)| {
                let m = self.regex.find(sentence.span.text(context.text))?;
                let start = sentence.span.start + m.start();
                Some((i, vec![Span::new(start, start + m.len())]))
            })
            .collect();
        Found {
            sentences,
            ..Found::default()
        }
    }

    fn describe(&self, _: &[Vec<String>]) -> String {
        format!("pattern: {}", self.regex.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_signal, problems};

    #[test]
    fn hits_and_misses() {
        let signal = "kind = \"regex\"\npattern = '\\bby \\d+ (days|weeks)\\b'";
        assert_signal(signal, "We would ship the pilot by 6 weeks from now.", 1);
        assert_signal(signal, "We would ship the pilot soon after that.", 0);
    }

    #[test]
    fn an_invalid_pattern_is_reported_at_the_pattern() {
        let found = problems("kind = \"regex\"\npattern = \"(unclosed\"");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("14:13: `c.s`: invalid regex"), "{found:?}");
    }
}
