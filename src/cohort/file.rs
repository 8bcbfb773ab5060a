//! One file's result as a renderer receives it: its grade or why there is none, and the
//! bounds it broke.

use crate::document::TranscriptError;
use crate::error::{DecodeError, RubricError};
use crate::scoring::Grade;
use crate::text::span::LineCol;
use serde::Serialize;
use std::fmt;

/// Why one file of a batch was not graded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    /// The path names nothing.
    #[error("no such file")]
    NotFound,
    /// The path exists but could not be read; the reason as the system gives it.
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// A symbolic link that leads back to a folder above it.
    #[error("symbolic link loop: it leads back to {ancestor}")]
    Loop {
        /// The folder the link leads back to.
        ancestor: String,
    },
    /// The bytes are not an answer's text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The transcript could not be read.
    #[error(transparent)]
    Transcript(TranscriptError),
    /// Neither `--rubric` nor the front matter chose a rubric.
    #[error(
        "no rubric chosen; pass --rubric ID or add `rubric:` to the front matter (built-in: {available})"
    )]
    NoRubric {
        /// The built-in ids, comma-separated.
        available: String,
    },
    /// The rubric could not be loaded or picked; the message names it.
    #[error("{}", .source.describe(.origin.as_deref()))]
    Rubric {
        /// The id or path the rubric was asked by (none when `auto` found none).
        origin: Option<String>,
        /// Why it could not be loaded.
        source: RubricError,
    },
    /// A bound names a criterion the rubric lacks.
    #[error("`{criterion}` is not a criterion of rubric `{rubric}` (its criteria: {criteria})")]
    UnknownCriterion {
        /// The criterion id the bound names.
        criterion: String,
        /// The id of the rubric the file was graded under.
        rubric: String,
        /// The rubric's criterion ids, comma-separated.
        criteria: String,
    },
    /// A bound asks more of a criterion than its max points: no answer could meet it.
    #[error(
        "bound {criterion}={limit} is above the max of `{criterion}` ({max} points in rubric `{rubric}`); no file could pass"
    )]
    CriterionBoundAboveMax {
        /// The criterion id the bound names.
        criterion: String,
        /// The id of the rubric the file was graded under.
        rubric: String,
        /// The bound.
        limit: f64,
        /// The criterion's max points.
        max: f64,
    },
}

impl FileError {
    /// Where in the file the problem is, when it is one byte (invalid UTF-8, a NUL).
    pub fn position(&self) -> Option<LineCol> {
        match self {
            FileError::Decode(
                DecodeError::InvalidUtf8 { position, .. } | DecodeError::Binary { position, .. },
            ) => Some(*position),
            FileError::Transcript(error) => Some(error.position),
            _ => None,
        }
    }

    /// Whether the message names the rubric it is about (one asked for by id or path),
    /// so that the file's name would add nothing; `auto` finding none names no rubric.
    pub fn names_its_rubric(&self) -> bool {
        matches!(
            self,
            FileError::Rubric {
                origin: Some(_),
                ..
            }
        )
    }

    /// `path:line:column: message`, the way the CLI prints it after `error: `.
    pub fn describe(&self, name: &str) -> String {
        match self.position() {
            Some(position) => format!("{name}:{position}: {self}"),
            None => format!("{name}: {self}"),
        }
    }
}

/// The kinds of bound a CI run puts on a grade, as grade.toml spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    /// The score must be at least the limit (`--fail-under`, `min-score`).
    MinScore,
    /// The score must be at most the limit (`--fail-above`, `max-score`).
    MaxScore,
    /// A criterion's points must be at least the limit (`--fail-under-criterion`,
    /// `min-criterion`).
    MinCriterion,
}

impl Bound {
    /// The bound's name in grade.toml: `min-score`, `max-score`, `min-criterion`.
    pub fn name(self) -> &'static str {
        match self {
            Bound::MinScore => "min-score",
            Bound::MaxScore => "max-score",
            Bound::MinCriterion => "min-criterion",
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A bound a grade broke.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Violation {
    /// Which bound.
    pub bound: Bound,
    /// The criterion of a `min-criterion` bound.
    pub criterion: Option<String>,
    /// The bound's limit.
    pub limit: f64,
    /// What the grade had.
    pub actual: f64,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.bound, &self.criterion) {
            (Bound::MinCriterion, criterion) => write!(
                f,
                "criterion {} scored {}, below min-criterion {}",
                criterion.as_deref().unwrap_or_default(),
                self.actual,
                self.limit
            ),
            (Bound::MaxScore, _) => write!(
                f,
                "score {:.1} is above max-score {}",
                self.actual, self.limit
            ),
            (Bound::MinScore, _) => write!(
                f,
                "score {:.1} is below min-score {}",
                self.actual, self.limit
            ),
        }
    }
}

/// One file of a batch, as a renderer receives it while the batch runs.
#[derive(Clone, Copy, Debug)]
pub struct FileReport<'a> {
    /// The file's name as shown.
    pub name: &'a str,
    /// Its grade, or why there is none.
    pub outcome: Result<&'a Grade, &'a FileError>,
    /// The bounds the grade broke (empty for a file that was not graded).
    pub violations: &'a [Violation],
}
