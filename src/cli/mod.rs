//! Command line: argument parsing, choosing the rubric and renderer, and exit codes (0
//! graded, 1 a bound failed, 2 could not grade). No grading logic: that is the library's.

mod args;
mod batch;
mod check;
mod documents;
mod error;
mod io;
mod rubrics;

use args::{Cli, Command};
use clap::Parser;
use error::{CliError, EXIT_ERROR};
use std::process::ExitCode;

/// Parses the arguments, runs the command, and prints its error in the one place errors
/// are printed.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Rubrics { action }) => rubrics::run(action),
        Some(Command::Calibrate(args)) => documents::calibrate(args),
        Some(Command::Compare(args)) => documents::compare(args),
        Some(Command::Analyze(args)) => documents::analyze(args),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Serve(args)) => crate::serve::run(args).map_err(|e| CliError::Io("serve", e)),
        Some(Command::Lsp(args)) => grade::lsp::run(args).map_err(|e| CliError::Io("lsp", e)),
        None if cli.batch.stdin_jsonl => batch::run_stream(&cli),
        None if batch::is_batch(&cli) => batch::run(&cli),
        None => batch::run_one(&cli),
    };
    result.unwrap_or_else(|error| {
        eprintln!("error: {}", grade::text::escape::shown(&error));
        ExitCode::from(EXIT_ERROR)
    })
}
