//! One answer graded from a request body `{"text", "rubric"}` (the practice page's
//! `POST /api/grade`): the same grade the CLI gives that text on standard input, with the
//! rubric taken from the built-in ones only, so that a request never names a file to read.

use super::grade::{Settings, grade_decoded};
use super::rubrics::{Rubrics, builtin_choice};
use crate::rubric::builtin;
use crate::scoring::Grade;
use serde::Deserialize;

/// The body of a grading request.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    /// The answer, as typed or pasted.
    text: String,
    /// A built-in rubric id, or `auto`.
    rubric: String,
}

/// Why a request was not graded.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The body is not a JSON object with exactly a `text` and a `rubric` string.
    #[error("{0}")]
    Malformed(String),
    /// The rubric is not `auto` nor a built-in id.
    #[error("{0}")]
    UnknownRubric(String),
    /// The answer could not be graded (empty, binary, no rubric fits it under `auto`, a
    /// malformed transcript); the message says why, as the CLI would.
    #[error("{0}")]
    Ungradable(String),
}

/// A request body `{"text": "...", "rubric": "<built-in id>"|"auto"}`.
const SHAPE: &str =
    r#"the body is a JSON object {"text": "...", "rubric": "<built-in id>" or "auto"}"#;

/// Grades the answer a request body holds, as `grade - --rubric RUBRIC` grades the same
/// text on standard input (the report's `file` is `-`). Rubrics come from `rubrics`, which
/// should load built-in ids only; a name that looks like a path is an unknown rubric here
/// and is never read. Answers over `max_bytes` are refused as the CLI refuses them.
pub fn grade_request(
    body: &[u8],
    rubrics: &Rubrics,
    max_bytes: usize,
) -> Result<Grade, RequestError> {
    let parsed: Body = match serde_json::from_slice(body) {
        // serde reads a struct from an array too; a request is an object only.
        Ok(_) if !body.trim_ascii_start().starts_with(b"{") => {
            return Err(RequestError::Malformed(SHAPE.to_owned()));
        }
        Ok(parsed) => parsed,
        Err(e) => return Err(RequestError::Malformed(format!("{e}; {SHAPE}"))),
    };
    let rubric = builtin_choice(&parsed.rubric).map_err(|unknown| {
        RequestError::UnknownRubric(unknown.unwrap_or_else(|| {
            format!(
                "unknown rubric `{}`: the page grades with a built-in rubric ({}) or `auto`, and never reads rubric files",
                parsed.rubric,
                builtin::ids().collect::<Vec<_>>().join(", ")
            )
        }))
    })?;
    let settings = Settings {
        rubric,
        rubrics,
        max_bytes,
        parse: Default::default(),
    };
    let ungradable = |e: crate::cohort::FileError| RequestError::Ungradable(e.describe("answer"));
    let text =
        crate::decode(parsed.text.into_bytes(), max_bytes).map_err(|e| ungradable(e.into()))?;
    let mut grade = grade_decoded(&text, &settings).map_err(ungradable)?;
    grade.file = Some("-".to_owned());
    Ok(grade)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grade(body: &str) -> Result<Grade, RequestError> {
        let rubrics = Rubrics::new(&builtin::load_builtin);
        grade_request(body.as_bytes(), &rubrics, 10_000)
    }

    fn malformed(body: &str) -> String {
        match grade(body) {
            Err(RequestError::Malformed(message)) => message,
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn a_request_is_an_object_with_text_and_rubric() {
        let answer = r#"{"text": "We track churn every week for members.", "rubric": "metrics"}"#;
        let graded = grade(answer).unwrap();
        assert_eq!(graded.rubric.id, "metrics");
        assert_eq!(graded.file.as_deref(), Some("-"));
        assert!(malformed(r#"{"text": "x"}"#).contains("missing field `rubric`"));
        assert!(malformed(r#"{"rubric": "metrics"}"#).contains("missing field `text`"));
        let extra = r#"{"text": "x", "rubric": "metrics", "file": "/etc/passwd"}"#;
        assert!(malformed(extra).contains("unknown field `file`"));
        assert!(malformed(r#"["x", "metrics"]"#).starts_with("the body is a JSON object"));
        assert!(malformed("{").contains("EOF"));
        assert!(malformed(r#"{"text": 5, "rubric": "metrics"}"#).contains("invalid type"));
    }

    #[test]
    fn only_built_in_rubrics_and_auto() {
        for name in [
            "/etc/passwd",
            "../rubrics/metrics.toml",
            "metrics.toml",
            "C:\\x",
        ] {
            let body = serde_json::json!({"text": "An answer.", "rubric": name}).to_string();
            match grade(&body) {
                Err(RequestError::UnknownRubric(message)) => {
                    assert!(message.contains("never reads rubric files"), "{message}");
                }
                other => panic!("{name}: {other:?}"),
            }
        }
        let unknown = grade(r#"{"text": "An answer.", "rubric": "no-such"}"#);
        assert!(matches!(unknown, Err(RequestError::UnknownRubric(m)) if m.contains("no-such")));
        let auto = grade(
            r#"{"text": "How would you measure success of downloads?\n\nWe track churn.", "rubric": "auto"}"#,
        );
        assert!(auto.unwrap().selected.is_some());
    }

    #[test]
    fn an_empty_answer_is_ungradable() {
        let empty = grade(r#"{"text": "  \n", "rubric": "metrics"}"#);
        assert!(matches!(empty, Err(RequestError::Ungradable(m)) if m.contains("empty")));
    }
}
