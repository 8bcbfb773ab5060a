//! Exit codes (0 graded, 1 a bound failed, 2 could not grade) and the CLI's one error type,
//! every way a run can fail to grade, which `run` prints as `error: …` before exiting 2.

use grade::calibrate::CalibrateError;
use grade::cohort::FileError;
use grade::config::ConfigError;
use std::process::ExitCode;

/// Could not grade.
pub(crate) const EXIT_ERROR: u8 = 2;

/// Why a run could not grade.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error("no answer given: pass a file (or `-` for standard input); see `grade --help`")]
    NoAnswer,
    #[error(transparent)]
    Batch(#[from] grade::batch::BatchError),
    /// A file (by name) that could not be read or graded.
    #[error("{}", .1.describe(.0))]
    File(String, FileError),
    /// The rubric the run names; the message names it.
    #[error("{0}")]
    Rubric(FileError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Stream(#[from] grade::batch::record::StreamError),
    /// The labels file (by name) of `grade calibrate`.
    #[error("{}", .1.describe(.0))]
    Calibrate(String, CalibrateError),
    /// Standard input or output, or the current folder: what, and why.
    #[error("{0}: {1}")]
    Io(&'static str, std::io::Error),
}

impl CliError {
    /// A file's error: a rubric error names its rubric, any other (`auto` too) the file.
    pub(crate) fn file(name: &str, error: FileError) -> CliError {
        match error {
            error if error.names_its_rubric() => CliError::Rubric(error),
            other => CliError::File(name.to_owned(), other),
        }
    }
}

/// 2 when a file could not be graded, else 1 when a bound broke, else 0.
pub(crate) fn exit_code(failed: usize, out_of_bounds: usize) -> ExitCode {
    let code = if failed > 0 { EXIT_ERROR } else { 1 };
    ExitCode::from(if failed + out_of_bounds > 0 { code } else { 0 })
}
