//! Grading from the command line: `grade FILE` (one full report), `grade PATH...` (a
//! batch over files and folders, streamed in path order), `grade --stdin-jsonl` (records
//! as a map stage of a pipeline: one JSON line per record in input order, a bad record an
//! error line, exit 0), and the exit code: 2 when any file failed, else 1 when a bound
//! broke.

use super::args::Jobs;
use super::error::CliError;
use super::io::{Terminal, grade_path, use_color, write_stdout};
use super::{Cli, EXIT_ERROR};
use grade::batch::{self, BatchError, Bounds, Rubrics, Run, bounds::parse_criterion_bound, record};
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

/// One answer's full report.
pub(crate) fn run_one(cli: &Cli) -> Result<ExitCode, CliError> {
    let Some(path) = cli.files.first() else {
        return Err(CliError::NoAnswer);
    };
    let rubrics = Rubrics::default();
    let grade = grade_path(path, &cli.settings(&rubrics))?;
    let name = path.display().to_string();
    let bounds = cli.batch.bounds()?;
    let violations = bounds
        .check(&grade)
        .map_err(|e| CliError::File(name.clone(), e))?;
    write_stdout(&cli.format.render_grade(&grade, use_color(cli.color)))?;
    for violation in &violations {
        eprintln!("fail: {name}: {violation}");
    }
    Ok(exit_code(0, violations.len()))
}

/// `--stdin-jsonl`: standard input's records until it ends, one line each.
pub(crate) fn run_stream(cli: &Cli) -> Result<ExitCode, CliError> {
    let rubrics = Rubrics::default();
    let mut terminal = Terminal::default();
    let threads = cli.batch.jobs.threads();
    record::stream(
        std::io::stdin(),
        &cli.settings(&rubrics),
        threads,
        &mut terminal,
    )?;
    terminal.written()?;
    Ok(ExitCode::SUCCESS)
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
