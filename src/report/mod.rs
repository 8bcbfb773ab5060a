//! Renderers: from a [`Grade`](crate::Grade) to text for people or JSON for programs.
//! Renderers never compute scores; they only lay out what the grade holds.
//!
//! A batch is rendered through [`BatchRenderer`]: a header, then each file as it finishes
//! (in path order), then the summary, so that streaming formats never hold the reports.

pub mod analyze_json;
pub mod analyze_text;
pub mod calibration;
pub mod comparison;
pub mod csv;
pub mod github;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;
pub mod text_summary;

use crate::batch::{FileReport, Summary};
use crate::scoring::{CriterionGrade, Grade, SignalGrade};
use serde::Serialize;

/// Output formats a renderer exists for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Renders a batch in three parts; each returns the text to write at that point.
pub trait BatchRenderer {
    /// Before the first file.
    fn begin(&mut self) -> String {
        String::new()
    }
    /// As each file finishes, in path order.
    fn file(&mut self, report: &FileReport) -> String {
        let _ = report;
        String::new()
    }
    /// After the last file.
    fn finish(&mut self, summary: &Summary) -> String;
    /// Whether `finish` reads [`Summary::rows`]; a renderer that streams every file as it
    /// finishes says no, and the batch then keeps no row per file.
    fn needs_rows(&self) -> bool {
        true
    }
}

/// A file that could not be graded, as JSON, JSON Lines and SARIF carry it.
#[derive(Serialize)]
pub struct ErrorRecord<'a> {
    pub file: &'a str,
    pub error: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl<'a> ErrorRecord<'a> {
    pub fn new(file: &'a str, error: &crate::batch::FileError) -> Self {
        let position = error.position();
        ErrorRecord {
            file,
            error: error.to_string(),
            line: position.map(|p| p.line),
            column: position.map(|p| p.column),
        }
    }
}

/// Signals still missing in the criteria of the rubric's highest weight: what the
/// annotation formats (GitHub, SARIF) flag, so that a report stays short.
pub fn missing_high_weight(
    grade: &Grade,
) -> impl Iterator<Item = (&CriterionGrade, &SignalGrade, &str)> {
    let top = grade
        .criteria
        .iter()
        .map(|c| c.weight)
        .fold(f64::MIN, f64::max);
    grade
        .criteria
        .iter()
        .filter(move |c| c.weight >= top)
        .flat_map(|c| {
            c.signals
                .iter()
                .filter_map(move |s| s.missing.as_deref().map(|m| (c, s, m)))
        })
}

/// A number as short as it reads: `2`, `1.5`, `0.33` (two decimals at most).
pub(crate) fn number(x: f64) -> String {
    format!("{}", (x * 100.0).round() / 100.0 + 0.0)
}

/// Pretty JSON of `value`, every line after the first indented by `indent` spaces, for
/// documents written piece by piece.
pub(crate) fn pretty_indented(value: &impl Serialize, indent: usize) -> String {
    let text = serde_json::to_string_pretty(value).expect("reports always serialize");
    let pad = " ".repeat(indent);
    text.replace('\n', &format!("\n{pad}"))
}

#[cfg(test)]
pub(crate) mod sample {
    //! A small batch every renderer's snapshot test draws: a good answer, a weak one that
    //! breaks a bound, and a file that could not be read.
    use super::BatchRenderer;
    use crate::batch::{Bounds, FileError, FileReport, SummaryBuilder};
    use crate::error::DecodeError;
    use crate::rubric::builtin::load_builtin;
    use crate::text::span::LineCol;

    const GOOD: &str = "Members on the mobile plan in India struggle to stream on the train, \
        and 40% of them churn by month three. Commute Packs download two episodes overnight \
        on home Wi-Fi. We would measure month-three retention and expect a two-point lift, \
        while watching storage complaints and uninstalls.";
    const WEAK: &str = "My idea is an AI super app with games, chat and shopping.";

    /// Runs the sample batch through `renderer` and returns everything it wrote.
    pub fn render(renderer: &mut dyn BatchRenderer) -> String {
        let rubric = load_builtin("product-pitch").unwrap();
        let bounds = Bounds {
            min_score: Some(30.0),
            ..Bounds::default()
        };
        let mut out = renderer.begin();
        let mut summary = SummaryBuilder::default();
        for (name, text) in [("answers/good.md", GOOD), ("answers/weak.md", WEAK)] {
            let mut grade = crate::grade_text(text, &rubric);
            grade.file = Some(name.to_owned());
            let violations = bounds.check(&grade).unwrap();
            let report = FileReport {
                name,
                outcome: Ok(&grade),
                violations: &violations,
            };
            out.push_str(&renderer.file(&report));
            summary.add(&report);
        }
        let error = FileError::Decode(DecodeError::InvalidUtf8 {
            offset: 16,
            position: LineCol { line: 2, column: 9 },
        });
        let report = FileReport {
            name: "answers/latin1.md",
            outcome: Err(&error),
            violations: &[],
        };
        out.push_str(&renderer.file(&report));
        summary.add(&report);
        out.push_str(&renderer.finish(&summary.finish()));
        out
    }
}
