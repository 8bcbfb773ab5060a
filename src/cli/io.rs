//! The CLI's edges: reading answers and rubric files, writing to stdout, colour choice,
//! and turning library errors into `error:` messages that name the file.

use super::ColorChoice;
use super::analyze::{InputArgs, load_document};
use grade::error::{DecodeError, RubricError};
use grade::rubric::{CompiledRubric, auto, builtin};
use grade::{Grade, analyze, score};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

/// Reads and grades one answer. The rubric is the one named, else the front matter's
/// `rubric:`; `auto` picks one from the question. Compiled rubrics are kept in `rubrics`
/// so that a run compiles each one once.
pub(crate) fn grade_path(
    path: &Path,
    rubric: Option<&str>,
    max_bytes: usize,
    input: &InputArgs,
    rubrics: &mut BTreeMap<String, CompiledRubric>,
) -> Result<Grade, String> {
    let name = path.display().to_string();
    let document = load_document(path, max_bytes, input)?;
    let front_matter_rubric = document
        .front_matter
        .as_ref()
        .and_then(|f| f.rubric.as_deref());
    let Some(rubric_name) = rubric.or(front_matter_rubric) else {
        return Err(format!(
            "{name}: no rubric chosen; pass --rubric ID or add `rubric:` to the front matter (built-in: {})",
            builtin::ids().collect::<Vec<_>>().join(", ")
        ));
    };
    let selected = if rubric_name == "auto" {
        Some(auto::select(&document).map_err(|e| format!("{name}: {e}"))?)
    } else {
        None
    };
    let rubric_id = selected.as_ref().map_or(rubric_name, |s| s.rubric.as_str());
    if !rubrics.contains_key(rubric_id) {
        rubrics.insert(rubric_id.to_owned(), resolve_rubric(rubric_id)?);
    }
    let analysis = analyze(&document);
    let mut grade = score(&document, &analysis, &rubrics[rubric_id]);
    grade.file = Some(name);
    grade.selected = selected;
    Ok(grade)
}

/// Reads a file or stdin, refusing folders and files over the size limit before reading.
pub(crate) fn read_input(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    let name = path.display();
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: {e}"))?;
        return Ok(bytes);
    }
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{name}: no such file"),
        _ => format!("{name}: {e}"),
    })?;
    if metadata.is_dir() {
        return Err(format!("{name}: is a folder; pass an answer file"));
    }
    if metadata.len() > max_bytes as u64 {
        return Err(format!(
            "{name}: {}",
            DecodeError::TooLarge {
                size: metadata.len() as usize,
                limit: max_bytes
            }
        ));
    }
    std::fs::read(path).map_err(|e| format!("{name}: {e}"))
}

/// A decode error with the file name, and line:column for a bad byte.
pub(crate) fn decode_message(name: &str, error: &DecodeError) -> String {
    match error {
        DecodeError::InvalidUtf8 { position, .. } | DecodeError::Binary { position, .. } => {
            format!("{name}:{position}: {error}")
        }
        _ => format!("{name}: {error}"),
    }
}

/// A built-in id, or a path to a rubric file when the argument names one.
pub(crate) fn resolve_rubric(name: &str) -> Result<CompiledRubric, String> {
    let looks_like_path = name.ends_with(".toml") || name.contains('/') || name.contains('\\');
    if looks_like_path || (builtin::source(name).is_none() && Path::new(name).is_file()) {
        let source = std::fs::read_to_string(name).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{name}: no such rubric file"),
            _ => format!("{name}: {e}"),
        })?;
        return grade::rubric::load(&source).map_err(|e| rubric_message(name, &e));
    }
    builtin::load_builtin(name).map_err(|e| rubric_message(name, &e))
}

pub(crate) fn rubric_message(origin: &str, error: &RubricError) -> String {
    error.describe(Some(origin))
}

pub(crate) fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Writes to stdout; a closed pipe (`grade … | head`) is not an error.
pub(crate) fn write_stdout(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("writing output: {e}")),
    }
}
