//! GitHub Actions workflow commands: an `::error` for each file that could not be graded
//! and each bound broken, a `::warning` for each signal missing from the rubric's
//! highest-weight criteria, and a `::notice` with the cohort's figures.

use super::{BatchRenderer, missing_high_weight};
use crate::cohort::{FileReport, Summary};
use std::fmt::Write;

/// The GitHub Actions renderer: workflow commands, written as files finish.
#[derive(Default)]
pub struct Github;

impl BatchRenderer for Github {
    fn needs_rows(&self) -> bool {
        false
    }

    fn file(&mut self, report: &FileReport) -> String {
        let mut out = String::new();
        let file = property(report.name);
        match report.outcome {
            Err(error) => {
                let (line, column) = error.position().map_or((1, 1), |p| (p.line, p.column));
                let _ = writeln!(
                    out,
                    "::error file={file},line={line},col={column},title=grade::{}",
                    data(&error.to_string())
                );
            }
            Ok(grade) => {
                for violation in report.violations {
                    let _ = writeln!(
                        out,
                        "::error file={file},line=1,title={}::{}",
                        property(&format!("grade: {} bound", violation.bound)),
                        data(&violation.to_string())
                    );
                }
                for (criterion, signal, missing) in missing_high_weight(grade) {
                    let _ = writeln!(
                        out,
                        "::warning file={file},line=1,title={}::{}",
                        property(&format!(
                            "{} ({}.{})",
                            criterion.name, criterion.id, signal.id
                        )),
                        data(missing)
                    );
                }
            }
        }
        out
    }

    fn finish(&mut self, summary: &Summary) -> String {
        let cohort = &summary.cohort;
        let mut message = format!("{} files, {} graded", cohort.files, cohort.graded);
        if let Some(score) = &cohort.score {
            let _ = write!(
                message,
                ", mean {:.1}, median {:.1}, min {:.1}, max {:.1}",
                score.mean, score.median, score.min, score.max
            );
        }
        if cohort.failed > 0 {
            let _ = write!(message, "; {} could not be graded", cohort.failed);
        }
        if cohort.out_of_bounds > 0 {
            let _ = write!(message, "; {} broke a bound", cohort.out_of_bounds);
        }
        format!("::notice title=grade::{}\n", data(&message))
    }
}

/// Escapes a command's message, as the Actions runner reads it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (file, title), where `:` and `,` also delimit.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_and_escaping() {
        let out = super::super::sample::render(&mut Github);
        assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        insta::assert_snapshot!(out);
    }
}
