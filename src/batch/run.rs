//! Running a batch: checking it can start, then grading its entries, checking their
//! bounds and feeding a renderer in path order, with the output handed to a [`Sink`] that
//! the face provides (stdout, stderr, a progress bar).

use super::bounds::Bounds;
use super::grade::{Settings, grade_entries, with_threads};
use super::rubrics::RubricChoice;
use super::walk::{AnswerFilter, Entry, walk};
use crate::cohort::{FileError, FileReport, Summary, SummaryBuilder};
use crate::report::BatchRenderer;
use std::path::{Path, PathBuf};

/// Where a batch's output goes; the face decides how it is shown.
pub trait Sink {
    /// Before the first of `files` files.
    fn start(&mut self, files: usize) {
        let _ = files;
    }
    /// Renderer output, in path order.
    fn write(&mut self, text: &str);
    /// A problem to show the person running grade (`path: message`), apart from the output;
    /// control and bidirectional characters from the input are already escaped in it.
    fn error(&mut self, message: &str);
    /// After each file.
    fn file_done(&mut self) {}
    /// Whether output can no longer be written, so that a stream may stop early.
    fn failed(&self) -> bool {
        false
    }
}

/// Why a batch could not start: found before any file is read.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// `-` among the paths.
    #[error(
        "`-` (standard input) grades one answer on its own; for many answers on standard input use --stdin-jsonl"
    )]
    Stdin,
    /// A `--glob` that does not parse.
    #[error("--glob: {0}")]
    Glob(#[from] globset::Error),
    /// `--fail-under` or `--fail-above` given NaN or infinity.
    #[error("{0} takes a number")]
    NotANumber(&'static str),
    /// The thread pool would not start.
    #[error("starting {0} threads: {1}")]
    Threads(usize, rayon::ThreadPoolBuildError),
    /// The rubric named for every file could not be loaded.
    #[error("{0}")]
    Rubric(FileError),
    /// `--fail-under-criterion` names a criterion the rubric lacks.
    #[error("--fail-under-criterion: {0}")]
    Bound(FileError),
    /// The paths hold no answer file; the paths as given, comma-separated.
    #[error(
        "no answer files in {0}; answers end in .txt, .md, .markdown, .srt or .vtt (choose others with --glob)"
    )]
    NoAnswerFiles(String),
}

/// `--fail-under`, `--fail-above` and `--fail-under-criterion` as given; a score that is
/// not a finite number is an error.
pub fn bounds_from_flags(
    min_score: Option<f64>,
    max_score: Option<f64>,
    min_criterion: Vec<(String, f64)>,
) -> Result<Bounds, BatchError> {
    for (flag, value) in [("--fail-under", min_score), ("--fail-above", max_score)] {
        if value.is_some_and(|v| !v.is_finite()) {
            return Err(BatchError::NotANumber(flag));
        }
    }
    Ok(Bounds {
        min_score,
        max_score,
        min_criterion,
    })
}

/// A batch as the command line gives it.
pub struct Run<'a> {
    /// Files and folders, as given.
    pub paths: &'a [PathBuf],
    /// Which files in a folder are answers (empty: the default extensions).
    pub globs: &'a [String],
    /// `--fail-under`, `--fail-above`, `--fail-under-criterion`: see [`bounds_from_flags`].
    pub flags: (Option<f64>, Option<f64>, &'a [(String, f64)]),
    /// How each file is graded.
    pub settings: &'a Settings<'a>,
    /// Threads (0: one per core).
    pub threads: usize,
}

impl Run<'_> {
    /// Checks the run can start ([`plan`]), then grades and renders it on its threads.
    pub fn render(
        &self,
        renderer: &mut (dyn BatchRenderer + Send),
        sink: &mut (dyn Sink + Send),
    ) -> Result<Summary, BatchError> {
        if self.paths.iter().any(|p| p == Path::new("-")) {
            return Err(BatchError::Stdin);
        }
        let filter = AnswerFilter::new(self.globs)?;
        let (min_score, max_score, min_criterion) = self.flags;
        let bounds = bounds_from_flags(min_score, max_score, min_criterion.to_vec())?;
        let entries = plan(self.paths, &filter, self.settings, &bounds)?;
        let work = || render_entries(entries, self.settings, &bounds, renderer, sink);
        with_threads(self.threads, work).map_err(|e| BatchError::Threads(self.threads, e))
    }
}

/// The entries a batch grades: a rubric named for every file is loaded first (a wrong
/// one is the run's error), and must have every criterion `bounds` names; then `paths`
/// are walked for the files `filter` takes.
pub fn plan(
    paths: &[PathBuf],
    filter: &AnswerFilter,
    settings: &Settings,
    bounds: &Bounds,
) -> Result<Vec<Entry>, BatchError> {
    if let RubricChoice::Named(name) = &settings.rubric {
        let rubric = settings.rubrics.get(name).map_err(BatchError::Rubric)?;
        bounds.check_rubric(&rubric).map_err(BatchError::Bound)?;
    }
    let entries = walk(paths, filter);
    if entries.is_empty() {
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(BatchError::NoAnswerFiles(paths.join(", ")));
    }
    Ok(entries)
}

/// Grades the entries on the current rayon pool, checks each grade against `bounds`, and
/// writes the renderer's output to `sink` in path order: its header, each file, then the
/// summary; each file that could not be graded is also an error. Returns the summary.
pub fn render_entries(
    entries: Vec<Entry>,
    settings: &Settings,
    bounds: &Bounds,
    renderer: &mut dyn BatchRenderer,
    sink: &mut dyn Sink,
) -> Summary {
    sink.start(entries.len());
    let mut summary = SummaryBuilder::new(renderer.needs_rows());
    sink.write(&renderer.begin());
    grade_entries(entries, settings, renderer.needs_source(), |graded| {
        let checked = graded.outcome.and_then(|grade| {
            let violations = bounds.check(&grade)?;
            Ok((grade, violations))
        });
        let (outcome, violations) = match checked {
            Ok((grade, violations)) => (Ok(grade), violations),
            Err(error) => (Err(error), Vec::new()),
        };
        let report = FileReport {
            name: &graded.name,
            outcome: outcome.as_ref(),
            violations: &violations,
        };
        if let Err(error) = &outcome {
            sink.error(&crate::text::escape::terminal(
                &error.describe(&graded.name),
            ));
        }
        sink.write(&renderer.file(&report));
        summary.add(&report);
        sink.file_done();
    });
    let summary = summary.finish();
    sink.write(&renderer.finish(&summary));
    summary
}
