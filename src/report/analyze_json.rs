//! `grade analyze --format json`: the summary as one object of schema `grade-analysis/1`.

use crate::analysis::summary::Summary;

pub fn render(summary: &Summary) -> String {
    let mut out = serde_json::to_string_pretty(summary).expect("a summary always serializes");
    out.push('\n');
    out
}
