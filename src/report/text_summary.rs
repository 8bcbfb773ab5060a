//! Text summary of a batch for the terminal: a table (file, score, band, weakest
//! criterion), then the cohort — count, mean, median, min, max, files per band, and each
//! criterion's mean, weakest first — and the bounds that broke.

use super::{BatchRenderer, number};
use crate::cohort::{Row, Summary};
use crate::text::escape::line as esc;
use std::fmt::Write;

/// The text summary of a batch: everything in [`BatchRenderer::finish`].
pub struct TextSummary {
    style: super::text::Style,
}

impl TextSummary {
    /// A summary renderer; `color` adds ANSI styles.
    pub fn new(color: bool) -> Self {
        TextSummary {
            style: super::text::Style::new(color),
        }
    }
}

impl BatchRenderer for TextSummary {
    fn finish(&mut self, summary: &Summary) -> String {
        let mut out = String::new();
        self.table(&mut out, summary);
        let cohort = &summary.cohort;
        let wording = super::text::CohortWording {
            count: |n| n.to_string(),
            separator: " · ",
        };
        let _ = writeln!(
            out,
            "\n{} {}: {}",
            cohort.files,
            plural(cohort.files, "file", "files"),
            wording.outcomes(cohort.graded, cohort.failed, cohort.out_of_bounds)
        );
        if let Some(score) = &cohort.score {
            let figures = [score.mean, score.median, score.min, score.max];
            let _ = writeln!(out, "score     {}", wording.score(figures));
        }
        if !cohort.bands.is_empty() {
            let bands = cohort.bands.iter().map(|b| (&b.band, b.files));
            let _ = writeln!(out, "bands     {}", wording.bands(bands));
        }
        if !cohort.criteria.is_empty() {
            criteria(&mut out, &cohort.criteria);
        }
        let broken: Vec<&Row> = summary
            .rows
            .iter()
            .filter(|r| !r.violations.is_empty())
            .collect();
        if !broken.is_empty() {
            let _ = writeln!(out, "{}", self.style.bold("\nbounds broken"));
            for row in broken {
                for violation in &row.violations {
                    let _ = writeln!(out, "  {}: {violation}", esc(&row.file));
                }
            }
        }
        out
    }
}

/// Each criterion's mean points and share of its max, weakest first; the rubric's id
/// joins the criterion's when the batch has several rubrics.
fn criteria(out: &mut String, criteria: &[crate::cohort::CriterionMean]) {
    let several_rubrics = criteria.iter().any(|c| c.rubric != criteria[0].rubric);
    let label = |c: &crate::cohort::CriterionMean| match several_rubrics {
        true => format!("{}/{}", c.rubric, c.id),
        false => c.id.clone(),
    };
    let points = |c: &crate::cohort::CriterionMean| format!("{}/{}", number(c.mean), number(c.max));
    let width = criteria
        .iter()
        .map(|c| label(c).chars().count())
        .max()
        .unwrap_or(0);
    let points_width = criteria.iter().map(|c| points(c).len()).max().unwrap_or(0);
    let _ = writeln!(out, "criteria  mean points, weakest first");
    for c in criteria {
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

impl TextSummary {
    /// The table of files: file, score, band and weakest criterion, under a bold header.
    fn table(&self, out: &mut String, summary: &Summary) {
        let file_width = summary
            .rows
            .iter()
            .map(|r| esc(&r.file).chars().count())
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
        let _ = writeln!(out, "{}", self.style.bold(&header));
        for row in &summary.rows {
            let _ = writeln!(out, "{}", self.row(row, file_width, band_width));
        }
    }

    fn row(&self, row: &Row, file_width: usize, band_width: usize) -> String {
        let file = format!("{:<file_width$}", esc(&row.file));
        match (&row.error, row.score) {
            (Some(error), _) => {
                let at = error.position.map(|p| format!("{p}: ")).unwrap_or_default();
                let band = format!("{:<band_width$}", "error");
                format!(
                    "{file}  {:>5}  {}  {at}{}",
                    "—",
                    self.style.bad(&band),
                    esc(&error.message)
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
                    false => self.style.bad("  ✗ bound"),
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
