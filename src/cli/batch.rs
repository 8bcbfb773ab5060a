//! `grade PATH...` over several files or folders: parallel grading streamed to stdout in
//! path order, the progress bar, bounds, and the exit code (2 when any file failed, else 1
//! when any bound broke).

use super::args::Jobs;
use super::error::CliError;
use super::io::{Terminal, use_color};
use super::{Cli, EXIT_ERROR};
use grade::batch::{self, BatchError, Bounds, Rubrics, Run, bounds::parse_criterion_bound};
use grade::cohort::Violation;
use std::path::Path;
use std::process::ExitCode;

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
    pub(crate) fn bounds(&self) -> Result<Bounds, BatchError> {
        let criteria = self.fail_under_criterion.clone();
        batch::bounds_from_flags(self.fail_under, self.fail_above, criteria)
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
    let rubrics = Rubrics::default();
    let args = &cli.batch;
    let run = Run {
        paths: &cli.files,
        globs: &args.glob,
        flags: (args.fail_under, args.fail_above, &args.fail_under_criterion),
        settings: &cli.settings(&rubrics),
        threads: args.jobs.threads(),
    };
    let mut terminal = Terminal::default();
    let mut renderer = cli.format.batch_renderer(use_color(cli.color));
    let summary = run.render(renderer.as_mut(), &mut terminal)?;
    terminal.written()?;
    let cohort = summary.cohort;
    Ok(exit_code(cohort.failed, cohort.out_of_bounds))
}

/// Runs `work` on `jobs` threads.
pub(crate) fn in_threads<R: Send>(
    jobs: Jobs,
    work: impl FnOnce() -> R + Send,
) -> Result<R, CliError> {
    let threads = jobs.threads();
    batch::with_threads(threads, work)
        .map_err(|e| CliError::Threads(format!("{threads} threads"), e))
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
