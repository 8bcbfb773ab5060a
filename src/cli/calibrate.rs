//! `grade calibrate LABELS.csv`: grades each labelled answer (paths relative to the labels
//! file's folder) and prints how grade's scores agree with the human ones.

use super::EXIT_ERROR;
use super::args::{DocumentOutput, InputArgs};
use super::error::CliError;
use super::io::{grade_path, write_stdout};
use grade::batch::Rubrics;
use grade::calibrate::{calibrate, pair_all, read_labels};
use grade::report::{Format, calibration, pretty_json};
use std::path::Path;
use std::process::ExitCode;

/// Calibrates against the labels at `labels_path`; a row that cannot be graded is an
/// `error:` line and exit 2, the others still count.
pub(crate) fn run(
    labels_path: &Path,
    rubric: Option<&str>,
    output: &DocumentOutput,
) -> Result<ExitCode, CliError> {
    let name = labels_path.display().to_string();
    let fail = |e| CliError::Calibrate(name.clone(), e);
    let labels = read_labels(labels_path).map_err(fail)?;
    let base = labels_path.parent().unwrap_or(Path::new("."));
    let rubrics = Rubrics::default();
    let mut failed = false;
    let pairs = pair_all(&labels, |row| {
        let chosen = row.rubric.as_deref().or(rubric);
        let max_bytes = output.limit.max_bytes;
        let input = InputArgs::default();
        grade_path(&base.join(&row.file), chosen, max_bytes, &input, &rubrics)
            .map_err(|error| {
                eprintln!("error: {name}:{}: {error}", row.line);
                failed = true;
            })
            .ok()
    })
    .map_err(fail)?;
    let calibration = calibrate(&pairs, &labels.criteria);
    write_stdout(&match output.format {
        Format::Json => pretty_json(&calibration),
        _ => calibration::render(&calibration),
    })?;
    Ok(if failed {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}
