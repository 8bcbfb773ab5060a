//! Renderers: from a [`Grade`](crate::Grade) to text for people or JSON for programs.
//! Renderers never compute scores; they only lay out what the grade holds. [`Format`] is
//! the list of output formats and the one place a format picks its renderer.
//!
//! A batch is rendered through [`BatchRenderer`]: a header, then each file as it finishes
//! (in path order), then the summary, so that streaming formats never hold the reports.

pub mod analyze_json;
pub mod analyze_text;
pub mod calibration;
pub mod comparison;
pub mod rubric_list;
pub mod text;
pub mod verdicts;

use crate::cohort::{FileError, FileReport, Summary};
use crate::scoring::{CriterionGrade, Grade, SignalGrade};
use serde::Serialize;

/// Declares [`Format`] from one entry per format: variant, name, the renderer's module
/// (declared here, so a format is its file and its entry), what it writes (the variant's
/// doc and its `--help` line), and how to build its batch renderer from the colour choice.
macro_rules! formats {
    ($($variant:ident = $name:literal in $module:ident, $help:literal, |$color:ident| $make:expr;)*) => {
        $(pub mod $module;)*

        /// The forms a report can be printed in (`--format`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Format {
            $(#[doc = $help] $variant,)*
        }

        impl Format {
            /// Every format, in the order `--help` lists them.
            pub const ALL: &'static [Format] = &[$(Format::$variant),*];

            /// The name `--format` takes.
            pub fn name(self) -> &'static str {
                match self {
                    $(Format::$variant => $name,)*
                }
            }

            /// One line on what the format writes, for `--help`.
            pub fn help(self) -> &'static str {
                match self {
                    $(Format::$variant => $help,)*
                }
            }

            /// The renderer of a batch in this format; `color` only matters to text.
            pub fn batch_renderer(self, color: bool) -> Box<dyn BatchRenderer + Send> {
                match self {
                    $(Format::$variant => {
                        let $color = color;
                        Box::new($make)
                    })*
                }
            }
        }
    };
}

formats! {
    Text = "text" in text_summary,
        "The full report for one file; a table and cohort summary for several",
        |color| text_summary::TextSummary::new(color);
    Json = "json" in json,
        "One report (`grade-report/1`); for several files one document (`grade-batch/1`)",
        |_color| json::JsonBatch::default();
    Jsonl = "jsonl" in jsonl, "One report per line, written as files finish, in path order",
        |_color| jsonl::JsonLines;
    Csv = "csv" in csv, "A row per file, a column per criterion", |_color| csv::Csv;
    Markdown = "markdown" in markdown, "A table for a pull-request comment",
        |_color| markdown::Markdown;
    Github = "github" in github,
        "GitHub Actions annotations for missing high-weight signals and broken bounds",
        |_color| github::Github;
    Junit = "junit" in junit, "JUnit XML: a testcase per file, failed where a bound broke",
        |_color| junit::Junit;
    Sarif = "sarif" in sarif, "SARIF 2.1.0 for code-scanning tools",
        |_color| sarif::Sarif::default();
    Html = "html" in html, "A self-contained HTML page: the report, or a cohort page for several",
        |_color| html::HtmlBatch::default();
}

impl Format {
    /// Whether one file in this format gets the full report (else the batch form).
    pub fn has_single_report(self) -> bool {
        matches!(self, Format::Text | Format::Json | Format::Html)
    }

    /// One file's full report: JSON for [`Format::Json`], a page for [`Format::Html`],
    /// else the text report.
    pub fn render_grade(self, grade: &Grade, color: bool) -> String {
        match self {
            Format::Json => json::render(grade),
            Format::Html => html::render(grade),
            _ => text::render(grade, color),
        }
    }
}

impl Format {
    /// One document (an analysis, a comparison, a calibration): pretty JSON for
    /// [`Format::Json`], else as `text` renders it.
    pub fn render_document<T: Serialize>(
        self,
        value: &T,
        text: impl FnOnce(&T) -> String,
    ) -> String {
        match self {
            Format::Json => pretty_json(value),
            _ => text(value),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A name `--format` does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}`")]
pub struct UnknownFormat(pub String);

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == name)
            .ok_or_else(|| UnknownFormat(name.to_owned()))
    }
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
    /// Whether `file` reads each grade's [`Source`](crate::scoring::Source) (the answer's
    /// text); without it the batch drops each text once graded.
    fn needs_source(&self) -> bool {
        false
    }
}

/// A file that could not be graded, as JSON, JSON Lines and SARIF carry it.
#[derive(Serialize)]
pub struct ErrorRecord<'a> {
    /// The file's name as shown.
    pub file: &'a str,
    /// Why it was not graded.
    pub error: String,
    /// The line of a bad byte.
    pub line: Option<usize>,
    /// The column of a bad byte.
    pub column: Option<usize>,
}

impl<'a> ErrorRecord<'a> {
    /// The record of `file`, which could not be graded for `error`.
    pub fn new(file: &'a str, error: &FileError) -> Self {
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

/// Pretty JSON of `value` and a final newline: a whole document.
pub fn pretty_json(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("reports always serialize");
    text.push('\n');
    text
}

/// Pretty JSON of `value`, every line after the first indented by `indent` spaces, for
/// documents written piece by piece.
pub(crate) fn pretty_indented(value: &impl Serialize, indent: usize) -> String {
    let text = serde_json::to_string_pretty(value).expect("reports always serialize");
    let pad = " ".repeat(indent);
    text.replace('\n', &format!("\n{pad}"))
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn every_format_parses_back_from_its_name() {
        for &format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
            assert!(
                !format.help().ends_with('.'),
                "clap prints help lines without one"
            );
        }
        assert!("xml".parse::<Format>().is_err());
        assert!(Format::Text.has_single_report() && !Format::Csv.has_single_report());
    }
}

#[cfg(test)]
pub(crate) mod sample {
    //! A small batch every renderer's snapshot test draws: a good answer, a weak one that
    //! breaks a bound, and a file that could not be read.
    use super::BatchRenderer;
    use crate::cohort::{Bound, FileError, FileReport, SummaryBuilder, Violation};
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
        let mut out = renderer.begin();
        let mut summary = SummaryBuilder::default();
        for (name, text) in [("answers/good.md", GOOD), ("answers/weak.md", WEAK)] {
            let mut grade = crate::grade_text(text, &rubric);
            grade.file = Some(name.to_owned());
            // The bound `--fail-under 30` would put on the batch.
            let violations: Vec<Violation> = (grade.score < 30.0)
                .then_some(Violation {
                    bound: Bound::MinScore,
                    criterion: None,
                    limit: 30.0,
                    actual: grade.score,
                })
                .into_iter()
                .collect();
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
