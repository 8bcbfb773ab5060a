//! The CLI's one error type: every way a run can fail to grade. `run` prints it as
//! `error: …` in one place and exits 2.

use grade::calibrate::CalibrateError;
use grade::cohort::FileError;
use grade::config::ConfigError;

/// Why a run could not grade.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// `grade` with no path.
    #[error("no answer given: pass a file (or `-` for standard input); see `grade --help`")]
    NoAnswer,
    /// `-` among several paths.
    #[error(
        "`-` (standard input) grades one answer on its own; for many answers on standard input use --stdin-jsonl"
    )]
    StdinInBatch,
    /// The paths hold no answer file; the paths as given, comma-separated.
    #[error(
        "no answer files in {0}; answers end in .txt, .md, .markdown, .srt or .vtt (choose others with --glob)"
    )]
    NoAnswerFiles(String),
    /// A `--glob` that does not parse.
    #[error("--glob: {0}")]
    Glob(#[from] globset::Error),
    /// `--fail-under` or `--fail-above` given NaN or infinity.
    #[error("{0} takes a number")]
    NotANumber(&'static str),
    /// A file that could not be read or graded, and its name.
    #[error("{}", .source.describe(.name))]
    File { name: String, source: FileError },
    /// The rubric the run names; the message names it.
    #[error("{0}")]
    Rubric(FileError),
    /// A bound the flag `flag` puts on a criterion the rubric lacks.
    #[error("{flag}: {source}")]
    Bound {
        flag: &'static str,
        source: FileError,
    },
    /// grade.toml could not be found, read or accepted.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// `grade calibrate` could not run; the labels file's name.
    #[error("{}", .source.describe(.name))]
    Calibrate {
        name: String,
        source: CalibrateError,
    },
    /// Standard output could not be written.
    #[error("writing output: {0}")]
    Write(std::io::Error),
    /// Standard input could not be read.
    #[error("<stdin>: {0}")]
    Stdin(std::io::Error),
    /// The current folder is unknown (grade.toml discovery).
    #[error("current folder: {0}")]
    CurrentDir(std::io::Error),
    /// The thread pool would not start; `what` says how many threads.
    #[error("starting {what}: {source}")]
    Threads {
        what: String,
        source: rayon::ThreadPoolBuildError,
    },
}

impl CliError {
    /// A file's error: a rubric error names its rubric, any other the file.
    pub(crate) fn file(name: &str, error: FileError) -> CliError {
        match error {
            FileError::Rubric { .. } => CliError::Rubric(error),
            source => CliError::File {
                name: name.to_owned(),
                source,
            },
        }
    }
}
