//! The commands that print one document, as text or JSON: `grade analyze FILE` (text and
//! delivery statistics, no rubric), `grade compare BEFORE AFTER` (what a rewrite changed)
//! and `grade calibrate LABELS.csv` (agreement with human scores).

use super::args::{AnalyzeArgs, CalibrateArgs, CompareArgs};
use super::error::{CliError, EXIT_ERROR};
use super::io::{Terminal, grade_path, read_text, write_stdout};
use grade::analysis::summary::Summary;
use grade::batch::{Rubrics, Settings, Sink};
use grade::calibrate::{pair_all, read_labels};
use grade::cohort::FileError;
use grade::report::{analyze_text, calibration, comparison};
use std::path::Path;
use std::process::ExitCode;

/// Prints the statistics of one answer.
pub(crate) fn analyze(args: &AnalyzeArgs) -> Result<ExitCode, CliError> {
    let name = args.file.display().to_string();
    let text = read_text(&args.file, args.output.limit.max_bytes)?;
    let mut summary = Summary::of(&text, &args.input.options())
        .map_err(|e| CliError::File(name.clone(), FileError::Transcript(e)))?;
    summary.file = Some(name);
    let format = args.output.output.format;
    write_stdout(&format.render_document(&summary, analyze_text::render))?;
    Ok(ExitCode::SUCCESS)
}

/// Grades two drafts under one rubric and prints what changed.
pub(crate) fn compare(args: &CompareArgs) -> Result<ExitCode, CliError> {
    let rubrics = Rubrics::default();
    let settings = |rubric| Settings::new(rubric, &rubrics, args.output.limit.max_bytes);
    let old = grade_path(&args.before, &settings(args.rubric.as_deref()))?;
    // The second draft is graded under the rubric the first one got, so the two compare.
    let new = grade_path(&args.after, &settings(Some(&old.rubric.id)))?;
    let comparison = grade::compare::compare(&old, &new);
    let format = args.output.output.format;
    write_stdout(&format.render_document(&comparison, comparison::render))?;
    Ok(ExitCode::SUCCESS)
}

/// Grades each labelled answer (paths relative to the labels file's folder) and prints the
/// agreement; a row that cannot be graded is an `error:` line and exit 2, the rest count.
pub(crate) fn calibrate(args: &CalibrateArgs) -> Result<ExitCode, CliError> {
    let name = args.labels.display().to_string();
    let fail = |e| CliError::Calibrate(name.clone(), e);
    let labels = read_labels(&args.labels).map_err(fail)?;
    let base = args.labels.parent().unwrap_or(Path::new("."));
    let rubrics = Rubrics::default();
    let mut terminal = Terminal::default();
    let pairs = pair_all(&labels, |row| {
        let rubric = row.rubric.as_deref().or(args.rubric.as_deref());
        let settings = Settings::new(rubric, &rubrics, args.output.limit.max_bytes);
        grade_path(&base.join(&row.file), &settings)
            .map_err(|error| terminal.error(&format!("{name}:{}: {error}", row.line)))
            .ok()
    })
    .map_err(fail)?;
    let calibration = grade::calibrate::calibrate(&pairs, &labels.criteria);
    let format = args.output.output.format;
    write_stdout(&format.render_document(&calibration, calibration::render))?;
    let failed = terminal.errors > 0;
    Ok(ExitCode::from(if failed { EXIT_ERROR } else { 0 }))
}
