//! `grade check`'s verdicts: one line per file, `ok`, `FAIL` with the bounds it broke, or
//! `ERROR` with why.

use super::BatchRenderer;
use crate::cohort::{FileReport, Summary};

/// One line per file; nothing at the end (the caller tallies the checks).
pub struct Verdicts;

impl BatchRenderer for Verdicts {
    fn needs_rows(&self) -> bool {
        false
    }

    fn file(&mut self, report: &FileReport) -> String {
        match report.outcome {
            Err(error) => format!("  ERROR         {}\n", error.describe(report.name)),
            Ok(grade) if report.violations.is_empty() => {
                format!("  ok    {:>5.1}  {}\n", grade.score, report.name)
            }
            Ok(grade) => {
                let broken: Vec<String> = report.violations.iter().map(|v| v.to_string()).collect();
                format!(
                    "  FAIL  {:>5.1}  {}: {}\n",
                    grade.score,
                    report.name,
                    broken.join("; ")
                )
            }
        }
    }

    fn finish(&mut self, _summary: &Summary) -> String {
        String::new()
    }
}
