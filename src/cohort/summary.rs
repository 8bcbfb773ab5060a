//! The cohort summary of a batch: one small row per file (the grade's text and evidence are
//! not kept), then count, mean, median, min and max, files per band and each criterion's
//! mean, weakest first. Computed here so that renderers only lay it out.

use super::file::{FileReport, Violation};
use crate::scoring::{Grade, round1, round2};
use crate::text::span::LineCol;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the batch keeps of one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The file's name as shown.
    pub file: String,
    /// The rubric it was graded under.
    pub rubric: Option<String>,
    /// Its score, 0–100.
    pub score: Option<f64>,
    /// Its band.
    pub band: Option<String>,
    /// The criterion furthest from its max (ties: the heavier, then the first).
    pub weakest: Option<CriterionScore>,
    /// Every criterion's points, in rubric order.
    pub criteria: Vec<CriterionScore>,
    /// The bounds it broke.
    pub violations: Vec<Violation>,
    /// Why it was not graded.
    pub error: Option<RowError>,
}

/// A criterion's points and its max.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionScore {
    /// The criterion's id.
    pub id: String,
    /// Points earned.
    pub score: f64,
    /// Points possible.
    pub max: f64,
}

/// Why a file was not graded, as a row keeps it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowError {
    /// The error's message.
    pub message: String,
    /// Where in the file, for a bad byte.
    pub position: Option<LineCol>,
}

/// What a batch renderer lays out at the end: the rows (when kept) and the cohort.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// One per file, in path order; empty when the renderer needs none.
    pub rows: Vec<Row>,
    /// The figures over every file.
    pub cohort: Cohort,
}

/// The cohort's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cohort {
    /// Files in the batch.
    pub files: usize,
    /// Files graded.
    pub graded: usize,
    /// Files that could not be graded.
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

/// Score statistics over the graded files.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreStats {
    /// Mean, one decimal.
    pub mean: f64,
    /// Median, one decimal.
    pub median: f64,
    /// Lowest score.
    pub min: f64,
    /// Highest score.
    pub max: f64,
}

/// How many files got a band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BandCount {
    /// The band.
    pub band: String,
    /// Files in it.
    pub files: usize,
}

/// A criterion's mean over the files of its rubric.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionMean {
    /// The rubric's id.
    pub rubric: String,
    /// The criterion's id.
    pub id: String,
    /// The criterion's name.
    pub name: String,
    /// Files graded under this criterion's rubric.
    pub files: usize,
    /// Mean points, two decimals.
    pub mean: f64,
    /// Points possible.
    pub max: f64,
    /// mean / max, two decimals.
    pub share: f64,
}

impl Row {
    /// The row of one file.
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

/// Collects the cohort's figures as files finish, and the rows too when the renderer lays
/// them out at the end (a table, CSV, JUnit). Streaming renderers (JSON Lines, JSON, SARIF,
/// GitHub) need none, so memory then grows by a score per file, not a row.
pub struct SummaryBuilder {
    keep_rows: bool,
    rows: Vec<Row>,
    files: usize,
    failed: usize,
    out_of_bounds: usize,
    scores: Vec<f64>,
    /// band → (files, highest score in it), so bands list best first.
    bands: BTreeMap<String, (usize, f64)>,
    /// rubric → criterion → running sums and where it sits in its rubric.
    criteria: BTreeMap<String, BTreeMap<String, CriterionSums>>,
}

struct CriterionSums {
    name: String,
    position: usize,
    files: usize,
    total: f64,
    max: f64,
}

impl Default for SummaryBuilder {
    fn default() -> Self {
        SummaryBuilder::new(true)
    }
}

impl SummaryBuilder {
    /// `keep_rows`: whether [`Summary::rows`] should hold a row per file.
    pub fn new(keep_rows: bool) -> Self {
        SummaryBuilder {
            keep_rows,
            rows: Vec::new(),
            files: 0,
            failed: 0,
            out_of_bounds: 0,
            scores: Vec::new(),
            bands: BTreeMap::new(),
            criteria: BTreeMap::new(),
        }
    }

    /// Counts one file, in path order.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.out_of_bounds += usize::from(!report.violations.is_empty());
        match report.outcome {
            Ok(grade) => {
                self.scores.push(grade.score);
                let band = match self.bands.get_mut(grade.band.as_str()) {
                    Some(band) => band,
                    None => self
                        .bands
                        .entry(grade.band.clone())
                        .or_insert((0, f64::MIN)),
                };
                band.0 += 1;
                band.1 = band.1.max(grade.score);
                let rubric = match self.criteria.get_mut(grade.rubric.id.as_str()) {
                    Some(rubric) => rubric,
                    None => self.criteria.entry(grade.rubric.id.clone()).or_default(),
                };
                // Criteria left out of the total (delivery, for a written answer) were not
                // judged, so they stay out of the means, as out of the rows.
                let judged = grade.criteria.iter().filter(|c| c.left_out.is_none());
                for (position, c) in judged.enumerate() {
                    let sums = match rubric.get_mut(c.id.as_str()) {
                        Some(sums) => sums,
                        None => rubric.entry(c.id.clone()).or_insert(CriterionSums {
                            name: c.name.clone(),
                            position,
                            files: 0,
                            total: 0.0,
                            max: c.max,
                        }),
                    };
                    sums.files += 1;
                    sums.total += c.score;
                }
            }
            Err(_) => self.failed += 1,
        }
        if self.keep_rows {
            self.rows.push(Row::new(report));
        }
    }

    /// The summary of every file added.
    pub fn finish(self) -> Summary {
        let mut scores = self.scores;
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
        let mut bands: Vec<(String, (usize, f64))> = self.bands.into_iter().collect();
        bands.sort_by(|a, b| b.1.1.total_cmp(&a.1.1).then(a.0.cmp(&b.0)));
        let mut criteria: Vec<(f64, usize, CriterionMean)> = Vec::new();
        for (rubric, by_id) in self.criteria {
            for (id, sums) in by_id {
                let mean = sums.total / sums.files as f64;
                let share = if sums.max > 0.0 { mean / sums.max } else { 1.0 };
                criteria.push((
                    share,
                    sums.position,
                    CriterionMean {
                        rubric: rubric.clone(),
                        id,
                        name: sums.name,
                        files: sums.files,
                        mean: round2(mean),
                        max: sums.max,
                        share: round2(share),
                    },
                ));
            }
        }
        criteria.sort_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then_with(|| a.2.rubric.cmp(&b.2.rubric))
                .then(a.1.cmp(&b.1))
        });
        Summary {
            rows: self.rows,
            cohort: Cohort {
                files: self.files,
                graded: self.files - self.failed,
                failed: self.failed,
                out_of_bounds: self.out_of_bounds,
                score,
                bands: bands
                    .into_iter()
                    .map(|(band, (files, _))| BandCount { band, files })
                    .collect(),
                criteria: criteria.into_iter().map(|(_, _, c)| c).collect(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cohort::FileError;
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
