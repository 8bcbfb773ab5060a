//! `grade compare BEFORE AFTER --rubric ID`: grades two drafts under one rubric and shows
//! what the rewrite changed.

use super::args::{DocumentOutput, InputArgs};
use super::error::CliError;
use super::io::{grade_path, write_stdout};
use grade::batch::Rubrics;
use grade::compare::compare;
use grade::report::{Format, comparison, pretty_json};
use std::path::Path;
use std::process::ExitCode;

/// Compares the two drafts.
pub(crate) fn run(
    before: &Path,
    after: &Path,
    rubric: Option<&str>,
    output: &DocumentOutput,
) -> Result<ExitCode, CliError> {
    let rubrics = Rubrics::default();
    let (max_bytes, input) = (output.limit.max_bytes, InputArgs::default());
    let old = grade_path(before, rubric, max_bytes, &input, &rubrics)?;
    // The second draft is graded under the rubric the first one got, so the two compare.
    let new = grade_path(after, Some(&old.rubric.id), max_bytes, &input, &rubrics)?;
    let comparison = compare(&old, &new);
    write_stdout(&match output.format {
        Format::Json => pretty_json(&comparison),
        _ => comparison::render(&comparison),
    })?;
    Ok(ExitCode::SUCCESS)
}
