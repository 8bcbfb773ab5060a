//! `grade analyze --format json`: the summary as one object of schema `grade-analysis/1`.

use crate::analysis::summary::Summary;

/// The summary as one pretty-printed JSON object of schema `grade-analysis/1`.
pub fn render(summary: &Summary) -> String {
    super::pretty_json(summary)
}
