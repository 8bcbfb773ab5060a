//! `sequence`: groups of phrases that come in order through the answer.

use super::{Found, Kind};
use crate::rules::compile::{ListId, PhraseList, SignalCompiler};
use crate::rules::context::{Context, Discount};
use crate::text::Span;
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
/// one of step 2 after it (in a later sentence, or later in the same one when the speaker
/// is in it: "At my last company I owned pricing" is a situation and then a task, "goal
/// then metric" is a list), and so on, until a step is missing. The first step alone earns
/// nothing: it takes two steps to make an order. One phrase never stands for two steps.
/// Headings count, so Markdown sections work; repeated and keyword-packed sentences do
/// not.
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
        let chain = steps_in_order(&self.steps, context);
        let reached = chain.len();
        let mut sentences: Vec<(usize, Vec<Span>)> = Vec::new();
        // One step is no order: it earns nothing and quotes nothing.
        if reached >= 2 {
            for (sentence, span) in chain {
                match sentences.last_mut() {
                    Some((last, spans)) if *last == sentence => spans.push(span),
                    _ => sentences.push((sentence, vec![span])),
                }
            }
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

/// The steps found in order from the first: for each step, its hit that ends first after
/// the previous step's hit (in a later sentence, or later in the same sentence when the
/// speaker tells it, see [`speaker_tells_it`]), stopping at the first step with none.
/// Taking the hit that ends first leaves the most room for
/// the steps after it, so no other choice reaches further.
fn steps_in_order(steps: &[ListId], context: &Context) -> Vec<(usize, Span)> {
    let mut run: Vec<(usize, Span)> = Vec::new();
    for &step in steps {
        let after = run.last().map(|&(s, span)| (s, span.end));
        let next = context.by_list[step as usize]
            .iter()
            .filter(|&&(s, span)| {
                after.is_none_or(|(a, end)| {
                    s > a || (s == a && span.start >= end && speaker_tells_it(context, s))
                })
                    && !matches!(
                        context.discount[s],
                        Some(Discount::Repeated | Discount::KeywordPacked)
                    )
            })
            .min_by_key(|&&(s, span)| (s, span.end));
        match next {
            Some(&hit) => run.push(hit),
            None => break,
        }
    }
    run
}

/// Whether a sentence has the speaker in it ("I", "we", "I'd", "we've"): one sentence can
/// hold a situation and a task ("At my last company I owned pricing") when someone is
/// doing them, while a string of terms ("goal then metric then guardrail") is a list of
/// steps, not steps taken.
fn speaker_tells_it(context: &Context, sentence: usize) -> bool {
    let words = context.analysis.sentences[sentence].words.clone();
    context.analysis.words[words].iter().any(|word| {
        let head = word.text(context.text).split(['\'', '\u{2019}']).next();
        head.is_some_and(|h| h.eq_ignore_ascii_case("i") || h.eq_ignore_ascii_case("we"))
    })
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
    fn steps_in_one_sentence_count_in_their_order() {
        assert_signal(SIGNAL, "I set the goal for members, then the metric to track.", 2);
        assert_signal(SIGNAL, "I picked the metric to track, then the goal.", 0);
        // Nobody does anything in a string of terms: it lists the steps, it takes none.
        assert_signal(SIGNAL, "Always the goal, then the metric, then the rest.", 0);
        // One phrase is not two steps, even when both steps list it.
        assert_signal(
            "kind = \"sequence\"\nsteps = [[\"the goal\"], [\"the goal\", \"the metric\"]]",
            "I wrote down the goal and stopped.",
            0,
        );
    }

    #[test]
    fn one_step_is_not_a_sequence() {
        assert_problems(
            "kind = \"sequence\"\nsteps = [[\"a\"]]",
            &["14:11: `c.s`: a sequence needs at least two steps"],
        );
    }
}
