//! The CLI's edges: reading answers, writing to stdout, and colour choice. Errors name the
//! file they concern.

use super::error::CliError;
use clap::ColorChoice;
use grade::batch::{Settings, Sink, grade_decoded, read_answer, read_answer_from};
use grade::{Grade, decode};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::Path;

/// Reads and grades one answer (a path or `-`), the way a batch grades each of its files.
pub(crate) fn grade_path(path: &Path, settings: &Settings) -> Result<Grade, CliError> {
    let name = path.display().to_string();
    let text = read_text(path, settings.max_bytes)?;
    let mut grade = grade_decoded(&text, settings).map_err(|e| CliError::file(&name, e))?;
    grade.file = Some(name);
    Ok(grade)
}

/// Reads and decodes an answer from a file or stdin (`-`), the way a batch reads each of
/// its files; an error names the file and, for a bad byte, its line:column.
pub(crate) fn read_text(path: &Path, max_bytes: usize) -> Result<String, CliError> {
    let (name, bytes) = if path == Path::new("-") {
        let bytes = read_answer_from(std::io::stdin(), max_bytes)
            .map_err(|e| CliError::Io("<stdin>", e))?;
        ("<stdin>".to_owned(), Ok(bytes))
    } else {
        (path.display().to_string(), read_answer(path, max_bytes))
    };
    bytes
        .and_then(|bytes| Ok(decode(bytes, max_bytes)?))
        .map_err(|e| CliError::File(name, e))
}

/// Whether text output is coloured.
pub(crate) fn use_color(choice: ColorChoice) -> bool {
    let no_color = || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Auto => std::io::stdout().is_terminal() && !no_color(),
        other => other == ColorChoice::Always,
    }
}

/// Writes to stdout; a closed pipe (`grade … | head`) is not an error.
pub(crate) fn write_stdout(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(CliError::Io("writing output", e)),
        _ => Ok(()),
    }
}

/// Batches larger than this show a progress bar (on a terminal).
const PROGRESS_ABOVE: usize = 50;

/// A batch's output on stdout, its problems on stderr as `error: …`, and a progress bar on
/// stderr for a long batch when stderr is a terminal (so that it never mixes into output
/// that a program reads). The first failed write is kept for the end of the run.
#[derive(Default)]
pub(crate) struct Terminal {
    progress: Option<ProgressBar>,
    failed: Option<CliError>,
    /// Problems shown so far.
    pub errors: usize,
}

impl Terminal {
    /// Whether every write succeeded.
    pub(crate) fn written(self) -> Result<(), CliError> {
        self.failed.map_or(Ok(()), Err)
    }
}

impl Sink for Terminal {
    fn start(&mut self, files: usize) {
        self.progress = (files > PROGRESS_ABOVE && std::io::stderr().is_terminal()).then(|| {
            let template = "grading {bar:40} {pos}/{len} files, {eta} left";
            let style = ProgressStyle::with_template(template).expect("the template is valid");
            ProgressBar::new(files as u64).with_style(style)
        });
    }

    fn write(&mut self, text: &str) {
        if self.failed.is_none() {
            self.failed = write_stdout(text).err();
        }
    }

    fn failed(&self) -> bool {
        self.failed.is_some()
    }

    fn error(&mut self, message: &str) {
        self.errors += 1;
        match &self.progress {
            Some(bar) => bar.suspend(|| eprintln!("error: {message}")),
            None => eprintln!("error: {message}"),
        }
    }

    fn file_done(&mut self) {
        if let Some(bar) = &self.progress {
            bar.inc(1);
            // Cleared before the summary is written below it.
            if Some(bar.position()) == bar.length() {
                bar.finish_and_clear();
            }
        }
    }
}
