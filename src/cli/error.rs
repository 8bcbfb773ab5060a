//! The CLI's one error type: every way a run can fail to grade. `run` prints it as
//! `error: …` in one place and exits 2.

use grade::calibrate::CalibrateError;
use grade::cohort::FileError;
use grade::config::ConfigError;

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
    /// A file's error: a rubric error names its rubric, any other the file.
    pub(crate) fn file(name: &str, error: FileError) -> CliError {
        match error {
            FileError::Rubric { .. } => CliError::Rubric(error),
            other => CliError::File(name.to_owned(), other),
        }
    }
}
