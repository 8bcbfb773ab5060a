//! Bounds a CI run puts on grades (`--fail-under`, `--fail-above`, `--fail-under-criterion`,
//! or a grade.toml check): separate from what is shown, they only decide exit code 1.

use super::FileError;
use crate::scoring::Grade;
use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bounds {
    /// A file scoring below this fails.
    pub min_score: Option<f64>,
    /// A file scoring above this fails (a bad example that must stay bad).
    pub max_score: Option<f64>,
    /// (criterion id, minimum points on that criterion's own scale).
    pub min_criterion: Vec<(String, f64)>,
}

/// A bound a grade broke.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Violation {
    /// `min-score`, `max-score` or `min-criterion`, as grade.toml spells them.
    pub bound: &'static str,
    /// The criterion of a `min-criterion` bound.
    pub criterion: Option<String>,
    pub limit: f64,
    pub actual: f64,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.criterion, self.bound) {
            (Some(criterion), _) => write!(
                f,
                "criterion {criterion} scored {}, below min-criterion {}",
                self.actual, self.limit
            ),
            (None, "max-score") => write!(
                f,
                "score {:.1} is above max-score {}",
                self.actual, self.limit
            ),
            (None, _) => write!(
                f,
                "score {:.1} is below min-score {}",
                self.actual, self.limit
            ),
        }
    }
}

impl Bounds {
    pub fn is_empty(&self) -> bool {
        self.min_score.is_none() && self.max_score.is_none() && self.min_criterion.is_empty()
    }

    /// The bounds `grade` broke, in the order min-score, max-score, criteria. A criterion
    /// the grade's rubric lacks is an error, not a silent pass.
    pub fn check(&self, grade: &Grade) -> Result<Vec<Violation>, FileError> {
        let mut broken = Vec::new();
        if let Some(limit) = self.min_score.filter(|&limit| grade.score < limit) {
            broken.push(Violation {
                bound: "min-score",
                criterion: None,
                limit,
                actual: grade.score,
            });
        }
        if let Some(limit) = self.max_score.filter(|&limit| grade.score > limit) {
            broken.push(Violation {
                bound: "max-score",
                criterion: None,
                limit,
                actual: grade.score,
            });
        }
        for (id, limit) in &self.min_criterion {
            let Some(criterion) = grade.criteria.iter().find(|c| &c.id == id) else {
                return Err(FileError::UnknownCriterion {
                    criterion: id.clone(),
                    rubric: grade.rubric.id.clone(),
                });
            };
            if criterion.score < *limit {
                broken.push(Violation {
                    bound: "min-criterion",
                    criterion: Some(id.clone()),
                    limit: *limit,
                    actual: criterion.score,
                });
            }
        }
        Ok(broken)
    }
}

/// Parses `ID=SCORE` as `--fail-under-criterion` takes it.
pub fn parse_criterion_bound(text: &str) -> Result<(String, f64), String> {
    let (id, score) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}`: expected ID=SCORE, e.g. user-pain=2"))?;
    let score: f64 = score
        .trim()
        .parse()
        .map_err(|_| format!("`{text}`: `{score}` is not a number"))?;
    if id.trim().is_empty() || !score.is_finite() {
        return Err(format!("`{text}`: expected ID=SCORE, e.g. user-pain=2"));
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
        let kinds: Vec<&str> = broken.iter().map(|v| v.bound).collect();
        assert_eq!(kinds, ["min-score", "max-score", "min-criterion"]);
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
    }
}
