//! Markdown for a pull-request comment: a table of the files (score, band, weakest
//! criterion, bounds broken), then the cohort and each criterion's mean, weakest first.

use super::{BatchRenderer, number};
use crate::cohort::Summary;
use std::fmt::Write;

/// The Markdown batch renderer: everything in [`BatchRenderer::finish`].
#[derive(Default)]
pub struct Markdown;

impl BatchRenderer for Markdown {
    fn finish(&mut self, summary: &Summary) -> String {
        let cohort = &summary.cohort;
        let mut out = String::from("### grade\n\n");
        out.push_str("| file | score | band | weakest criterion | bounds |\n");
        out.push_str("| --- | ---: | --- | --- | --- |\n");
        for row in &summary.rows {
            let file = format!("`{}`", cell(&row.file).replace('`', "'"));
            match &row.error {
                Some(error) => {
                    let at = error.position.map(|p| format!("{p}: ")).unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "| {file} | — | **error** | {} | |",
                        cell(&format!("{at}{}", error.message))
                    );
                }
                None => {
                    let weakest = row
                        .weakest
                        .as_ref()
                        .map(|w| format!("{} ({}/{})", w.id, number(w.score), number(w.max)))
                        .unwrap_or_default();
                    let bounds: Vec<String> =
                        row.violations.iter().map(|v| format!("❌ {v}")).collect();
                    let _ = writeln!(
                        out,
                        "| {file} | {:.1} | {} | {} | {} |",
                        row.score.unwrap_or_default(),
                        cell(row.band.as_deref().unwrap_or_default()),
                        cell(&weakest),
                        cell(&bounds.join("<br>"))
                    );
                }
            }
        }
        let wording = super::text::CohortWording {
            count: |n| format!("**{n}**"),
            separator: ", ",
        };
        let _ = writeln!(
            out,
            "\n**{}** files, {}.",
            cohort.files,
            wording.outcomes(cohort.graded, cohort.failed, cohort.out_of_bounds)
        );
        if let Some(score) = &cohort.score {
            let figures = [score.mean, score.median, score.min, score.max];
            let _ = writeln!(out, "Score: {}.", wording.score(figures));
        }
        if !cohort.bands.is_empty() {
            let bands = cohort.bands.iter().map(|b| (cell(&b.band), b.files));
            let _ = writeln!(out, "Bands: {}.", wording.bands(bands));
        }
        if !cohort.criteria.is_empty() {
            out.push_str("\n| criterion | rubric | mean | of max |\n| --- | --- | ---: | ---: |\n");
            for c in &cohort.criteria {
                let _ = writeln!(
                    out,
                    "| {} (`{}`) | {} | {}/{} | {:.0}% |",
                    cell(&c.name),
                    c.id,
                    c.rubric,
                    number(c.mean),
                    number(c.max),
                    c.share * 100.0
                );
            }
        }
        out
    }
}

/// Text safe inside a table cell: pipes escaped, line breaks folded.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot() {
        let out = super::super::sample::render(&mut Markdown);
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        insta::assert_snapshot!(out);
    }
}
