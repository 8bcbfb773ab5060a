//! JUnit XML: one testcase per file (class: its rubric), failed where a bound broke and in
//! error where the file could not be graded, so CI dashboards count sample answers as tests.

use super::BatchRenderer;
use crate::cohort::Summary;
use std::fmt::Write;

/// The JUnit XML renderer: a test case per file, a failure per bound broken.
#[derive(Default)]
pub struct Junit;

impl BatchRenderer for Junit {
    fn finish(&mut self, summary: &Summary) -> String {
        let cohort = &summary.cohort;
        let counts = format!(
            "tests=\"{}\" failures=\"{}\" errors=\"{}\"",
            cohort.files, cohort.out_of_bounds, cohort.failed
        );
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(out, "<testsuites name=\"grade\" {counts}>");
        let _ = writeln!(out, "  <testsuite name=\"grade\" {counts}>");
        for row in &summary.rows {
            let classname = row.rubric.as_deref().unwrap_or("grade");
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\"",
                escape(&row.file),
                escape(classname)
            );
            if let Some(error) = &row.error {
                let at = error.position.map(|p| format!("{p}: ")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    ">\n      <error message=\"{}\"/>\n    </testcase>",
                    escape(&format!("{at}{}", error.message))
                );
                continue;
            }
            let score = format!(
                "score {:.1} ({})",
                row.score.unwrap_or_default(),
                row.band.as_deref().unwrap_or_default()
            );
            if row.violations.is_empty() {
                let _ = writeln!(
                    out,
                    ">\n      <system-out>{}</system-out>\n    </testcase>",
                    escape(&score)
                );
                continue;
            }
            let messages: Vec<String> = row.violations.iter().map(|v| v.to_string()).collect();
            let _ = writeln!(
                out,
                ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                escape(&messages.join("; ")),
                row.violations[0].bound,
                escape(&format!("{score}\n{}", messages.join("\n")))
            );
        }
        out.push_str("  </testsuite>\n</testsuites>\n");
        out
    }
}

/// Escapes text for an XML attribute or element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_and_escaping() {
        let out = super::super::sample::render(&mut Junit);
        assert!(
            out.contains("tests=\"3\" failures=\"1\" errors=\"1\""),
            "{out}"
        );
        assert_eq!(
            escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\u{fffd}"
        );
        insta::assert_snapshot!(out);
    }
}
