//! Why grade.toml could not be found, read or accepted, and what is wrong with one of its
//! `[[check]]` tables.

use super::FILE_NAME;
use crate::batch::bounds::ScoreBoundError;
use crate::cohort::FileError;
use crate::text::LineCol;
use std::path::PathBuf;

/// Why grade.toml could not be found, read or accepted.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// No grade.toml in the folder or any ancestor.
    #[error(
        "no {FILE_NAME} in {} or any parent folder; write one with [[check]] tables or pass --config FILE",
        .folder.display()
    )]
    NotFound {
        /// Where the search began.
        folder: PathBuf,
    },
    /// The named file does not exist.
    #[error("{name}: no such file")]
    NoFile {
        /// The file as named.
        name: String,
    },
    /// The file could not be read, or its globs together are not valid.
    #[error("{name}: {reason}")]
    Unreadable {
        /// The file as named.
        name: String,
        /// Why.
        reason: String,
    },
    /// Not valid TOML, or not grade.toml's shape.
    #[error("{name}:{position}: {message}")]
    Syntax {
        /// The file as named.
        name: String,
        /// Where.
        position: LineCol,
        /// What the TOML reader said.
        message: String,
    },
    /// The file holds no `[[check]]` table.
    #[error("{name}: no [[check]] tables; each names `files` (globs), a `rubric` and bounds")]
    NoChecks {
        /// The file as named.
        name: String,
    },
    /// The `[lsp]` table's rubric could not be loaded.
    #[error("{name}: [lsp] rubric: {problem}")]
    Lsp {
        /// The file as named.
        name: String,
        /// Why the rubric could not be loaded.
        problem: Box<FileError>,
    },
    /// The thread pool would not start.
    #[error("starting {0} threads: {1}")]
    Threads(usize, rayon::ThreadPoolBuildError),
    /// A `[[check]]` table is not valid.
    #[error("{at}: {title}: {problem}")]
    Check {
        /// `FILE:LINE:COLUMN` of the table.
        at: String,
        /// The check's title.
        title: String,
        /// What is wrong with it.
        problem: Box<CheckProblem>,
    },
}

/// What is wrong with one `[[check]]` table.
#[derive(Debug, thiserror::Error)]
pub enum CheckProblem {
    /// `files` lists only exclusions.
    #[error("`files` needs at least one glob")]
    NoGlob,
    /// A glob does not parse.
    #[error("{0}")]
    Glob(#[from] globset::Error),
    /// A score bound outside 0–100.
    #[error("{key}: {source}")]
    Score {
        /// `min-score` or `max-score`.
        key: &'static str,
        /// Why the bound is refused.
        source: ScoreBoundError,
    },
    /// A `min-criterion` below 0.
    #[error("min-criterion: {criterion} = {score} is below 0, where no criterion scores")]
    NegativeCriterion {
        /// The criterion id.
        criterion: String,
        /// The bound.
        score: f64,
    },
    /// No score could be within both bounds.
    #[error("min-score {min} is above max-score {max}; no file could pass")]
    Impossible {
        /// The table's min-score.
        min: f64,
        /// The table's max-score.
        max: f64,
    },
    /// The rubric could not be loaded.
    #[error("{0}")]
    Rubric(FileError),
    /// A `min-criterion` names a criterion the rubric lacks.
    #[error("min-criterion: {0}")]
    Criterion(FileError),
}
