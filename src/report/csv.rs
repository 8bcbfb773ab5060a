//! CSV (RFC 4180): a row per file, a column per criterion (points on the criterion's own
//! scale); a file that could not be graded has its message in the `error` column.

use super::{BatchRenderer, number};
use crate::cohort::Summary;

/// The CSV batch renderer: one row per file, a column per criterion.
#[derive(Default)]
pub struct Csv;

impl BatchRenderer for Csv {
    fn finish(&mut self, summary: &Summary) -> String {
        // Criterion columns in the order they first appear (path order, rubric order).
        let mut columns: Vec<&str> = Vec::new();
        for row in &summary.rows {
            for c in &row.criteria {
                if !columns.contains(&c.id.as_str()) {
                    columns.push(&c.id);
                }
            }
        }
        let mut out = String::new();
        let header = ["file", "rubric", "score", "band", "weakest"]
            .into_iter()
            .chain(columns.iter().copied())
            .chain(["bounds broken", "error"]);
        push_record(&mut out, header.map(str::to_owned));
        for row in &summary.rows {
            let criteria = columns.iter().map(|id| {
                row.criteria
                    .iter()
                    .find(|c| c.id == *id)
                    .map(|c| number(c.score))
                    .unwrap_or_default()
            });
            let violations: Vec<String> = row.violations.iter().map(|v| v.to_string()).collect();
            let error = row.error.as_ref().map(|e| match e.position {
                Some(p) => format!("{p}: {}", e.message),
                None => e.message.clone(),
            });
            let record = [
                row.file.clone(),
                row.rubric.clone().unwrap_or_default(),
                row.score.map(|s| format!("{s:.1}")).unwrap_or_default(),
                row.band.clone().unwrap_or_default(),
                row.weakest
                    .as_ref()
                    .map(|w| w.id.clone())
                    .unwrap_or_default(),
            ]
            .into_iter()
            .chain(criteria)
            .chain([violations.join("; "), error.unwrap_or_default()]);
            push_record(&mut out, record);
        }
        out
    }
}

fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_and_quoting() {
        let out = super::super::sample::render(&mut Csv);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 4, "a header and a row per file");
        let columns = lines[0].split(',').count();
        assert!(lines[0].starts_with("file,rubric,score,band,weakest,"));
        assert_eq!(lines[1].split(',').count(), columns);
        insta::assert_snapshot!(out);

        let mut quoted = String::new();
        push_record(
            &mut quoted,
            ["a,b".to_owned(), "say \"hi\"".to_owned()].into_iter(),
        );
        assert_eq!(quoted, "\"a,b\",\"say \"\"hi\"\"\"\r\n");
    }
}
