//! `grade rubrics list` and `grade rubrics check`: the built-in rubrics one per line, and
//! the outcome of running a rubric's signal examples.

use crate::rubric::CompiledRubric;
use crate::rubric::redundant::Redundant;
use std::fmt::Display;

/// One line per rubric: id, title, number of criteria.
pub fn render_list<'a>(rubrics: impl IntoIterator<Item = &'a CompiledRubric>) -> String {
    rubrics
        .into_iter()
        .map(|rubric| {
            format!(
                "{:<20} {:<32} {} criteria\n",
                rubric.id,
                rubric.title,
                rubric.criteria.len()
            )
        })
        .collect()
}

/// `NAME: ok (N examples passed)`, or how many of them failed and each failure.
pub fn render_examples(name: &str, failures: &[impl Display], ran: usize) -> String {
    if failures.is_empty() {
        return format!("{name}: ok ({ran} examples passed)\n");
    }
    let mut out = format!("{name}: {} of {ran} examples failed\n", failures.len());
    for failure in failures {
        out.push_str(&format!("  {failure}\n"));
    }
    out
}

/// Warnings for entries a rubric's lists do not need, one `warning: …` line each, for
/// standard error.
pub fn render_redundant(name: &str, entries: &[Redundant]) -> String {
    entries
        .iter()
        .map(|r| {
            format!(
                "warning: {name}: `{}`: {:?} adds nothing to {:?} (the same stems)\n",
                r.key, r.redundant, r.kept
            )
        })
        .collect()
}
