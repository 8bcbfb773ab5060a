//! Typed errors of the library. The CLI adds the file name and prints them as `error: …`.

use crate::span::LineCol;
use std::fmt;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Rubric(#[from] RubricError),
}

/// Why bytes could not become an answer's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty (or holds only white space); there is nothing to grade")]
    Empty,
    #[error("the file looks binary (a NUL byte at byte offset {offset}); grade reads UTF-8 text")]
    Binary { offset: usize, position: LineCol },
    #[error("the file is not valid UTF-8 (invalid byte at byte offset {offset}); save it as UTF-8")]
    InvalidUtf8 { offset: usize, position: LineCol },
    #[error("the file is {size} bytes, over the {limit}-byte limit; raise it with --max-bytes")]
    TooLarge { size: usize, limit: usize },
}

/// One problem found in a rubric file, with where it is and which id it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct RubricProblem {
    pub location: Option<LineCol>,
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for RubricProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = self.location {
            write!(f, "{location}: ")?;
        }
        if let Some(id) = &self.id {
            write!(f, "`{id}`: ")?;
        }
        f.write_str(&self.message)
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RubricError {
    /// The file is not a valid rubric; every problem found is listed.
    #[error("{}", self.describe(None))]
    Invalid { problems: Vec<RubricProblem> },
    #[error("no built-in rubric fits the question \"{question}\"; pass --rubric with one of: {}", .available.join(", "))]
    NoMatch {
        question: String,
        available: Vec<String>,
    },
    #[error("unknown rubric `{id}`{}; built-in rubrics: {}", suggest(.suggestion), .available.join(", "))]
    Unknown {
        id: String,
        suggestion: Option<String>,
        available: Vec<String>,
    },
    /// A rubric path that names no file.
    #[error("no such rubric file")]
    NoFile,
    /// A rubric file that could not be read.
    #[error("{reason}")]
    Unreadable {
        /// The reason as the system gives it.
        reason: String,
    },
}

impl RubricError {
    /// The error as the CLI prints it; `origin` (a path or id) prefixes every location.
    pub fn describe(&self, origin: Option<&str>) -> String {
        let problems = match (self, origin) {
            (RubricError::Invalid { problems }, _) => problems,
            (RubricError::NoFile | RubricError::Unreadable { .. }, Some(origin)) => {
                return format!("{origin}: {self}");
            }
            _ => return self.to_string(),
        };
        let noun = if problems.len() == 1 {
            "problem"
        } else {
            "problems"
        };
        let mut out = match origin {
            Some(origin) => format!("invalid rubric {origin} ({} {noun})", problems.len()),
            None => format!("invalid rubric ({} {noun})", problems.len()),
        };
        for problem in problems {
            out.push_str("\n  ");
            if let Some(origin) = origin {
                out.push_str(origin);
                out.push(':');
            }
            out.push_str(&problem.to_string());
        }
        out
    }
}

fn suggest(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}
