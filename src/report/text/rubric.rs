//! A rubric laid out for reading (`grade rubrics show`): criteria with their weights and
//! share of the score, each signal with what it looks for, advice, mistakes and bands.

use crate::rubric::{AppliesTo, CompiledRubric};
use std::fmt::Write;

/// A rubric laid out for reading: criteria, weights, signals with their phrases, advice,
/// mistakes and bands.
pub fn render_rubric(rubric: &CompiledRubric) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} (version {})",
        rubric.id, rubric.title, rubric.version
    );
    if let Some(question) = &rubric.question {
        let _ = writeln!(out, "question: {question}");
    }
    if let Some(summary) = &rubric.summary {
        let _ = writeln!(out, "{summary}");
    }
    let total = rubric.total_weighted_max();
    for criterion in &rubric.criteria {
        let share = 100.0 * criterion.weight * criterion.max / total;
        let applies = match criterion.applies_to {
            AppliesTo::Any => String::new(),
            other => format!("; {} answers only", other.name()),
        };
        let _ = writeln!(
            out,
            "\n{} [{}]  weight {}, max {} ({share:.0}% of the score{applies})",
            criterion.name, criterion.id, criterion.weight, criterion.max
        );
        let _ = writeln!(out, "  advice: {}", criterion.advice);
        for signal in &criterion.signals {
            let _ = writeln!(
                out,
                "  - {} ({}, {} point(s) a sentence, up to {})",
                signal.id,
                signal.kind.name(),
                signal.points,
                signal.cap
            );
            let _ = writeln!(out, "      {}", signal.kind.describe(&rubric.shown));
        }
    }
    if !rubric.mistakes.is_empty() {
        let _ = writeln!(out, "\nMistakes");
        for mistake in &rubric.mistakes {
            let _ = writeln!(
                out,
                "  - {} (−{}): {}",
                mistake.id, mistake.penalty, mistake.message
            );
        }
    }
    let _ = writeln!(out, "\nBands");
    for band in &rubric.bands {
        let _ = writeln!(out, "  {:>5.1}+  {}", band.min, band.label);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::builtin::load_builtin;

    #[test]
    fn lays_out_criteria_signals_mistakes_and_bands() {
        let rubric = load_builtin("product-pitch").unwrap();
        let out = render_rubric(&rubric);
        assert!(out.starts_with(&format!("{} — {}", rubric.id, rubric.title)));
        for criterion in &rubric.criteria {
            assert!(out.contains(&format!("\n{} [{}]", criterion.name, criterion.id)));
            for signal in &criterion.signals {
                assert!(out.contains(&format!("  - {} ({}", signal.id, signal.kind.name())));
            }
        }
        assert!(out.contains("\nBands\n"));
        assert!(out.ends_with(&format!("+  {}\n", rubric.bands.last().unwrap().label)));
    }
}
