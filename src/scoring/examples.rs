//! Rubric examples as tests: every `examples.hit` sentence must earn its signal and every
//! `examples.miss` must not, scored exactly as answers are.

use crate::rubric::{CompiledRubric, Concept};
use crate::{analyze, parse};

/// One example that did not behave as its rubric says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The criterion's id.
    pub criterion: String,
    /// The signal's id.
    pub signal: String,
    /// True for an `examples.hit` sentence, false for a miss.
    pub expected_hit: bool,
    /// The example sentence.
    pub example: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let expectation = if self.expected_hit {
            "should earn"
        } else {
            "should not earn"
        };
        match self.criterion.strip_prefix('@') {
            Some(concept) => {
                let expectation = if self.expected_hit {
                    "should hold"
                } else {
                    "should not hold"
                };
                write!(
                    f,
                    "@{concept}: {expectation} one of the concept's phrases: \"{}\"",
                    self.example
                )
            }
            None => write!(
                f,
                "{}.{}: {expectation} the signal: \"{}\"",
                self.criterion, self.signal, self.example
            ),
        }
    }
}

/// Runs every example of the rubric, its signals' and its own concepts'; returns the
/// failures and how many examples ran.
pub fn check(rubric: &CompiledRubric) -> (Vec<ExampleFailure>, usize) {
    let (mut failures, mut ran) = check_signals(rubric);
    for concept in &rubric.concepts {
        let (more, count) = check_concept(concept);
        failures.extend(more);
        ran += count;
    }
    (failures, ran)
}

/// Runs a concept's examples, as a phrases signal of its phrases would score them; a
/// failure names the concept as `@id`.
pub fn check_concept(concept: &Concept) -> (Vec<ExampleFailure>, usize) {
    let Ok(probe) = crate::rubric::concepts::probe(concept) else {
        return (Vec::new(), 0);
    };
    let (mut failures, ran) = check_signals(&probe);
    for failure in &mut failures {
        failure.criterion = format!("@{}", concept.id);
    }
    (failures, ran)
}

fn check_signals(rubric: &CompiledRubric) -> (Vec<ExampleFailure>, usize) {
    let mut failures = Vec::new();
    let mut ran = 0;
    for (ci, criterion) in rubric.criteria.iter().enumerate() {
        for (si, signal) in criterion.signals.iter().enumerate() {
            let cases = signal
                .examples
                .hit
                .iter()
                .map(|e| (e, true))
                .chain(signal.examples.miss.iter().map(|e| (e, false)));
            for (example, expected_hit) in cases {
                ran += 1;
                let document = parse(example);
                let analysis = analyze(&document);
                let grade = super::score(&document, &analysis, rubric);
                // A criterion that does not apply to the example's form (a transcript-only
                // criterion given written text) has no signals: its example earns nothing.
                let hit = grade.criteria[ci]
                    .signals
                    .get(si)
                    .is_some_and(|s| s.earned > 0.0);
                if hit != expected_hit {
                    failures.push(ExampleFailure {
                        criterion: criterion.id.clone(),
                        signal: signal.id.clone(),
                        expected_hit,
                        example: example.clone(),
                    });
                }
            }
        }
    }
    (failures, ran)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing `load_rubric`: a transcript-only criterion whose example is not a
    /// transcript (its timing line is broken) is left out, and indexing its signals panicked.
    #[test]
    fn an_example_in_the_wrong_form_fails_instead_of_panicking() {
        let rubric = crate::rubric::load(
            r#"
id = "delivery-only"
title = "Delivery"

[[criterion]]
id = "delivery"
name = "Delivery"
weight = 1
max = 1
applies-to = "transcript"
advice = "Speak at a steady pace."

  [[criterion.signal]]
  id = "few-fillers"
  kind = "metric"
  metric = "fillers-per-100-words"
  below = 5
  points = 1
  examples.hit = ["[00:00.00-0 -> 00:05.000] so the feature I would pitch is a shared watchlist"]
"#,
        )
        .unwrap();
        let (failures, ran) = check(&rubric);
        assert_eq!(ran, 1);
        assert_eq!(failures.len(), 1);
        assert!(failures[0].expected_hit);
    }
}
