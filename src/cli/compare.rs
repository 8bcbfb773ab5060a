//! `grade compare BEFORE AFTER --rubric ID`: grades two drafts under one rubric and shows
//! what the rewrite changed.

use super::DocumentFormat;
use super::analyze::InputArgs;
use super::io::{grade_path, resolve_rubric, write_stdout};
use grade::batch::Rubrics;
use grade::compare::compare;
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn run(
    before: &Path,
    after: &Path,
    rubric: Option<&str>,
    format: DocumentFormat,
    max_bytes: usize,
) -> Result<ExitCode, String> {
    let rubrics = Rubrics::new(&resolve_rubric);
    let old = grade_path(before, rubric, max_bytes, &InputArgs::default(), &rubrics)?;
    // The second draft is graded under the rubric the first one got, so the two compare.
    let new = grade_path(
        after,
        Some(&old.rubric.id),
        max_bytes,
        &InputArgs::default(),
        &rubrics,
    )?;
    let comparison = compare(&old, &new);
    let output = match format {
        DocumentFormat::Json => {
            let mut json =
                serde_json::to_string_pretty(&comparison).expect("a comparison always serializes");
            json.push('\n');
            json
        }
        DocumentFormat::Text => grade::report::comparison::render(&comparison),
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}
