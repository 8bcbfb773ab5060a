//! Typed errors of the library. The CLI adds the file name and prints them as `error: …`.

use crate::text::span::LineCol;
use std::fmt;

/// Any error of the library's pipeline.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bytes that are not an answer's text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A rubric that could not be loaded.
    #[error(transparent)]
    Rubric(#[from] RubricError),
}

/// Why bytes could not become an answer's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Nothing but white space.
    #[error("the file is empty (or holds only white space); there is nothing to grade")]
    Empty,
    /// Front matter and nothing after it.
    #[error("the answer is empty: the file holds front matter and nothing after it")]
    OnlyFrontMatter,
    /// A UTF-16 or UTF-32 byte-order mark: text in another encoding, not binary.
    #[error("the file is {encoding} text (its byte-order mark says so); save it as UTF-8")]
    OtherEncoding {
        /// The encoding its byte-order mark names, e.g. `UTF-16 (little-endian)`.
        encoding: &'static str,
    },
    /// A NUL byte.
    #[error("the file looks binary (a NUL byte at byte offset {offset}); grade reads UTF-8 text")]
    Binary {
        /// Its byte offset.
        offset: usize,
        /// Its line and column.
        position: LineCol,
    },
    /// A byte that is not UTF-8.
    #[error("the file is not valid UTF-8 (invalid byte at byte offset {offset}); save it as UTF-8")]
    InvalidUtf8 {
        /// Its byte offset.
        offset: usize,
        /// Its line and column.
        position: LineCol,
    },
    /// Over the size limit.
    #[error("the file is {size} bytes, over the {limit}-byte limit; raise it with --max-bytes")]
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
}

/// One problem found in a rubric file, with where it is and which id it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct RubricProblem {
    /// Where in the file, when known.
    pub location: Option<LineCol>,
    /// The criterion, signal or mistake id it concerns.
    pub id: Option<String>,
    /// What is wrong.
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

/// Why a rubric could not be loaded or picked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RubricError {
    /// The file is not a valid rubric; every problem found is listed.
    #[error("{}", self.describe(None))]
    Invalid {
        /// Every problem, in file order.
        problems: Vec<RubricProblem>,
    },
    /// `--rubric auto` found no built-in rubric for the question.
    #[error("no built-in rubric fits the question \"{question}\"; pass --rubric with one of: {}", .available.join(", "))]
    NoMatch {
        /// The question as found.
        question: String,
        /// The built-in ids.
        available: Vec<String>,
    },
    /// `--rubric auto` on an answer with no question: no built-in rubric fits its body
    /// clearly better than the others.
    #[error("no built-in rubric clearly fits the answer (it states no question, and its body fits `{}` and `{}` about as well, or neither well); pass --rubric with one of: {}", .closest[0], .closest[1], .available.join(", "))]
    NoClearFit {
        /// The two rubrics that fit the body best, best first.
        closest: Box<[String; 2]>,
        /// The built-in ids.
        available: Vec<String>,
    },
    /// No built-in rubric has this id.
    #[error("unknown rubric `{id}`{}; built-in rubrics: {}", suggest(.suggestion), .available.join(", "))]
    Unknown {
        /// The id as given.
        id: String,
        /// The nearest built-in id, when one is near.
        suggestion: Option<String>,
        /// The built-in ids.
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
