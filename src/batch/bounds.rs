//! Bounds a CI run puts on grades (`--fail-under`, `--fail-above`, `--fail-under-criterion`,
//! or a grade.toml check): separate from what is shown, they only decide exit code 1.

use crate::cohort::{Bound, FileError, Violation};
use crate::rubric::CompiledRubric;
use crate::scoring::Grade;

/// The bounds on every file of a run; an empty set only grades.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bounds {
    /// A file scoring below this fails.
    pub min_score: Option<f64>,
    /// A file scoring above this fails (a bad example that must stay bad).
    pub max_score: Option<f64>,
    /// (criterion id, minimum points on that criterion's own scale).
    pub min_criterion: Vec<(String, f64)>,
}

impl Bounds {
    /// Whether no bound is set.
    pub fn is_empty(&self) -> bool {
        self.min_score.is_none() && self.max_score.is_none() && self.min_criterion.is_empty()
    }

    /// The bounds `grade` broke, in the order min-score, max-score, criteria. A criterion
    /// the grade's rubric lacks is an error, not a silent pass.
    pub fn check(&self, grade: &Grade) -> Result<Vec<Violation>, FileError> {
        let mut broken = Vec::new();
        if let Some(limit) = self.min_score.filter(|&limit| grade.score < limit) {
            broken.push(Violation {
                bound: Bound::MinScore,
                criterion: None,
                limit,
                actual: grade.score,
            });
        }
        if let Some(limit) = self.max_score.filter(|&limit| grade.score > limit) {
            broken.push(Violation {
                bound: Bound::MaxScore,
                criterion: None,
                limit,
                actual: grade.score,
            });
        }
        let criteria: Vec<(&str, f64)> = grade
            .criteria
            .iter()
            .map(|c| (c.id.as_str(), c.max))
            .collect();
        self.known_criteria(&grade.rubric.id, &criteria)?;
        for (id, limit) in &self.min_criterion {
            let Some(criterion) = grade.criteria.iter().find(|c| &c.id == id) else {
                continue;
            };
            if criterion.score < *limit {
                broken.push(Violation {
                    bound: Bound::MinCriterion,
                    criterion: Some(id.clone()),
                    limit: *limit,
                    actual: criterion.score,
                });
            }
        }
        Ok(broken)
    }

    /// A bound on a criterion `rubric` lacks is an error, found before any file is graded.
    pub fn check_rubric(&self, rubric: &CompiledRubric) -> Result<(), FileError> {
        let criteria: Vec<(&str, f64)> = rubric
            .criteria
            .iter()
            .map(|c| (c.id.as_str(), c.max))
            .collect();
        self.known_criteria(&rubric.id, &criteria)
    }

    /// The one check that every criterion a bound names is among `criteria` (id, max
    /// points) and asks no more than that criterion's max: a bound no answer could meet is
    /// a mistake in the bound, not a failed answer.
    fn known_criteria(&self, rubric: &str, criteria: &[(&str, f64)]) -> Result<(), FileError> {
        for (id, limit) in &self.min_criterion {
            match criteria.iter().find(|(c, _)| c == id) {
                None => {
                    let ids: Vec<&str> = criteria.iter().map(|(c, _)| *c).collect();
                    return Err(FileError::UnknownCriterion {
                        criterion: id.clone(),
                        rubric: rubric.to_owned(),
                        criteria: ids.join(", "),
                    });
                }
                Some(&(_, max)) if *limit > max => {
                    return Err(FileError::CriterionBoundAboveMax {
                        criterion: id.clone(),
                        rubric: rubric.to_owned(),
                        limit: *limit,
                        max,
                    });
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

/// Why `--fail-under-criterion` could not read its `ID=SCORE`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CriterionBoundError {
    /// Not `ID=SCORE` with an id and a finite score.
    #[error("`{text}`: expected ID=SCORE, e.g. user-pain=2")]
    Form {
        /// The argument as given.
        text: String,
    },
    /// The score is not a number.
    #[error("`{text}`: `{score}` is not a number")]
    NotANumber {
        /// The argument as given.
        text: String,
        /// The part after `=`.
        score: String,
    },
    /// The score is below 0, where no criterion scores.
    #[error("`{text}`: a criterion's score is never below 0")]
    Negative {
        /// The argument as given.
        text: String,
    },
}

/// Why a score bound (`--fail-under`, `--fail-above`, `min-score`, `max-score`) is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoreBoundError {
    /// Not a number.
    #[error("`{0}` is not a number; a score bound is 0–100")]
    NotANumber(String),
    /// Outside 0–100, where no score could ever be: the bound would pass or fail every file.
    #[error("{0} is outside 0–100, the range of a score")]
    OutOfRange(f64),
}

/// Checks that a score bound is within 0–100.
pub fn check_score_bound(score: f64) -> Result<f64, ScoreBoundError> {
    if (0.0..=100.0).contains(&score) {
        Ok(score)
    } else {
        Err(ScoreBoundError::OutOfRange(score))
    }
}

/// Parses a score bound as `--fail-under` and `--fail-above` take it.
pub fn parse_score_bound(text: &str) -> Result<f64, ScoreBoundError> {
    let score: f64 = text
        .trim()
        .parse()
        .map_err(|_| ScoreBoundError::NotANumber(text.to_owned()))?;
    check_score_bound(score)
}

/// Parses `ID=SCORE` as `--fail-under-criterion` takes it.
pub fn parse_criterion_bound(text: &str) -> Result<(String, f64), CriterionBoundError> {
    let form = || CriterionBoundError::Form {
        text: text.to_owned(),
    };
    let (id, score) = text.split_once('=').ok_or_else(form)?;
    let score: f64 = score
        .trim()
        .parse()
        .map_err(|_| CriterionBoundError::NotANumber {
            text: text.to_owned(),
            score: score.to_owned(),
        })?;
    if id.trim().is_empty() || !score.is_finite() {
        return Err(form());
    }
    if score < 0.0 {
        return Err(CriterionBoundError::Negative {
            text: text.to_owned(),
        });
    }
    Ok((id.trim().to_owned(), score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::builtin::load_builtin;

    fn sample() -> Grade {
        let rubric = load_builtin("product-pitch").unwrap();
        crate::grade_text(
            "Members who commute struggle to stream on the train, so churn rises. \
             We would measure retention at month three.",
            &rubric,
        )
    }

    #[test]
    fn reports_each_broken_bound() {
        let grade = sample();
        let first = &grade.criteria[0];
        let bounds = Bounds {
            min_score: Some(grade.score + 1.0),
            max_score: Some(grade.score - 1.0),
            min_criterion: vec![(first.id.clone(), first.score + 0.5)],
        };
        let broken = bounds.check(&grade).unwrap();
        let kinds: Vec<Bound> = broken.iter().map(|v| v.bound).collect();
        assert_eq!(
            kinds,
            [Bound::MinScore, Bound::MaxScore, Bound::MinCriterion]
        );
        assert_eq!(broken[2].actual, first.score);
        assert!(broken[0].to_string().contains("below min-score"));

        let met = Bounds {
            min_score: Some(grade.score),
            max_score: Some(grade.score),
            min_criterion: vec![(first.id.clone(), first.score)],
        };
        assert_eq!(
            met.check(&grade).unwrap(),
            [],
            "a bound equal to the score holds"
        );
    }

    #[test]
    fn an_unknown_criterion_is_an_error() {
        let bounds = Bounds {
            min_criterion: vec![("nope".into(), 1.0)],
            ..Bounds::default()
        };
        assert!(matches!(
            bounds.check(&sample()),
            Err(FileError::UnknownCriterion { .. })
        ));
    }

    #[test]
    fn parses_criterion_bounds() {
        assert_eq!(
            parse_criterion_bound("user-pain=2.5"),
            Ok(("user-pain".into(), 2.5))
        );
        assert!(parse_criterion_bound("user-pain").is_err());
        assert!(parse_criterion_bound("user-pain=lots").is_err());
        assert!(parse_criterion_bound("=2").is_err());
        assert!(matches!(
            parse_criterion_bound("data=-1"),
            Err(CriterionBoundError::Negative { .. })
        ));
    }

    #[test]
    fn score_bounds_are_within_0_to_100() {
        assert_eq!(parse_score_bound("0"), Ok(0.0));
        assert_eq!(parse_score_bound("100"), Ok(100.0));
        assert_eq!(
            parse_score_bound("150"),
            Err(ScoreBoundError::OutOfRange(150.0))
        );
        assert_eq!(
            parse_score_bound("-5"),
            Err(ScoreBoundError::OutOfRange(-5.0))
        );
        assert!(parse_score_bound("NaN").is_err());
        assert!(parse_score_bound("inf").is_err());
        assert!(parse_score_bound("lots").is_err());
    }

    #[test]
    fn a_criterion_bound_above_its_max_is_an_error() {
        let grade = sample();
        let first = &grade.criteria[0];
        let bounds = Bounds {
            min_criterion: vec![(first.id.clone(), first.max + 1.0)],
            ..Bounds::default()
        };
        assert!(matches!(
            bounds.check(&grade),
            Err(FileError::CriterionBoundAboveMax { .. })
        ));
    }
}
