//! The cohort summary of a batch: one small row per file (the grade's text and evidence are
//! not kept), then count, mean, median, min and max, files per band and each criterion's
//! mean, weakest first. Computed here so that renderers only lay it out.

use super::{FileError, Violation};
use crate::scoring::{Grade, round1, round2};
use crate::span::LineCol;
use serde::Serialize;
use std::collections::BTreeMap;

/// One file of a batch, as a renderer receives it while the batch runs.
#[derive(Clone, Copy, Debug)]
pub struct FileReport<'a> {
    pub name: &'a str,
    pub outcome: Result<&'a Grade, &'a FileError>,
    /// The bounds the grade broke (empty for a file that was not graded).
    pub violations: &'a [Violation],
}

/// What the batch keeps of one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub file: String,
    pub rubric: Option<String>,
    pub score: Option<f64>,
    pub band: Option<String>,
    /// The criterion furthest from its max (ties: the heavier, then the first).
    pub weakest: Option<CriterionScore>,
    /// Every criterion's points, in rubric order.
    pub criteria: Vec<CriterionScore>,
    pub violations: Vec<Violation>,
    pub error: Option<RowError>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionScore {
    pub id: String,
    pub score: f64,
    pub max: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowError {
    pub message: String,
    /// Where in the file, for a bad byte.
    pub position: Option<LineCol>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub rows: Vec<Row>,
    pub cohort: Cohort,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cohort {
    pub files: usize,
    pub graded: usize,
    pub failed: usize,
    /// Graded files that broke at least one bound.
    pub out_of_bounds: usize,
    /// Over the graded files; null when none was graded.
    pub score: Option<ScoreStats>,
    /// Files per band, the band of the highest score first.
    pub bands: Vec<BandCount>,
    /// Each criterion's mean, weakest (lowest share of its max) first.
    pub criteria: Vec<CriterionMean>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreStats {
    pub mean: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BandCount {
    pub band: String,
    pub files: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionMean {
    pub rubric: String,
    pub id: String,
    pub name: String,
    /// Files graded under this criterion's rubric.
    pub files: usize,
    /// Mean points, two decimals.
    pub mean: f64,
    pub max: f64,
    /// mean / max, two decimals.
    pub share: f64,
}

impl Row {
    pub fn new(report: &FileReport) -> Row {
        let mut row = Row {
            file: report.name.to_owned(),
            rubric: None,
            score: None,
            band: None,
            weakest: None,
            criteria: Vec::new(),
            violations: report.violations.to_vec(),
            error: None,
        };
        match report.outcome {
            Ok(grade) => {
                row.rubric = Some(grade.rubric.id.clone());
                row.score = Some(grade.score);
                row.band = Some(grade.band.clone());
                // A criterion left out of the total (delivery, for a written answer) was
                // not judged, so it has no place in the table or the cohort's means.
                row.criteria = grade
                    .criteria
                    .iter()
                    .filter(|c| c.left_out.is_none())
                    .map(|c| CriterionScore {
                        id: c.id.clone(),
                        score: c.score,
                        max: c.max,
                    })
                    .collect();
                row.weakest = weakest(grade);
            }
            Err(error) => {
                row.error = Some(RowError {
                    message: error.to_string(),
                    position: error.position(),
                })
            }
        }
        row
    }
}

fn weakest(grade: &Grade) -> Option<CriterionScore> {
    let share = |c: &crate::scoring::CriterionGrade| {
        if c.max > 0.0 { c.score / c.max } else { 1.0 }
    };
    grade
        .criteria
        .iter()
        .filter(|c| c.left_out.is_none())
        .reduce(|best, c| {
            let (a, b) = (share(c), share(best));
            if a < b || (a == b && c.weight > best.weight) {
                c
            } else {
                best
            }
        })
        .map(|c| CriterionScore {
            id: c.id.clone(),
            score: c.score,
            max: c.max,
        })
}

/// Collects rows as files finish, and criterion names and order as rubrics appear.
#[derive(Default)]
pub struct SummaryBuilder {
    rows: Vec<Row>,
    /// (rubric, criterion) → (name, position in its rubric).
    criteria: BTreeMap<(String, String), (String, usize)>,
}

impl SummaryBuilder {
    pub fn add(&mut self, report: &FileReport) {
        if let Ok(grade) = report.outcome {
            for (position, c) in grade.criteria.iter().enumerate() {
                self.criteria
                    .entry((grade.rubric.id.clone(), c.id.clone()))
                    .or_insert_with(|| (c.name.clone(), position));
            }
        }
        self.rows.push(Row::new(report));
    }

    pub fn finish(self) -> Summary {
        let cohort = cohort(&self.rows, &self.criteria);
        Summary {
            rows: self.rows,
            cohort,
        }
    }
}

fn cohort(rows: &[Row], names: &BTreeMap<(String, String), (String, usize)>) -> Cohort {
    let mut scores: Vec<f64> = rows.iter().filter_map(|r| r.score).collect();
    scores.sort_by(f64::total_cmp);
    let score = (!scores.is_empty()).then(|| {
        let n = scores.len();
        let median = if n % 2 == 1 {
            scores[n / 2]
        } else {
            (scores[n / 2 - 1] + scores[n / 2]) / 2.0
        };
        ScoreStats {
            mean: round1(scores.iter().sum::<f64>() / n as f64),
            median: round1(median),
            min: scores[0],
            max: scores[n - 1],
        }
    });

    // band → (files, highest score in it), so bands list best first.
    let mut bands: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    // (rubric, criterion) → (files, Σ points, max)
    let mut sums: BTreeMap<(&str, &str), (usize, f64, f64)> = BTreeMap::new();
    for row in rows {
        if let (Some(band), Some(score)) = (&row.band, row.score) {
            let entry = bands.entry(band).or_insert((0, f64::MIN));
            entry.0 += 1;
            entry.1 = entry.1.max(score);
        }
        let rubric = row.rubric.as_deref().unwrap_or_default();
        for c in &row.criteria {
            let entry = sums.entry((rubric, &c.id)).or_insert((0, 0.0, c.max));
            entry.0 += 1;
            entry.1 += c.score;
        }
    }
    let mut bands: Vec<(&str, (usize, f64))> = bands.into_iter().collect();
    bands.sort_by(|a, b| b.1.1.total_cmp(&a.1.1).then(a.0.cmp(b.0)));

    let mut criteria: Vec<(f64, usize, CriterionMean)> = sums
        .into_iter()
        .map(|((rubric, id), (files, total, max))| {
            let mean = total / files as f64;
            let share = if max > 0.0 { mean / max } else { 1.0 };
            let (name, position) = names
                .get(&(rubric.to_owned(), id.to_owned()))
                .cloned()
                .unwrap_or_else(|| (id.to_owned(), usize::MAX));
            let mean_row = CriterionMean {
                rubric: rubric.to_owned(),
                id: id.to_owned(),
                name,
                files,
                mean: round2(mean),
                max,
                share: round2(share),
            };
            (share, position, mean_row)
        })
        .collect();
    criteria.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then_with(|| a.2.rubric.cmp(&b.2.rubric))
            .then(a.1.cmp(&b.1))
    });

    let failed = rows.iter().filter(|r| r.error.is_some()).count();
    Cohort {
        files: rows.len(),
        graded: rows.len() - failed,
        failed,
        out_of_bounds: rows.iter().filter(|r| !r.violations.is_empty()).count(),
        score,
        bands: bands
            .into_iter()
            .map(|(band, (files, _))| BandCount {
                band: band.to_owned(),
                files,
            })
            .collect(),
        criteria: criteria.into_iter().map(|(_, _, c)| c).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::builtin::load_builtin;

    fn summarise(texts: &[&str]) -> Summary {
        let rubric = load_builtin("product-pitch").unwrap();
        let mut builder = SummaryBuilder::default();
        for (i, text) in texts.iter().enumerate() {
            let grade = crate::grade_text(text, &rubric);
            builder.add(&FileReport {
                name: &format!("{i}.md"),
                outcome: Ok(&grade),
                violations: &[],
            });
        }
        builder.add(&FileReport {
            name: "broken.md",
            outcome: Err(&FileError::NotFound),
            violations: &[],
        });
        builder.finish()
    }

    #[test]
    fn cohort_statistics_over_the_graded_files() {
        let summary = summarise(&[
            "Members who commute struggle to stream on the train. We would measure month-three retention and expect a two-point lift.",
            "It is an app.",
            "Families in India struggle to find shows. Churn is 8% in month one, so retention matters for Netflix.",
        ]);
        let cohort = &summary.cohort;
        assert_eq!((cohort.files, cohort.graded, cohort.failed), (4, 3, 1));
        let mut scores: Vec<f64> = summary.rows.iter().filter_map(|r| r.score).collect();
        scores.sort_by(f64::total_cmp);
        let stats = cohort.score.as_ref().unwrap();
        assert_eq!(stats.min, scores[0]);
        assert_eq!(stats.max, scores[2]);
        assert_eq!(stats.median, scores[1]);
        assert_eq!(stats.mean, round1(scores.iter().sum::<f64>() / 3.0));
        assert_eq!(cohort.bands.iter().map(|b| b.files).sum::<usize>(), 3);
        let shares: Vec<f64> = cohort.criteria.iter().map(|c| c.share).collect();
        assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
        assert!(cohort.criteria.iter().all(|c| c.files == 3));
        let broken = summary.rows.last().unwrap();
        assert_eq!(broken.error.as_ref().unwrap().message, "no such file");
        assert_eq!(broken.score, None);
    }

    #[test]
    fn weakest_is_the_lowest_share_of_its_max() {
        let summary = summarise(&["Members who commute struggle to stream on the train."]);
        let row = &summary.rows[0];
        let weakest = row.weakest.as_ref().unwrap();
        let lowest = row
            .criteria
            .iter()
            .map(|c| c.score / c.max)
            .fold(f64::MAX, f64::min);
        assert_eq!(weakest.score / weakest.max, lowest);
    }

    #[test]
    fn an_even_count_has_the_middle_mean_as_median() {
        let summary = summarise(&["It is an app.", "Members who commute struggle to stream."]);
        let stats = summary.cohort.score.unwrap();
        assert_eq!(stats.median, round1((stats.min + stats.max) / 2.0));
    }
}
