//! Grading one open document: its text under the rubric chosen for it, keeping what the
//! diagnostics, the hover and the report read (the document, its analysis, the grade and
//! the line map), and the notes that stand in for a grade when there is none.

use super::position::Lines;
use super::rubric::{self, Choice, Found};
use crate::analysis::Analysis;
use crate::batch::{Rubrics, looks_like_path};
use crate::document::{Document, ParseOptions, parse_with};
use crate::rubric::auto;
use crate::scoring::Grade;
use lsp_types::DiagnosticSeverity;
use std::path::{Path, PathBuf};

/// A diagnostic that is not about the grade's content: a refused rubric, an input
/// warning, a document too large, no rubric at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Zero-based line.
    pub line: u32,
    /// How serious.
    pub severity: DiagnosticSeverity,
    /// The diagnostic's code.
    pub code: &'static str,
    /// What it says.
    pub message: String,
}

impl Note {
    fn new(line: u32, severity: DiagnosticSeverity, code: &'static str, message: String) -> Self {
        Note {
            line,
            severity,
            code,
            message,
        }
    }
}

/// A document graded, with everything read to explain the grade.
#[derive(Debug)]
pub struct Graded {
    /// The parsed document (its text is the buffer's).
    pub document: Document,
    /// Its analysis: sentences with their spans.
    pub analysis: Analysis,
    /// The grade.
    pub grade: Grade,
    /// How the rubric was chosen.
    pub choice: Choice,
    /// The rubric file, when the rubric came from one (for links to it).
    pub rubric_file: Option<PathBuf>,
}

/// What grading a buffer gave: notes, and a grade when there is one.
#[derive(Debug)]
pub struct Outcome {
    /// The buffer's line map.
    pub lines: Lines,
    /// Diagnostics about the input or the rubric choice.
    pub notes: Vec<Note>,
    /// The grade; none when the document could not be graded.
    pub graded: Option<Box<Graded>>,
}

/// What grading a buffer needs besides its text.
pub struct Context<'a> {
    /// The buffer's file, when it is one.
    pub file: Option<&'a Path>,
    /// Its grade.toml.
    pub config: &'a Found,
    /// The client's default rubric.
    pub default: Option<&'a str>,
    /// Compiled rubrics, kept across changes.
    pub rubrics: &'a Rubrics<'a>,
    /// Larger buffers are not graded.
    pub max_bytes: usize,
    /// The name the report gives the file.
    pub name: &'a str,
}

/// Grades `text` (a whole buffer).
pub fn grade(text: &str, cx: &Context) -> Outcome {
    let lines = Lines::new(text);
    let mut notes = Vec::new();
    let graded = grade_into(text, cx, &mut notes);
    Outcome {
        lines,
        notes,
        graded,
    }
}

fn grade_into(text: &str, cx: &Context, notes: &mut Vec<Note>) -> Option<Box<Graded>> {
    use DiagnosticSeverity as S;
    if text.len() > cx.max_bytes {
        let message = format!(
            "not graded: this document is {} bytes, over the server's limit of {} (grade lsp --max-bytes)",
            text.len(),
            cx.max_bytes
        );
        notes.push(Note::new(0, S::WARNING, "too-large", message));
        return None;
    }
    let document = match parse_with(text, &ParseOptions::default()) {
        Ok(document) => document,
        Err(e) => {
            let line = zero_based(e.position.line);
            notes.push(Note::new(line, S::ERROR, "unreadable", e.message));
            return None;
        }
    };
    let choice = rubric::choose(&document, cx.file, cx.config, cx.default);
    for (line, why) in &choice.refused {
        notes.push(Note::new(*line, S::WARNING, "rubric-refused", why.clone()));
    }
    for warning in &document.warnings {
        let line = zero_based(warning.line);
        notes.push(Note::new(
            line,
            S::WARNING,
            "input",
            warning.message.clone(),
        ));
    }
    if document.blocks.is_empty() {
        let message = "nothing to grade yet: write the answer below the front matter".to_owned();
        notes.push(Note::new(0, S::INFORMATION, "empty", message));
        return None;
    }
    let (name, selected) = match &choice.rubric {
        Some(name) => (name.clone(), None),
        None => match auto::select(&document) {
            Ok(selection) => (selection.rubric.clone(), Some(selection)),
            Err(_) => {
                notes.push(Note::new(0, S::INFORMATION, "no-rubric", how_to_choose()));
                return None;
            }
        },
    };
    let rubric = match cx.rubrics.get(&name) {
        Ok(rubric) => rubric,
        Err(e) => {
            notes.push(Note::new(0, S::ERROR, "rubric", e.to_string()));
            return None;
        }
    };
    let analysis = crate::analyze(&document);
    let mut grade = crate::score(&document, &analysis, &rubric);
    grade.selected = selected;
    grade.file = Some(cx.name.to_owned());
    let rubric_file = looks_like_path(&name).then(|| PathBuf::from(&name));
    Some(Box::new(Graded {
        document,
        analysis,
        grade,
        choice,
        rubric_file,
    }))
}

/// The one diagnostic of a document without a rubric.
fn how_to_choose() -> String {
    format!(
        "No rubric chosen, and none fits the first line or `question:`. Choose one: front matter `rubric: <id>` ({}), a grade.toml with `[lsp] rubric = \"<id>\"` or a [[check]] whose files take this one, or the editor's `rubric` setting. The code action “Set the rubric” inserts the front matter.",
        rubric::listed()
    )
}

/// A 1-based line as the protocol's 0-based one.
fn zero_based(line: usize) -> u32 {
    u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::settings::Settings;
    use lsp_types::Position;

    /// Every text graded, every diagnostic built with every kind on, and a hover asked at
    /// every position (and past the ends): nothing panics, every range is in the text.
    #[test]
    fn odd_buffers_never_panic() {
        let texts = [
            "",
            "\r\n\r\n",
            "---\n",
            "---\nrubric: metrics\n---\n",
            "---\nrubric: metrics\n---\nWe track churn 🎉🎉 weekly.\r\nZoë’s “cohort” é\u{301} grew 5%.",
            &"🎉".repeat(50),
            "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana>We measured retention.\n",
            "WEBVTT\n\n1\nno timing line\n",
            "# only a heading",
        ];
        let rubrics = Rubrics::default();
        let settings = Settings {
            evidence_hints: true,
            rubric: Some("metrics".to_owned()),
            ..Settings::default()
        };
        for text in texts {
            let cx = Context {
                file: None,
                config: &None,
                default: settings.rubric.as_deref(),
                rubrics: &rubrics,
                max_bytes: 10_000,
                name: "t.md",
            };
            let outcome = grade(text, &cx);
            let lines = text.split('\n').count() as u32;
            for d in super::super::diagnostics::diagnostics(text, &outcome, &settings) {
                assert!(
                    d.range.start <= d.range.end && d.range.end.line < lines,
                    "{text:?} {d:?}"
                );
            }
            if let Some(graded) = outcome.graded.as_deref() {
                for line in 0..=lines {
                    for character in 0..70 {
                        let at = Position::new(line, character);
                        let _ = super::super::hover::hover(graded, &outcome.lines, at);
                    }
                }
            }
            let uri = "untitled:t".parse().unwrap();
            let _ = super::super::commands::set_rubric(&uri, text, outcome.graded.as_deref());
        }
    }
}
