//! The CLI's edges: reading answers and rubric files, writing to stdout, colour choice,
//! and turning library errors into `error:` messages that name the file.

use super::ColorChoice;
use grade::error::{DecodeError, RubricError};
use grade::rubric::{CompiledRubric, builtin};
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

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
