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
        let name = crate::text::escape::line(report.name);
        match report.outcome {
            Err(error) => format!("  ERROR         {}\n", error.describe(&name)),
            Ok(grade) if report.violations.is_empty() => {
                format!("  ok    {:>5.1}  {name}\n", grade.score)
            }
            Ok(grade) => {
                let broken: Vec<String> = report.violations.iter().map(|v| v.to_string()).collect();
                format!(
                    "  FAIL  {:>5.1}  {}: {}\n",
                    grade.score,
                    name,
                    broken.join("; ")
                )
            }
        }
    }

    fn finish(&mut self, _summary: &Summary) -> String {
        String::new()
    }
}

/// The running count of a `grade check` over all its checks.
#[derive(Debug, Default)]
pub struct Tally {
    checks: usize,
    files: usize,
    failed: usize,
    out_of_bounds: usize,
    empty: usize,
}

impl Tally {
    /// A check's heading, `check `NAME`: 3 files`, counted as one more check.
    pub fn heading(&mut self, title: &str, files: usize) -> String {
        self.checks += 1;
        format!("{title}: {}\n", count(files, "file", "files"))
    }

    /// Counts a check's files.
    pub fn add(&mut self, summary: &Summary) {
        self.files += summary.cohort.files;
        self.failed += summary.cohort.failed;
        self.out_of_bounds += summary.cohort.out_of_bounds;
    }

    /// Counts a check whose globs matched no file.
    pub fn add_empty(&mut self) {
        self.empty += 1;
    }

    /// (files that could not be graded, files out of bounds, checks that matched none).
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.failed, self.out_of_bounds, self.empty)
    }

    /// The last lines: files and checks, how many within bounds, out of bounds, failed.
    pub fn finish(&self) -> String {
        let ok = self.files - self.failed - self.out_of_bounds;
        let mut tally = format!(
            "\n{} in {}: {ok} within bounds, {} out of bounds",
            count(self.files, "file", "files"),
            count(self.checks, "check", "checks"),
            self.out_of_bounds
        );
        if self.failed > 0 {
            tally.push_str(&format!(", {} could not be graded", self.failed));
        }
        tally.push('\n');
        tally
    }
}

/// `1 file`, `2 files`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
