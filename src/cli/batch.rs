//! `grade PATH...` over several files or folders: parallel grading streamed to stdout in
//! path order, the progress bar, bounds, and the exit code (2 when any file failed, else 1
//! when any bound broke).

use super::args::Jobs;
use super::error::CliError;
use super::io::{use_color, write_stdout};
use super::{Cli, EXIT_ERROR};
use grade::batch::{
    self, AnswerFilter, Bounds, Entry, RubricChoice, Rubrics, Settings,
    bounds::parse_criterion_bound,
};
use grade::cohort::{FileReport, Summary, SummaryBuilder, Violation};
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
    let choice = RubricChoice::from_option(cli.rubric.as_deref());
    if let RubricChoice::Named(name) = &choice {
        // A wrong --rubric is the run's error, found before any file is read.
        let rubric = rubrics.get(name).map_err(CliError::Rubric)?;
        bounds
            .check_rubric(&rubric)
            .map_err(|source| CliError::Bound {
                flag: "--fail-under-criterion",
                source,
            })?;
    }
    let entries = batch::walk(&cli.files, &filter);
    if entries.is_empty() {
        let paths: Vec<String> = cli.files.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::NoAnswerFiles(paths.join(", ")));
    }
    let settings = Settings {
        rubric: choice,
        rubrics: &rubrics,
        max_bytes: cli.limit.max_bytes,
        parse: cli.input.options(),
    };
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
    let mut summary = SummaryBuilder::new(renderer.needs_rows());
    let mut written = write_stdout(&renderer.begin());
    batch::with_threads(threads, || {
        batch::grade_entries(entries, settings, |graded| {
            let (outcome, violations) = match graded.outcome.and_then(|grade| {
                let violations = bounds.check(&grade)?;
                Ok((grade, violations))
            }) {
                Ok((grade, violations)) => (Ok(grade), violations),
                Err(error) => (Err(error), Vec::new()),
            };
            let report = FileReport {
                name: &graded.name,
                outcome: outcome.as_ref(),
                violations: &violations,
            };
            if let Err(error) = &outcome {
                let line = format!("error: {}", error.describe(&graded.name));
                match &progress {
                    Some(bar) => bar.suspend(|| eprintln!("{line}")),
                    None => eprintln!("{line}"),
                }
            }
            if written.is_ok() {
                written = write_stdout(&renderer.file(&report));
            }
            summary.add(&report);
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        })
    })
    .map_err(|source| CliError::Threads {
        what: format!("{threads} threads"),
        source,
    })?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let summary = summary.finish();
    written?;
    write_stdout(&renderer.finish(&summary))?;
    Ok(summary)
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
