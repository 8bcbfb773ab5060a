//! Grading one file or many: reading an answer within its size limit, grading decoded
//! text under the run's rubric choice, and ordered parallel mapping on rayon.

use super::rubrics::{RubricChoice, Rubrics};
use super::source::{self, SourceError};
use super::walk::Entry;
use crate::cohort::FileError;
use crate::document::{ParseOptions, parse_with};
use crate::error::{DecodeError, RubricError};
use crate::rubric::{CompiledRubric, auto, builtin};
use crate::scoring::{Grade, route};
use crate::{analyze, decode, score};
use rayon::prelude::*;
use std::path::Path;

/// How many files each parallel step grades per thread before results are handed on in
/// order; bounds memory to a few hundred grades while keeping every thread busy.
const FILES_PER_THREAD_PER_STEP: usize = 32;

/// What a batch grades with.
pub struct Settings<'a> {
    /// Which rubric grades each file.
    pub rubric: RubricChoice,
    /// Where compiled rubrics are kept.
    pub rubrics: &'a Rubrics<'a>,
    /// Files over this many bytes are refused.
    pub max_bytes: usize,
    /// The answer's form and, in a transcript, whose words to grade.
    pub parse: ParseOptions,
}

impl<'a> Settings<'a> {
    /// `rubric` as `--rubric` gives it (a name, `auto`, or none: the front matter's), with
    /// the form of each answer detected.
    pub fn new(rubric: Option<&str>, rubrics: &'a Rubrics<'a>, max_bytes: usize) -> Self {
        Settings {
            rubric: RubricChoice::from_option(rubric),
            rubrics,
            max_bytes,
            parse: ParseOptions::default(),
        }
    }

    /// The same settings, reading answers with `parse`.
    pub fn with_parse(self, parse: ParseOptions) -> Self {
        Settings { parse, ..self }
    }
}

/// Reads one answer file, refusing what is not a regular file (a folder, a FIFO, a
/// device: never opened) and files over the limit, before reading them.
pub fn read_answer(path: &Path, max_bytes: usize) -> Result<Vec<u8>, FileError> {
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX);
    source::read_bytes(path, limit).map_err(|e| match e {
        SourceError::NotFound => FileError::NotFound,
        SourceError::TooLarge { size, .. } => DecodeError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            limit: max_bytes,
        }
        .into(),
        SourceError::NotRegular(kind) => FileError::Unreadable(format!(
            "is {kind}, not a regular file; grade reads answers from regular files only"
        )),
        SourceError::Io(reason) => FileError::Unreadable(reason),
    })
}

/// Reads an answer from a stream (standard input) as [`read_answer`] reads a file: at most
/// one byte past `max_bytes`, so that decoding can say it is too large.
pub fn read_answer_from(reader: impl std::io::Read, max_bytes: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(reader, limit.saturating_add(1)),
        &mut bytes,
    )?;
    Ok(bytes)
}

/// Grades decoded text under the settings' rubric choice; the grade keeps the text as its
/// [`Source`](crate::scoring::Source) (moved, not copied).
pub fn grade_decoded(text: &str, settings: &Settings) -> Result<Grade, FileError> {
    let document = parse_with(text, &settings.parse).map_err(FileError::Transcript)?;
    let analysis = analyze(&document);
    let (name, selected) = match &settings.rubric {
        RubricChoice::Named(name) => (name.clone(), None),
        RubricChoice::Auto => {
            // No question stated and a first line no rubric's question fits: the body decides.
            let selection = match auto::select(&document) {
                Err(RubricError::NoMatch { .. }) if !auto::states_question(&document) => {
                    // The run's cache compiles each built-in once, for routing and grading.
                    let builtins = builtin::ids()
                        .map(|id| settings.rubrics.get(id))
                        .collect::<Result<Vec<_>, _>>()?;
                    let builtins: Vec<&CompiledRubric> = builtins.iter().map(|r| &**r).collect();
                    route::from_body(&document, &analysis, &builtins)
                }
                picked => picked,
            };
            let selection = selection.map_err(|source| FileError::Rubric {
                origin: None,
                source,
            })?;
            (selection.rubric.clone(), Some(selection))
        }
        RubricChoice::FrontMatter => {
            match document
                .front_matter
                .as_ref()
                .and_then(|f| f.rubric.clone())
            {
                Some(name) => (name, None),
                None => {
                    return Err(FileError::NoRubric {
                        available: builtin::ids().collect::<Vec<_>>().join(", "),
                    });
                }
            }
        }
    };
    let rubric = settings.rubrics.get(&name)?;
    let mut grade = score(&document, &analysis, &rubric);
    grade.selected = selected;
    Ok(grade.with_source(document, &analysis))
}

/// One file's result: its name as shown, and its grade or why there is none.
#[derive(Debug)]
pub struct Graded {
    /// The file's name as shown.
    pub name: String,
    /// Its grade, or why there is none.
    pub outcome: Result<Grade, FileError>,
}

/// Reads, decodes and grades one walked entry; the answer's text is kept with the grade
/// only when `keep_source` (a renderer that shows it), else dropped once graded.
pub fn grade_entry(entry: Entry, settings: &Settings, keep_source: bool) -> Graded {
    let outcome = match entry.problem {
        Some(problem) => Err(*problem),
        None => read_answer(&entry.path, settings.max_bytes)
            .and_then(|bytes| Ok(decode(bytes, settings.max_bytes)?))
            .and_then(|text| grade_decoded(&text, settings)),
    };
    let outcome = outcome.map(|mut grade| {
        grade.file = Some(entry.name.clone());
        if !keep_source {
            grade.source = None;
        }
        grade
    });
    Graded {
        name: entry.name,
        outcome,
    }
}

/// Grades every entry on the current rayon pool and calls `emit` with each result in the
/// entries' order. Only a bounded step of grades is held at once (with their texts, when
/// `keep_source`).
pub fn grade_entries(
    entries: impl IntoIterator<Item = Entry>,
    settings: &Settings,
    keep_source: bool,
    emit: impl FnMut(Graded),
) {
    let grade = |entry| grade_entry(entry, settings, keep_source);
    map_ordered(entries, grade, emit);
}

/// Maps items in parallel on the current rayon pool, a bounded step at a time, and hands
/// the results to `emit` in input order: output never depends on the thread count.
pub fn map_ordered<T: Send, U: Send>(
    items: impl IntoIterator<Item = T>,
    map: impl Fn(T) -> U + Sync,
    mut emit: impl FnMut(U),
) {
    let step = rayon::current_num_threads().max(1) * FILES_PER_THREAD_PER_STEP;
    let mut items = items.into_iter();
    loop {
        let batch: Vec<T> = items.by_ref().take(step).collect();
        if batch.is_empty() {
            break;
        }
        let results: Vec<U> = batch.into_par_iter().map(&map).collect();
        results.into_iter().for_each(&mut emit);
    }
}

/// The most threads a run starts per core: more only add start-up time and memory.
pub const THREADS_PER_CORE: usize = 4;

/// `asked` threads (0: one per core) capped at [`THREADS_PER_CORE`] per core, and the
/// number of cores.
pub fn cap_threads(asked: usize) -> (usize, usize) {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    (asked.min(cores.saturating_mul(THREADS_PER_CORE)), cores)
}

/// [`cap_threads`] for `--jobs`: the threads to use, and the warning to show when the
/// request was capped.
pub fn jobs(asked: usize) -> (usize, Option<String>) {
    let (threads, cores) = cap_threads(asked);
    let warning = (threads < asked).then(|| {
        format!(
            "--jobs {asked} is over {THREADS_PER_CORE}× the {cores} cores; using {threads} threads"
        )
    });
    (threads, warning)
}

/// Runs `work` on a rayon pool of `threads` threads (0: one per core).
pub fn with_threads<R: Send>(
    threads: usize,
    work: impl FnOnce() -> R + Send,
) -> Result<R, rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    Ok(pool.install(work))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_ordered_keeps_input_order_on_many_threads() {
        let mut seen = Vec::new();
        with_threads(4, || {
            map_ordered(
                0..1000u64,
                |i| {
                    // Uneven work so that threads finish out of order.
                    let spin = (i * 7919) % 97;
                    (0..spin).fold(i, |a, b| a.wrapping_add(b)) - (0..spin).sum::<u64>()
                },
                |i| seen.push(i),
            )
        })
        .unwrap();
        assert_eq!(seen, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn front_matter_or_no_rubric() {
        let load = |name: &str| crate::rubric::builtin::load_builtin(name);
        let rubrics = Rubrics::new(&load);
        let settings = Settings {
            rubric: RubricChoice::FrontMatter,
            rubrics: &rubrics,
            max_bytes: 1000,
            parse: Default::default(),
        };
        let graded = grade_decoded("---\nrubric: metrics\n---\nWe track churn.", &settings);
        assert_eq!(graded.unwrap().rubric.id, "metrics");
        let none = grade_decoded("We track churn.", &settings);
        assert!(matches!(none, Err(FileError::NoRubric { .. })), "{none:?}");
    }
}
