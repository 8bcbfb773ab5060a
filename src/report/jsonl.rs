//! JSON Lines: one compact `grade-report/1` object per line, written as each file finishes,
//! in path order; a file that could not be graded is a `{"file", "error", …}` line.

use super::{BatchRenderer, ErrorRecord};
use crate::cohort::{FileReport, Summary};
use crate::scoring::Grade;
use serde::Serialize;

/// The JSON Lines renderer: one object per file as it finishes, nothing after.
#[derive(Default)]
pub struct JsonLines;

impl BatchRenderer for JsonLines {
    fn needs_rows(&self) -> bool {
        false
    }

    fn file(&mut self, report: &FileReport) -> String {
        match report.outcome {
            Ok(grade) => line(grade),
            Err(error) => line(&ErrorRecord::new(report.name, error)),
        }
    }

    fn finish(&mut self, _summary: &Summary) -> String {
        String::new()
    }
}

/// One value as a line of JSON Lines.
pub fn line(value: &impl Serialize) -> String {
    let mut out = serde_json::to_string(value).expect("reports always serialize");
    out.push('\n');
    out
}

/// A `--stdin-jsonl` result: the record's id as given and its report.
#[derive(Serialize)]
pub struct StdinReport<'a> {
    /// The record's `id`, as the exact JSON text given; null when it had none.
    pub id: Option<&'a serde_json::value::RawValue>,
    /// Its grade.
    pub report: &'a Grade,
}

/// A `--stdin-jsonl` record that could not be graded: its input line and its index among
/// the stream's records, its id when it had one, and why.
#[derive(Serialize)]
pub struct StdinError<'a> {
    /// The record's `id`, as the exact JSON text given; null when it had none.
    pub id: Option<&'a serde_json::value::RawValue>,
    /// The 1-based input line of the record.
    pub line: usize,
    /// The record's 1-based index among the records of its input stream (blank lines are
    /// not records): the n-th record a caller sent.
    pub record: usize,
    /// Why it could not be graded.
    pub error: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_one_object_per_line() {
        let out = super::super::sample::render(&mut JsonLines);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["file"], "answers/good.md");
        assert!(lines[2]["error"].as_str().unwrap().contains("UTF-8"));
        insta::assert_snapshot!(out);
    }
}
