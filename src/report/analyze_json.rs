//! `grade analyze --format json`: the summary as one object of schema `grade-analysis/1`.

use crate::analysis::summary::Summary;

/// The summary as pretty JSON.
pub fn render(summary: &Summary) -> String {
    super::pretty_json(summary)
}
