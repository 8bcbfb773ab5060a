//! `grade analyze FILE`: the answer's text and delivery statistics, no rubric.

use super::args::{DocumentOutput, InputArgs};
use super::error::CliError;
use super::io::{load_document, write_stdout};
use clap::Args;
use grade::analysis::summary::Summary;
use grade::analyze;
use grade::report::{Format, analyze_json, analyze_text};
use std::path::PathBuf;
use std::process::ExitCode;

/// `grade analyze`'s arguments.
#[derive(Args, Debug)]
pub(crate) struct AnalyzeArgs {
    /// The answer or transcript: a file, or `-` for standard input.
    pub file: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: DocumentOutput,
}

/// Prints the statistics of one answer.
pub(crate) fn run(args: &AnalyzeArgs) -> Result<ExitCode, CliError> {
    let document = load_document(&args.file, args.output.limit.max_bytes, &args.input)?;
    let analysis = analyze(&document);
    let mut summary = Summary::new(&document, &analysis);
    summary.file = Some(args.file.display().to_string());
    let output = match args.output.format {
        Format::Json => analyze_json::render(&summary),
        _ => analyze_text::render(&summary),
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}
