//! Rubric examples as tests: every `examples.hit` sentence must earn its signal and every
//! `examples.miss` must not, scored exactly as answers are.

use crate::rubric::CompiledRubric;
use crate::{analyze, parse};

/// One example that did not behave as its rubric says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleFailure {
    pub criterion: String,
    pub signal: String,
    pub expected_hit: bool,
    pub example: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let expectation = if self.expected_hit {
            "should earn"
        } else {
            "should not earn"
        };
        write!(
            f,
            "{}.{}: {expectation} the signal: \"{}\"",
            self.criterion, self.signal, self.example
        )
    }
}

/// Runs every example of the rubric; returns the failures and how many examples ran.
pub fn check(rubric: &CompiledRubric) -> (Vec<ExampleFailure>, usize) {
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
                let hit = grade.criteria[ci].signals[si].earned > 0.0;
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
