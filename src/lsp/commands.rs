//! Commands and code actions: `grade.report` (the full text report of a document, as
//! `grade FILE` prints it without colour) and “Set the rubric”, which inserts front matter
//! `rubric:` when the document names none.

use super::grading::Graded;
use crate::rubric::builtin;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The command that returns a document's full report.
pub const REPORT: &str = "grade.report";

/// The full text report, no colour.
pub fn report(graded: &Graded) -> String {
    crate::report::text::render(&graded.grade, false)
}

/// “Set the rubric” actions, the rubric in use first, for a document whose front matter
/// names none; nothing when it does.
// lsp-types' `WorkspaceEdit::changes` is keyed by `Uri`, whose parsed parts sit in a
// `Cell` that never changes once parsed: the hash cannot move (rust-analyzer allows it too).
#[allow(clippy::mutable_key_type)]
pub fn set_rubric(uri: &Uri, text: &str, graded: Option<&Graded>) -> Vec<CodeActionOrCommand> {
    let parsed;
    let document = match graded {
        Some(graded) => &graded.document,
        None => {
            parsed = crate::document::parse(text);
            &parsed
        }
    };
    let front = document.front_matter.as_ref();
    if front.is_some_and(|f| f.rubric.is_some()) {
        return Vec::new();
    }
    let current = graded
        .filter(|g| g.rubric_file.is_none())
        .map(|g| g.grade.rubric.id.clone());
    let others = builtin::ids().filter(|id| current.as_deref() != Some(*id));
    let ids: Vec<String> = current
        .iter()
        .cloned()
        .chain(others.map(str::to_owned))
        .collect();
    ids.into_iter()
        .map(|id| {
            let (at, insert) = match front {
                // Below the opening `---`.
                Some(_) => (Position::new(1, 0), format!("rubric: {id}\n")),
                None => (Position::new(0, 0), format!("---\nrubric: {id}\n---\n\n")),
            };
            let edit = TextEdit::new(Range::new(at, at), insert);
            let changes = HashMap::from([(uri.clone(), vec![edit])]);
            CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Set the rubric: front matter `rubric: {id}`"),
                kind: Some(CodeActionKind::QUICKFIX),
                is_preferred: Some(current.as_ref() == Some(&id)),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                ..CodeAction::default()
            })
        })
        .collect()
}
