//! `grade PATH...` over several files or folders: parallel grading streamed to stdout in
//! path order, the progress bar, bounds, and the exit code (2 when any file failed, else 1
//! when any bound broke).

use super::args::Jobs;
use super::error::CliError;
use super::io::{use_color, write_stdout};
use super::{Cli, EXIT_ERROR};
use grade::batch::{
    self, AnswerFilter, Bounds, Entry, Rubrics, Settings, bounds::parse_criterion_bound,
};
use grade::cohort::{FileReport, Summary, Violation};
use grade::report::BatchRenderer;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Batches larger than this show a progress bar (on a terminal).
const PROGRESS_ABOVE: usize = 50;

/// What a batch takes beyond the paths: threads, globs, bounds, `--stdin-jsonl`.
#[derive(clap::Args, Debug)]
pub(crate) struct BatchArgs {
    #[command(flatten)]
    pub jobs: Jobs,

    /// Which files in a folder are answers, as a glob; repeat it to add more. A glob
    /// without `/` matches file names at any depth, one with `/` the path below the folder;
    /// `!GLOB` excludes. Default: *.txt, *.md, *.markdown, *.srt, *.vtt.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,

    /// Exit 1 when a file scores below SCORE (0–100).
    #[arg(long, value_name = "SCORE")]
    pub fail_under: Option<f64>,

    /// Exit 1 when a file scores above SCORE: for bad examples that must stay bad.
    #[arg(long, value_name = "SCORE")]
    pub fail_above: Option<f64>,

    /// Exit 1 when a file's criterion ID scores below SCORE points (on that criterion's
    /// own scale, as the report shows it: `3/4`). Repeatable.
    #[arg(long, value_name = "ID=SCORE", value_parser = parse_criterion_bound)]
    pub fail_under_criterion: Vec<(String, f64)>,

    /// Read JSON Lines records {"id", "text", "rubric"} from standard input and write one
    /// report per line, in input order: grade as a map stage of a pipeline.
    #[arg(long, conflicts_with_all = ["files", "fail_under", "fail_above", "fail_under_criterion"])]
    pub stdin_jsonl: bool,
}

impl BatchArgs {
    /// The bounds the flags set.
    pub(crate) fn bounds(&self) -> Result<Bounds, CliError> {
        for (flag, value) in [
            ("--fail-under", self.fail_under),
            ("--fail-above", self.fail_above),
        ] {
            if value.is_some_and(|v| !v.is_finite()) {
                return Err(CliError::NotANumber(flag));
            }
        }
        Ok(Bounds {
            min_score: self.fail_under,
            max_score: self.fail_above,
            min_criterion: self.fail_under_criterion.clone(),
        })
    }
}

/// Several paths, a folder, or a format only a batch has.
pub(crate) fn is_batch(cli: &Cli) -> bool {
    match cli.files.as_slice() {
        [one] => (one != Path::new("-") && one.is_dir()) || !cli.format.has_single_report(),
        _ => cli.files.len() > 1,
    }
}

/// Grades the paths as one batch in `--format`.
pub(crate) fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    if cli.files.iter().any(|p| p == Path::new("-")) {
        return Err(CliError::StdinInBatch);
    }
    let filter = AnswerFilter::new(&cli.batch.glob)?;
    let bounds = cli.batch.bounds()?;
    let rubrics = Rubrics::default();
    let settings = cli.settings(&rubrics);
    let entries = batch::plan(&cli.files, &filter, &settings, &bounds)?;
    let mut renderer = cli.format.batch_renderer(use_color(cli.color));
    let threads = cli.batch.jobs.threads();
    let summary = grade_and_render(entries, &settings, &bounds, threads, renderer.as_mut())?;
    Ok(exit_code(
        summary.cohort.failed,
        summary.cohort.out_of_bounds,
    ))
}

/// Grades the entries on `threads` threads and streams the renderer's output to stdout in
/// path order; each file that could not be graded is also an `error:` line on stderr.
pub(crate) fn grade_and_render(
    entries: Vec<Entry>,
    settings: &Settings,
    bounds: &Bounds,
    threads: usize,
    renderer: &mut (dyn BatchRenderer + Send),
) -> Result<Summary, CliError> {
    let progress = progress_bar(entries.len());
    let mut written = Ok(());
    let write = |text: String| {
        if written.is_ok() {
            written = write_stdout(&text);
        }
    };
    let seen = |report: &FileReport| {
        if let Err(error) = report.outcome {
            let line = format!("error: {}", error.describe(report.name));
            match &progress {
                Some(bar) => bar.suspend(|| eprintln!("{line}")),
                None => eprintln!("{line}"),
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
            // Cleared before the summary is written below it.
            if Some(bar.position()) == bar.length() {
                bar.finish_and_clear();
            }
        }
    };
    let summary = batch::with_threads(threads, || {
        batch::render_entries(entries, settings, bounds, renderer, write, seen)
    })
    .map_err(|e| CliError::Threads(format!("{threads} threads"), e))?;
    written.map(|()| summary)
}

/// A bar on stderr for a long batch, only when stderr is a terminal, so that it never
/// mixes into output that a program reads.
fn progress_bar(files: usize) -> Option<ProgressBar> {
    if files <= PROGRESS_ABOVE || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(files as u64);
    let style = ProgressStyle::with_template("grading {bar:40} {pos}/{len} files, {eta} left")
        .expect("the template is valid");
    bar.set_style(style);
    Some(bar)
}

/// Prints each broken bound on stderr, as `fail: FILE: …`.
pub(crate) fn report_violations(name: &str, violations: &[Violation]) {
    for violation in violations {
        eprintln!("fail: {name}: {violation}");
    }
}

/// 2 when a file could not be graded, else 1 when a bound broke, else 0.
pub(crate) fn exit_code(failed: usize, out_of_bounds: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(EXIT_ERROR)
    } else if out_of_bounds > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
