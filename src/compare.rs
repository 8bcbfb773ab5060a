//! What a rewrite changed: two grades of drafts of one answer under one rubric, compared
//! criterion by criterion — score, evidence gained and lost, mistakes fixed or introduced,
//! flags raised or cleared — so a candidate sees whether the new draft is better and why.

use crate::scoring::{Evidence, Grade};
use serde::Serialize;

/// What a rewrite changed between two grades under one rubric.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// The rubric's id.
    pub rubric: String,
    /// The first draft.
    pub before: Side,
    /// The rewrite.
    pub after: Side,
    /// After minus before, one decimal.
    pub change: f64,
    /// Each criterion's points before and after, and the evidence gained and lost.
    pub criteria: Vec<CriterionChange>,
    /// Mistakes the first draft made and the rewrite does not.
    pub mistakes_fixed: Vec<String>,
    /// Mistakes only the rewrite makes.
    pub mistakes_introduced: Vec<String>,
    /// Flags raised on the first draft only.
    pub flags_cleared: Vec<String>,
    /// Flags raised on the rewrite only.
    pub flags_raised: Vec<String>,
}

/// One draft's headline figures.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    /// Its file, when it has one.
    pub file: Option<String>,
    /// Its score, 0–100.
    pub score: f64,
    /// Its band.
    pub band: String,
    /// Its words.
    pub words: usize,
}

/// One criterion before and after.
#[derive(Clone, Debug, Serialize)]
pub struct CriterionChange {
    /// The criterion's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Points possible.
    pub max: f64,
    /// Points before.
    pub before: f64,
    /// Points after.
    pub after: f64,
    /// Sentences quoted as evidence after but not before (matched by their words, since
    /// line numbers move between drafts).
    pub gained: Vec<Evidence>,
    /// Evidence the first draft had and the rewrite lost.
    pub lost: Vec<Evidence>,
}

/// Compares two grades; criteria are matched by id, in the order of `after`'s rubric.
pub fn compare(before: &Grade, after: &Grade) -> Comparison {
    let criteria = after
        .criteria
        .iter()
        .map(|a| {
            let b = before.criteria.iter().find(|b| b.id == a.id);
            let quotes = |c: Option<&crate::scoring::CriterionGrade>| -> Vec<Evidence> {
                let mut all: Vec<Evidence> = c
                    .into_iter()
                    .flat_map(|c| &c.signals)
                    .flat_map(|s| s.evidence.iter().cloned())
                    .collect();
                all.sort_by_key(|e| (e.line, e.column));
                all.dedup_by(|x, y| x.quote == y.quote);
                all
            };
            let (old, new) = (quotes(b), quotes(Some(a)));
            let missing_from = |from: &[Evidence], of: &[Evidence]| -> Vec<Evidence> {
                of.iter()
                    .filter(|e| from.iter().all(|f| f.quote != e.quote))
                    .cloned()
                    .collect()
            };
            CriterionChange {
                id: a.id.clone(),
                name: a.name.clone(),
                max: a.max,
                before: b.map_or(0.0, |b| b.score),
                after: a.score,
                gained: missing_from(&old, &new),
                lost: missing_from(&new, &old),
            }
        })
        .collect();
    let mistakes = |g: &Grade| -> Vec<String> { g.mistakes.iter().map(|m| m.id.clone()).collect() };
    let flags = |g: &Grade| -> Vec<String> { g.flags.iter().map(|f| f.id.to_owned()).collect() };
    // What the first list has that the second lacks.
    let only_in = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|x| !b.contains(x)).cloned().collect()
    };
    let (mistakes_before, mistakes_after) = (mistakes(before), mistakes(after));
    let (flags_before, flags_after) = (flags(before), flags(after));
    let side = |g: &Grade| Side {
        file: g.file.clone(),
        score: g.score,
        band: g.band.clone(),
        words: g.stats.words,
    };
    Comparison {
        rubric: after.rubric.id.clone(),
        before: side(before),
        after: side(after),
        change: crate::scoring::round1(after.score - before.score),
        criteria,
        mistakes_fixed: only_in(&mistakes_before, &mistakes_after),
        mistakes_introduced: only_in(&mistakes_after, &mistakes_before),
        flags_cleared: only_in(&flags_before, &flags_after),
        flags_raised: only_in(&flags_after, &flags_before),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade_text;
    use crate::rubric::builtin::load_builtin;

    #[test]
    fn a_rewrite_that_adds_a_metric_gains_evidence_and_fixes_the_mistake() {
        let rubric = load_builtin("product-pitch").unwrap();
        let draft = "I would build a watch party feature for Netflix members who live apart from \
            their families. They struggle to watch together today, so they leave for video calls \
            with screen sharing, which looks bad. It would make members happier.";
        let rewrite = format!(
            "{draft} I would measure success by 90-day retention of members who host a party, \
             and expect a two-point lift, with support tickets as the guardrail."
        );
        let before = grade_text(draft, &rubric);
        let after = grade_text(&rewrite, &rubric);
        let comparison = compare(&before, &after);
        assert!(comparison.change > 0.0, "{comparison:#?}");
        let data = comparison.criteria.iter().find(|c| c.id == "data").unwrap();
        assert!(data.after > data.before);
        assert!(
            data.gained
                .iter()
                .any(|e| e.quote.contains("90-day retention"))
        );
        assert!(data.lost.is_empty());
        assert!(
            comparison.mistakes_fixed.contains(&"no-metric".to_owned()),
            "{comparison:#?}"
        );
        assert!(comparison.mistakes_introduced.is_empty());
    }

    #[test]
    fn comparing_a_grade_with_itself_changes_nothing() {
        let rubric = load_builtin("product-pitch").unwrap();
        let grade = grade_text(
            include_str!("../fixtures/product-pitch/medium-mood-picker.md"),
            &rubric,
        );
        let comparison = compare(&grade, &grade);
        assert_eq!(comparison.change, 0.0);
        assert!(
            comparison
                .criteria
                .iter()
                .all(|c| c.gained.is_empty() && c.lost.is_empty() && c.before == c.after)
        );
        assert!(comparison.mistakes_fixed.is_empty() && comparison.flags_raised.is_empty());
    }
}
