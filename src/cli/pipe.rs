//! `grade --stdin-jsonl`: grade as a map stage of a pipeline (Spark's `RDD.pipe`, Hadoop
//! streaming, `xargs`), through the library's `batch::record`: one JSON line per record in
//! input order; a bad record is an error line, never a stopped stream, and exit code 0.

use super::Cli;
use super::error::CliError;
use super::io::Terminal;
use grade::batch::{Rubrics, record};
use std::process::ExitCode;

/// Grades standard input's records until it ends.
pub(crate) fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    let rubrics = Rubrics::default();
    let mut terminal = Terminal::default();
    let threads = cli.batch.jobs.threads();
    record::stream(
        std::io::stdin(),
        &cli.settings(&rubrics),
        threads,
        &mut terminal,
    )?;
    terminal.written()?;
    Ok(ExitCode::SUCCESS)
}
