//! Text summary of a batch for the terminal: a table (file, score, band, weakest
//! criterion), then the cohort — count, mean, median, min, max, files per band, and each
//! criterion's mean, weakest first — and the bounds that broke.

use super::{BatchRenderer, number};
use crate::cohort::{Row, Summary};
use std::fmt::Write;

pub struct TextSummary {
    color: bool,
}

impl TextSummary {
    pub fn new(color: bool) -> Self {
        TextSummary { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

impl BatchRenderer for TextSummary {
    fn finish(&mut self, summary: &Summary) -> String {
        let mut out = String::new();
        let file_width = summary
            .rows
            .iter()
            .map(|r| r.file.chars().count())
            .chain([4])
            .max()
            .unwrap_or(4);
        let band_width = summary
            .rows
            .iter()
            .map(|r| r.band.as_deref().map_or(5, |b| b.chars().count()))
            .chain([4])
            .max()
            .unwrap_or(4);
        let header = format!(
            "{:<file_width$}  {:>5}  {:<band_width$}  weakest criterion",
            "file", "score", "band"
        );
        let _ = writeln!(out, "{}", self.paint("1", &header));
        for row in &summary.rows {
            let _ = writeln!(out, "{}", self.row(row, file_width, band_width));
        }

        let cohort = &summary.cohort;
        let _ = write!(
            out,
            "\n{} {}: {} graded",
            cohort.files,
            plural(cohort.files, "file", "files"),
            cohort.graded
        );
        if cohort.failed > 0 {
            let _ = write!(out, ", {} could not be graded", cohort.failed);
        }
        if cohort.out_of_bounds > 0 {
            let _ = write!(out, ", {} broke a bound", cohort.out_of_bounds);
        }
        out.push('\n');
        if let Some(score) = &cohort.score {
            let _ = writeln!(
                out,
                "score     mean {:.1} · median {:.1} · min {:.1} · max {:.1}",
                score.mean, score.median, score.min, score.max
            );
        }
        if !cohort.bands.is_empty() {
            let bands: Vec<String> = cohort
                .bands
                .iter()
                .map(|b| format!("{} {}", b.band, b.files))
                .collect();
            let _ = writeln!(out, "bands     {}", bands.join(" · "));
        }
        if !cohort.criteria.is_empty() {
            let several_rubrics = cohort
                .criteria
                .iter()
                .any(|c| c.rubric != cohort.criteria[0].rubric);
            let label = |c: &crate::cohort::CriterionMean| match several_rubrics {
                true => format!("{}/{}", c.rubric, c.id),
                false => c.id.clone(),
            };
            let points =
                |c: &crate::cohort::CriterionMean| format!("{}/{}", number(c.mean), number(c.max));
            let width = cohort
                .criteria
                .iter()
                .map(|c| label(c).chars().count())
                .max()
                .unwrap_or(0);
            let points_width = cohort
                .criteria
                .iter()
                .map(|c| points(c).len())
                .max()
                .unwrap_or(0);
            let _ = writeln!(out, "criteria  mean points, weakest first");
            for c in &cohort.criteria {
                let _ = writeln!(
                    out,
                    "  {:<width$}  {:>4.0}%  {:>points_width$}  {}",
                    label(c),
                    c.share * 100.0,
                    points(c),
                    c.name
                );
            }
        }
        let broken: Vec<&Row> = summary
            .rows
            .iter()
            .filter(|r| !r.violations.is_empty())
            .collect();
        if !broken.is_empty() {
            let _ = writeln!(out, "{}", self.paint("1", "\nbounds broken"));
            for row in broken {
                for violation in &row.violations {
                    let _ = writeln!(out, "  {}: {violation}", row.file);
                }
            }
        }
        out
    }
}

impl TextSummary {
    fn row(&self, row: &Row, file_width: usize, band_width: usize) -> String {
        let file = format!("{:<file_width$}", row.file);
        match (&row.error, row.score) {
            (Some(error), _) => {
                let at = error.position.map(|p| format!("{p}: ")).unwrap_or_default();
                let band = format!("{:<band_width$}", "error");
                format!(
                    "{file}  {:>5}  {}  {at}{}",
                    "—",
                    self.paint("31", &band),
                    error.message
                )
            }
            (None, score) => {
                let weakest = row
                    .weakest
                    .as_ref()
                    .map(|w| format!("{} {}/{}", w.id, number(w.score), number(w.max)))
                    .unwrap_or_default();
                let mark = match row.violations.is_empty() {
                    true => String::new(),
                    false => self.paint("31", "  ✗ bound"),
                };
                format!(
                    "{file}  {:>5.1}  {:<band_width$}  {weakest}{}",
                    score.unwrap_or_default(),
                    row.band.as_deref().unwrap_or_default(),
                    mark
                )
                .trim_end()
                .to_owned()
            }
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(super::super::sample::render(&mut TextSummary::new(false)));
    }
}
