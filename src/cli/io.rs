//! The CLI's edges: reading answers and rubric files, writing to stdout, colour choice,
//! and turning library errors into `error:` messages that name the file.

use super::ColorChoice;
use super::analyze::InputArgs;
use grade::batch::{FileError, RubricChoice, Rubrics, Settings, grade_decoded, read_answer};
use grade::error::RubricError;
use grade::rubric::{CompiledRubric, builtin};
use grade::{Grade, decode};
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

/// Reads and grades one answer, the way a batch grades each of its files: the rubric is
/// the one named, else the front matter's `rubric:`; `auto` picks one from the question.
/// `rubrics` keeps each compiled rubric for the rest of the run.
pub(crate) fn grade_path(
    path: &Path,
    rubric: Option<&str>,
    max_bytes: usize,
    input: &InputArgs,
    rubrics: &Rubrics,
) -> Result<Grade, String> {
    let name = path.display().to_string();
    let text = read_text(path, max_bytes)?;
    let settings = Settings {
        rubric: RubricChoice::from_option(rubric),
        rubrics,
        max_bytes,
        parse: input.options(),
    };
    let mut grade = grade_decoded(&text, &settings).map_err(|e| match e {
        // The rubric's own message already names the rubric file or id.
        FileError::Rubric(message) => message,
        other => other.describe(&name),
    })?;
    grade.file = Some(name);
    Ok(grade)
}

/// Reads and decodes an answer from a file or stdin (`-`), the way a batch reads each of
/// its files; an error names the file and, for a bad byte, its line:column.
pub(crate) fn read_text(path: &Path, max_bytes: usize) -> Result<String, String> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: {e}"))?;
        return decode(bytes, max_bytes).map_err(|e| FileError::from(e).describe("<stdin>"));
    }
    let name = path.display().to_string();
    read_answer(path, max_bytes)
        .and_then(|bytes| Ok(decode(bytes, max_bytes)?))
        .map_err(|e| e.describe(&name))
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
