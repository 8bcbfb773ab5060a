//! SARIF 2.1.0 (code-scanning upload): one run of the `grade` tool with three rules —
//! a broken bound and an unreadable file as errors, a missing high-weight signal as a
//! warning. Results are written as files finish; the document closes at the end.

use super::{BatchRenderer, missing_high_weight, pretty_indented};
use crate::cohort::{FileReport, Summary};
use serde_json::{Value, json};

const RULES: &[(&str, &str)] = &[
    ("bound", "A graded answer broke a bound set for CI."),
    ("file-error", "A file could not be graded."),
    (
        "missing-signal",
        "A signal of the rubric's highest-weight criteria is missing from the answer.",
    ),
];

/// The SARIF 2.1.0 renderer: a result per bound, error and missing signal.
#[derive(Default)]
pub struct Sarif {
    written: usize,
}

impl Sarif {
    fn result(
        &mut self,
        rule: &str,
        level: &str,
        message: String,
        file: &str,
        line: usize,
        column: usize,
    ) -> String {
        let value = json!({
            "ruleId": rule,
            "level": level,
            "message": { "text": message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(file) },
                    "region": { "startLine": line, "startColumn": column }
                }
            }]
        });
        let separator = if self.written == 0 {
            "\n        "
        } else {
            ",\n        "
        };
        self.written += 1;
        format!("{separator}{}", pretty_indented(&value, 8))
    }
}

impl BatchRenderer for Sarif {
    fn needs_rows(&self) -> bool {
        false
    }

    fn begin(&mut self) -> String {
        let rules: Vec<Value> = RULES
            .iter()
            .map(|(id, text)| json!({ "id": id, "shortDescription": { "text": text } }))
            .collect();
        let driver = json!({
            "name": "grade",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        format!(
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {{\n        \"driver\": {}\n      }},\n      \"results\": [",
            pretty_indented(&driver, 8)
        )
    }

    fn file(&mut self, report: &FileReport) -> String {
        let mut out = String::new();
        match report.outcome {
            Err(error) => {
                let (line, column) = error.position().map_or((1, 1), |p| (p.line, p.column));
                out += &self.result(
                    "file-error",
                    "error",
                    error.to_string(),
                    report.name,
                    line,
                    column,
                );
            }
            Ok(grade) => {
                for violation in report.violations {
                    out += &self.result("bound", "error", violation.to_string(), report.name, 1, 1);
                }
                for (criterion, signal, missing) in missing_high_weight(grade) {
                    let message = format!(
                        "{} ({}.{}): {missing}",
                        criterion.name, criterion.id, signal.id
                    );
                    out += &self.result("missing-signal", "warning", message, report.name, 1, 1);
                }
            }
        }
        out
    }

    fn finish(&mut self, _summary: &Summary) -> String {
        let close = if self.written == 0 { "]" } else { "\n      ]" };
        format!("{close}\n    }}\n  ]\n}}\n")
    }
}

/// A relative path as a URI reference: `/` separators, reserved bytes percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_is_valid_sarif() {
        let out = super::super::sample::render(&mut Sarif::default());
        let value: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["version"], "2.1.0");
        let results = value["runs"][0]["results"].as_array().unwrap();
        let rules: Vec<&str> = results
            .iter()
            .map(|r| r["ruleId"].as_str().unwrap())
            .collect();
        assert!(
            rules.contains(&"bound") && rules.contains(&"file-error"),
            "{rules:?}"
        );
        assert_eq!(uri("my answers/a#1.md"), "my%20answers/a%231.md");
        insta::assert_snapshot!(out);
    }
}
