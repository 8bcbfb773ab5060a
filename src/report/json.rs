//! JSON: the grade as one object of schema `grade-report/1` (fields in the README); a batch
//! as one document of schema `grade-batch/1`, every report then the summary, written as the
//! files finish so that the reports are never all held at once.

use super::{BatchRenderer, ErrorRecord, pretty_indented, pretty_json};
use crate::cohort::{FileReport, Summary};
use crate::scoring::Grade;

/// The schema of a batch document.
pub const BATCH_SCHEMA: &str = "grade-batch/1";

/// The grade as one pretty-printed JSON object of schema `grade-report/1`.
pub fn render(grade: &Grade) -> String {
    pretty_json(grade)
}

/// `{"schema": "grade-batch/1", "reports": [...], "summary": {...}}`, pretty-printed.
#[derive(Default)]
pub struct JsonBatch {
    written: usize,
}

impl BatchRenderer for JsonBatch {
    fn begin(&mut self) -> String {
        format!("{{\n  \"schema\": \"{BATCH_SCHEMA}\",\n  \"reports\": [")
    }

    fn file(&mut self, report: &FileReport) -> String {
        let separator = if self.written == 0 {
            "\n    "
        } else {
            ",\n    "
        };
        self.written += 1;
        let body = match report.outcome {
            Ok(grade) => pretty_indented(grade, 4),
            Err(error) => pretty_indented(&ErrorRecord::new(report.name, error), 4),
        };
        format!("{separator}{body}")
    }

    fn finish(&mut self, summary: &Summary) -> String {
        let close = if self.written == 0 { "]" } else { "\n  ]" };
        format!(
            "{close},\n  \"summary\": {}\n}}\n",
            pretty_indented(summary, 2)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_json_ends_with_a_newline() {
        let value = serde_json::json!({"a": [1, 2]});
        assert_eq!(
            pretty_json(&value),
            "{\n  \"a\": [\n    1,\n    2\n  ]\n}\n"
        );
    }

    #[test]
    fn batch_snapshot_is_one_valid_document() {
        let out = super::super::sample::render(&mut JsonBatch::default());
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["reports"].as_array().unwrap().len(), 3);
        assert_eq!(value["schema"], BATCH_SCHEMA);
        assert_eq!(value["summary"]["cohort"]["files"], 3);
        insta::assert_snapshot!(out);
    }
}
