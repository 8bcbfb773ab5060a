//! Pairing: each labelled row with the grade of its answer, human score beside grade's,
//! overall and per criterion column.

use super::labels::{Label, Labels, LabelsError};
use super::parse_labels;
use crate::scoring::Grade;
use std::path::Path;

/// One labelled answer and what grade gave it: overall (0–100) and per criterion (0–1 of
/// the criterion's max), in the order of the labels' criterion columns.
#[derive(Clone, Debug)]
pub struct Pair {
    /// The person's score overall, when the labels give one.
    pub human: Option<i64>,
    /// grade's score, 0–100.
    pub machine: f64,
    /// Per criterion column: (the person's score, grade's share of the criterion's max).
    pub criteria: Vec<Option<(i64, f64)>>,
}

/// Why a calibration could not run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CalibrateError {
    /// The labels file could not be read.
    #[error("{0}")]
    Unreadable(String),
    /// The labels file is not a valid labels CSV.
    #[error(transparent)]
    Labels(#[from] LabelsError),
    /// A criterion column names no criterion of the rubric its row was graded under.
    #[error("{line}: `{column}` is not a criterion of `{rubric}` ({criteria})")]
    UnknownColumn {
        /// The row's line.
        line: usize,
        /// The column's name.
        column: String,
        /// The rubric the row was graded under.
        rubric: String,
        /// That rubric's criterion ids, comma-separated.
        criteria: String,
    },
    /// Not one row could be graded.
    #[error("no labelled answer could be graded")]
    NoneGraded,
}

impl CalibrateError {
    /// The error as the CLI prints it after `error: `, naming the labels file.
    pub fn describe(&self, name: &str) -> String {
        match self {
            CalibrateError::Labels(_) | CalibrateError::UnknownColumn { .. } => {
                format!("{name}:{self}")
            }
            _ => format!("{name}: {self}"),
        }
    }
}

/// The most bytes a labels file may hold: 16 MiB, some hundred thousand rows.
pub const MAX_LABELS_BYTES: u64 = 16 << 20;

/// Reads and parses the labels file: a regular file (a FIFO or device is refused without
/// being opened) of at most [`MAX_LABELS_BYTES`].
pub fn read_labels(path: &Path) -> Result<Labels, CalibrateError> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| CalibrateError::Unreadable(e.to_string());
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        let reason = "not a regular file; grade reads labels from regular files only";
        return Err(CalibrateError::Unreadable(reason.into()));
    }
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_LABELS_BYTES + 1).read_to_string(&mut text))
        .map_err(unreadable)?;
    if text.len() as u64 > MAX_LABELS_BYTES {
        let reason = format!("over the {MAX_LABELS_BYTES}-byte limit of a labels file");
        return Err(CalibrateError::Unreadable(reason));
    }
    Ok(parse_labels(&text)?)
}

/// Pairs every row that `grade` grades (a row it returns `None` for is left out: the
/// caller reports why) with its human scores.
pub fn pair_all(
    labels: &Labels,
    mut grade: impl FnMut(&Label) -> Option<Grade>,
) -> Result<Vec<Pair>, CalibrateError> {
    let mut pairs = Vec::new();
    for row in &labels.rows {
        if let Some(graded) = grade(row) {
            pairs.push(pair(&labels.criteria, row, &graded)?);
        }
    }
    if pairs.is_empty() {
        return Err(CalibrateError::NoneGraded);
    }
    Ok(pairs)
}

/// One row and its grade: each criterion column's human score beside grade's share of
/// that criterion's max.
pub fn pair(columns: &[String], row: &Label, grade: &Grade) -> Result<Pair, CalibrateError> {
    let mut criteria = Vec::with_capacity(columns.len());
    for ((column, human), &line) in columns.iter().zip(&row.criteria).zip(&row.criterion_lines) {
        let Some(human) = human else {
            criteria.push(None);
            continue;
        };
        let Some(graded) = grade.criteria.iter().find(|c| &c.id == column) else {
            return Err(CalibrateError::UnknownColumn {
                line,
                column: column.clone(),
                rubric: grade.rubric.id.clone(),
                criteria: grade
                    .criteria
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        };
        criteria.push(Some((
            *human,
            graded.score / graded.max.max(f64::MIN_POSITIVE),
        )));
    }
    Ok(Pair {
        human: row.score,
        machine: grade.score,
        criteria,
    })
}
