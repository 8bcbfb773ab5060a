//! `sequence`: groups of phrases that come in order through the answer.

use super::{Found, Kind};
use crate::rules::compile::{ListId, PhraseList, SignalCompiler};
use crate::rules::context::{Context, Discount};
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `sequence` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SequenceDef {
    /// The steps in order, each a phrase list; at least two. Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "Vec<PhraseList>", extend("minItems" = 2))]
    pub steps: Option<Vec<Vec<String>>>,
}

/// ## What it does
/// Earns `points` for each step found after the one before it: a phrase of step 1, then
/// one of step 2 in a later sentence, and so on. The first step alone earns nothing: it
/// takes two steps to make an order. Headings count, so Markdown sections work; repeated
/// and keyword-packed sentences do not.
///
/// ## Why
/// Order is structure: situation before action before result, the goal before the
/// metrics. A lesson with nothing after it is a lesson, not a lesson applied; other
/// signals credit the step on its own.
///
/// ## Keys
/// - `steps` (required): two or more phrase lists.
///
/// ## Example
/// ```toml
/// kind = "sequence"
/// steps = [["situation", "context"], ["i decided", "i did"], ["result", "as a result"]]
/// ```
#[derive(Clone, Debug)]
pub struct Sequence {
    steps: Vec<ListId>,
}

impl Kind for Sequence {
    const NAME: &'static str = "sequence";
    const SUMMARY: &'static str =
        "Phrase groups that appear in this order through the answer; points per step reached in order, from two steps.";
    type Def = SequenceDef;

    fn compile(def: SequenceDef, cx: &mut SignalCompiler) -> Option<Self> {
        let steps = cx.needs(def.steps.as_ref(), "steps")?;
        let span = cx.span("steps");
        if steps.len() < 2 {
            cx.problem(span.clone(), "a sequence needs at least two steps");
        }
        let mut ids = Vec::new();
        for step in steps {
            if step.is_empty() || step.iter().any(|p| p.trim().is_empty()) {
                cx.problem(
                    span.clone(),
                    "a sequence step is an empty phrase list or holds an empty phrase",
                );
            }
            ids.push(cx.lists.add(step, span.clone(), cx.problems, cx.id));
        }
        Some(Sequence { steps: ids })
    }

    fn evaluate(&self, context: &Context) -> Found {
        let mut sentences = Vec::new();
        let mut after: Option<usize> = None;
        for &step in &self.steps {
            let next = context.by_list[step as usize].iter().find(|&&(s, _)| {
                after.is_none_or(|a| s > a)
                    && !matches!(
                        context.discount[s],
                        Some(Discount::Repeated | Discount::KeywordPacked)
                    )
            });
            match next {
                Some(&(sentence, span)) => {
                    sentences.push((sentence, vec![span]));
                    after = Some(sentence);
                }
                None => break,
            }
        }
        let reached = sentences.len();
        // One step is no order: it earns nothing and quotes nothing.
        if reached < 2 {
            sentences.clear();
        }
        Found {
            units: Some(if reached < 2 { 0 } else { reached as u32 }),
            note: Some(format!("{reached} of {} steps in order", self.steps.len())),
            sentences,
        }
    }

    fn describe(&self, lists: &[Vec<String>]) -> String {
        self.steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("step {}: {}", i + 1, lists[*s as usize].join(", ")))
            .collect::<Vec<_>>()
            .join("\n      ")
    }

    fn max_units(&self, _: u32) -> u32 {
        self.steps.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    const SIGNAL: &str = "kind = \"sequence\"\nsteps = [[\"the goal\"], [\"the metric\"]]";

    #[test]
    fn hits_and_misses() {
        assert_signal(
            SIGNAL,
            "First I would state the goal for members. Then I would pick the metric to track.",
            2,
        );
        // The metric before the goal reaches only the first step, later: no order.
        assert_signal(
            SIGNAL,
            "I would pick the metric to track first. Then I would state the goal for members.",
            0,
        );
        assert_signal(SIGNAL, "Nothing here speaks to either of the steps.", 0);
    }

    #[test]
    fn one_step_is_not_a_sequence() {
        assert_problems(
            "kind = \"sequence\"\nsteps = [[\"a\"]]",
            &["14:11: `c.s`: a sequence needs at least two steps"],
        );
    }
}
