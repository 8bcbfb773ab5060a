//! `grade calibrate LABELS.csv`: grades each labelled answer and reports how grade's scores
//! agree with the human ones. Files are read relative to the labels file's folder.

use super::analyze::InputArgs;
use super::io::{grade_path, resolve_rubric, write_stdout};
use super::{DocumentFormat, EXIT_ERROR};
use grade::batch::Rubrics;
use grade::calibrate::{Pair, calibrate, parse_labels};
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn run(
    labels_path: &Path,
    rubric: Option<&str>,
    format: DocumentFormat,
    max_bytes: usize,
) -> Result<ExitCode, String> {
    let name = labels_path.display();
    let text = std::fs::read_to_string(labels_path).map_err(|e| format!("{name}: {e}"))?;
    let labels = parse_labels(&text).map_err(|e| format!("{name}:{e}"))?;
    let base = labels_path.parent().unwrap_or(Path::new("."));
    let rubrics = Rubrics::new(&resolve_rubric);
    let mut pairs = Vec::new();
    let mut failed = false;
    for row in &labels.rows {
        let path = base.join(&row.file);
        let chosen = row.rubric.as_deref().or(rubric);
        let grade = match grade_path(&path, chosen, max_bytes, &InputArgs::default(), &rubrics) {
            Ok(grade) => grade,
            Err(message) => {
                eprintln!("error: {name}:{}: {message}", row.line);
                failed = true;
                continue;
            }
        };
        let mut criteria = Vec::with_capacity(labels.criteria.len());
        for (column, human) in labels.criteria.iter().zip(&row.criteria) {
            let Some(human) = human else {
                criteria.push(None);
                continue;
            };
            let Some(graded) = grade.criteria.iter().find(|c| &c.id == column) else {
                return Err(format!(
                    "{name}:{}: column `{column}` is not a criterion of `{}` ({})",
                    row.line,
                    grade.rubric.id,
                    grade
                        .criteria
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            };
            criteria.push(Some((
                *human,
                graded.score / graded.max.max(f64::MIN_POSITIVE),
            )));
        }
        pairs.push(Pair {
            human: row.score,
            machine: grade.score,
            criteria,
        });
    }
    if pairs.is_empty() {
        return Err(format!("{name}: no labelled answer could be graded"));
    }
    let calibration = calibrate(&pairs, &labels.criteria);
    let output = match format {
        DocumentFormat::Json => {
            let mut json = serde_json::to_string_pretty(&calibration)
                .expect("a calibration always serializes");
            json.push('\n');
            json
        }
        DocumentFormat::Text => grade::report::calibration::render(&calibration),
    };
    write_stdout(&output)?;
    Ok(if failed {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}
