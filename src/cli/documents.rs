//! The commands that print one document, as text or JSON: `grade analyze FILE` (text and
//! delivery statistics, no rubric), `grade compare BEFORE AFTER` (what a rewrite changed)
//! and `grade calibrate LABELS.csv` (agreement with human scores).

use super::EXIT_ERROR;
use super::args::{DocumentOutput, InputArgs};
use super::error::CliError;
use super::io::{grade_path, load_document};
use clap::Args;
use grade::analysis::summary::Summary;
use grade::batch::{Rubrics, Settings};
use grade::calibrate::{pair_all, read_labels};
use grade::report::{analyze_text, calibration, comparison};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `grade analyze`'s arguments.
#[derive(Args, Debug)]
pub(crate) struct AnalyzeArgs {
    /// The answer or transcript: a file, or `-` for standard input.
    file: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: DocumentOutput,
}

/// `grade compare`'s arguments.
#[derive(Args, Debug)]
pub(crate) struct CompareArgs {
    before: PathBuf,
    after: PathBuf,
    /// A built-in id, a rubric .toml, or `auto`; else the first draft's front matter.
    #[arg(long, short)]
    rubric: Option<String>,
    #[command(flatten)]
    output: DocumentOutput,
}

/// `grade calibrate`'s arguments.
#[derive(Args, Debug)]
pub(crate) struct CalibrateArgs {
    labels: PathBuf,
    /// The rubric for rows without a `rubric` column (else their front matter's).
    #[arg(long, short)]
    rubric: Option<String>,
    #[command(flatten)]
    output: DocumentOutput,
}

/// Prints the statistics of one answer.
pub(crate) fn analyze(args: &AnalyzeArgs) -> Result<ExitCode, CliError> {
    let document = load_document(&args.file, args.output.limit.max_bytes, &args.input)?;
    let analysis = grade::analyze(&document);
    let mut summary = Summary::new(&document, &analysis);
    summary.file = Some(args.file.display().to_string());
    args.output.print(&summary, analyze_text::render)?;
    Ok(ExitCode::SUCCESS)
}

/// Grades two drafts under one rubric and prints what changed.
pub(crate) fn compare(args: &CompareArgs) -> Result<ExitCode, CliError> {
    let rubrics = Rubrics::default();
    let max_bytes = args.output.limit.max_bytes;
    let old = grade_path(
        &args.before,
        &Settings::new(args.rubric.as_deref(), &rubrics, max_bytes),
    )?;
    // The second draft is graded under the rubric the first one got, so the two compare.
    let settings = Settings::new(Some(&old.rubric.id), &rubrics, max_bytes);
    let comparison = grade::compare::compare(&old, &grade_path(&args.after, &settings)?);
    args.output.print(&comparison, comparison::render)?;
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
    let mut failed = false;
    let pairs = pair_all(&labels, |row| {
        let rubric = row.rubric.as_deref().or(args.rubric.as_deref());
        let settings = Settings::new(rubric, &rubrics, args.output.limit.max_bytes);
        grade_path(&base.join(&row.file), &settings)
            .map_err(|error| {
                eprintln!("error: {name}:{}: {error}", row.line);
                failed = true;
            })
            .ok()
    })
    .map_err(fail)?;
    let calibration = grade::calibrate::calibrate(&pairs, &labels.criteria);
    args.output.print(&calibration, calibration::render)?;
    Ok(ExitCode::from(if failed { EXIT_ERROR } else { 0 }))
}
