//! The client's settings for the server, from `initializationOptions` or
//! `workspace/didChangeConfiguration` (either the object itself or one under a `grade`
//! key): the default rubric and which diagnostics to publish.

use serde::Deserialize;
use serde_json::Value;
use std::path::Path;

/// What the client asked for. Every key is optional; unknown keys are ignored, since an
/// editor may send its whole configuration.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    /// The rubric for documents whose front matter and grade.toml name none: a built-in id
    /// or `auto` (a path is refused: settings may come from a workspace's own files).
    pub rubric: Option<String>,
    /// The score, band and weakest criterion on the first line.
    pub summary: bool,
    /// Each named mistake, on the sentence that makes it.
    pub mistakes: bool,
    /// Each flag, on its evidence.
    pub flags: bool,
    /// Missing signals of the highest-weighted criteria, on the first line.
    pub missing_signals: bool,
    /// A hint on every sentence that earned points, naming the criterion.
    pub evidence_hints: bool,
    /// Where `codeDescription` links point: the folder holding grade's README.md,
    /// docs/ and rubrics/ (default: this build's source checkout, as a `file://` URL).
    pub docs_url: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rubric: None,
            summary: true,
            mistakes: true,
            flags: true,
            missing_signals: true,
            evidence_hints: false,
            docs_url: super::documents::file_url(Path::new(env!("CARGO_MANIFEST_DIR"))),
        }
    }
}

/// The keys [`Settings`] reads, to tell our settings from another tool's.
const KEYS: &[&str] = &[
    "rubric",
    "summary",
    "mistakes",
    "flags",
    "missingSignals",
    "evidenceHints",
    "docsUrl",
];

impl Settings {
    /// Settings read from a client's JSON: the object under a `grade` key, else the object
    /// itself when it has any of our keys; `None` when it holds nothing for grade (a
    /// client sending its whole configuration), so the current settings stay. An error
    /// says which key had the wrong type.
    pub fn from_json(value: Option<&Value>) -> Result<Option<Settings>, String> {
        let ours = match value {
            Some(value) => match value.get("grade") {
                Some(grade) => Some(grade),
                None => value
                    .as_object()
                    .is_some_and(|o| o.keys().any(|k| KEYS.contains(&k.as_str())))
                    .then_some(value),
            },
            None => None,
        };
        match ours {
            None | Some(Value::Null) => Ok(None),
            Some(value) => serde_json::from_value(value.clone())
                .map(Some)
                .map_err(|e| format!("grade lsp settings: {e}; keeping the previous ones")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_keys_and_a_grade_section() {
        assert_eq!(Settings::from_json(None).unwrap(), None);
        assert_eq!(
            Settings::from_json(Some(&json!({"editor": {"x": 1}}))).unwrap(),
            None
        );
        let flat = Settings::from_json(Some(&json!({"rubric": "metrics", "evidenceHints": true})))
            .unwrap()
            .unwrap();
        assert_eq!(flat.rubric.as_deref(), Some("metrics"));
        assert!(flat.evidence_hints && flat.summary);
        let nested =
            Settings::from_json(Some(&json!({"grade": {"missingSignals": false}, "x": 1})))
                .unwrap()
                .unwrap();
        assert!(!nested.missing_signals);
        assert_eq!(
            Settings::from_json(Some(&json!({"grade": null}))).unwrap(),
            None
        );
        let wrong = Settings::from_json(Some(&json!({"summary": "yes"}))).unwrap_err();
        assert!(wrong.contains("invalid type"), "{wrong}");
    }
}
