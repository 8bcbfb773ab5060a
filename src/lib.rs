//! grade: scores written or transcribed interview answers against rubrics and explains
//! every point it gives or withholds.
//!
//! The library is a one-way pipeline of pure functions:
//! `decode` (bytes → text) → [`document::parse`] (text → [`Document`]) →
//! [`analysis::analyze`] (→ [`Analysis`]) → [`scoring::score`] (with a [`CompiledRubric`],
//! → [`Grade`]) → [`report`] renderers. Only the binary touches files and the terminal.

#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr, clippy::too_many_lines)]

pub mod analysis;
pub mod batch;
pub mod calibrate;
pub mod cohort;
pub mod compare;
pub mod config;
pub mod document;
pub mod error;
pub mod lsp;
mod number;
pub mod report;
pub mod rubric;
pub mod rules;
pub mod scoring;
pub mod text;

pub use analysis::{Analysis, analyze};
pub use document::{Document, decode, parse};
pub use error::{DecodeError, Error, RubricError, RubricProblem};

pub use text::{LineIndex, Span};

pub use rubric::CompiledRubric;
pub use scoring::{Grade, score};

/// Grades already decoded text under one rubric: parse, analyze, score; the grade keeps
/// the text as its [`scoring::Source`].
pub fn grade_text(text: &str, rubric: &CompiledRubric) -> Grade {
    let document = parse(text);
    let analysis = analyze(&document);
    score(&document, &analysis, rubric).with_source(document, &analysis)
}
