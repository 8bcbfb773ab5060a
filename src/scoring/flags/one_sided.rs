//! `one-sided`: an answer that fills the rubric's other criteria and earns almost nothing
//! of the ones it marks `core` — a pitch that measures everything but never says what is
//! built or for whom.

use super::{Flag, Input};
use crate::scoring::CriterionGrade;

/// The flag's id in reports.
pub const ID: &str = "one-sided";

/// The core criteria together earn under this share of their weighted max. A pitch of
/// metrics picks up a point of the member problem from "per member"; an answer that names
/// its members and their problem earns half or more.
const MAX_CORE_SHARE: f64 = 0.3;
/// While the other criteria earn at least this share of theirs: a thorough answer to part
/// of the question. A weak answer, thin everywhere, is not one-sided, just weak.
const MIN_OTHER_SHARE: f64 = 0.5;
/// And at least this share of the sentences that earned hold a number: the answer
/// measures. A pitch that argues its value in words and forgets its members is weak on
/// one criterion, not an answer to another question.
const MIN_MEASURED_SHARE: f64 = 0.75;

/// Σ weight × score over Σ weight × max of `criteria`; `None` when they hold no weight.
fn share<'a>(criteria: impl Iterator<Item = &'a CriterionGrade>) -> Option<f64> {
    let (earned, max) = criteria.fold((0.0, 0.0), |(e, m), c| {
        (e + c.weight * c.score, m + c.weight * c.max)
    });
    (max > 0.0).then(|| earned / max)
}

/// The first three sentences, in document order, that earned the given criteria points.
fn first_evidence<'a>(
    criteria: impl Iterator<Item = &'a CriterionGrade>,
) -> Vec<crate::scoring::Evidence> {
    let mut evidence: Vec<_> = criteria
        .flat_map(|g| &g.signals)
        .flat_map(|s| s.evidence.iter().cloned())
        .collect();
    evidence.sort_by_key(|e| (e.line, e.column));
    evidence.dedup_by_key(|e| (e.line, e.column));
    evidence.truncate(3);
    evidence
}

/// The share of the sentences that earned points that hold a number.
fn measured(input: &Input) -> f64 {
    let analysis = input.analysis;
    let mut numbered = vec![false; analysis.sentences.len()];
    for quantity in &analysis.quantities {
        if let Some(sentence) = analysis.sentence_at(quantity.span.start) {
            numbered[sentence] = true;
        }
    }
    let earning: Vec<usize> = (0..numbered.len()).filter(|&s| input.earned[s]).collect();
    let with_number = earning.iter().filter(|&&s| numbered[s]).count();
    with_number as f64 / earning.len().max(1) as f64
}

/// ## What it does
/// Fires when the criteria the rubric marks `core = true` earn under 30% of their points
/// while the other criteria (those that apply) earn 50% or more of theirs, and three in
/// four of the sentences that earned hold a number. Read from the
/// rubric's own structure, so any rubric that marks its core criteria gets it.
///
/// ## Why
/// A pitch that names every metric, a north star, guardrails and effect sizes can score
/// "Good" while it never says what would be built or for whom: the points are real, but
/// they answer part of the question.
///
/// ## Example
/// Fires: a product pitch of metrics, guardrails and sample sizes, with no member group
/// and no problem.
/// Quiet: a pitch that opens with who struggles and why, whatever else it lacks.
pub(super) fn check(input: &Input) -> Option<Flag> {
    let rubric = &input.rubric.criteria;
    let pairs = || {
        rubric
            .iter()
            .zip(input.criteria)
            .filter(|(_, graded)| graded.left_out.is_none())
    };
    let core = share(pairs().filter(|(c, _)| c.core).map(|(_, g)| g))?;
    let other = share(pairs().filter(|(c, _)| !c.core).map(|(_, g)| g))?;
    if core >= MAX_CORE_SHARE || other < MIN_OTHER_SHARE || measured(input) < MIN_MEASURED_SHARE {
        return None;
    }
    let names: Vec<String> = pairs()
        .filter(|(c, _)| c.core)
        .map(|(c, _)| format!("“{}”", c.name))
        .collect();
    Some(Flag {
        id: ID,
        message: format!(
            "It earns {:.0}% of the other criteria's points but only {:.0}% of {}, which an answer to this question cannot do without: it answers part of the question.",
            100.0 * other,
            100.0 * core,
            names.join(" and ")
        ),
        evidence: first_evidence(pairs().filter(|(c, _)| !c.core).map(|(_, g)| g)),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test::{STRONG_PITCH, flags};

    #[test]
    fn fires_on_a_pitch_of_metrics_only() {
        let answer = include_str!("../../../fixtures/flags/one-sided.md");
        assert!(flags(answer, "product-pitch").contains(&super::ID));
        assert!(!flags(STRONG_PITCH, "product-pitch").contains(&super::ID));
        // A rubric that marks no criterion core never raises it.
        assert!(!flags(answer, "metrics").contains(&super::ID));
    }
}
