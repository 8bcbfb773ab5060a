//! Grading from the command line: `grade FILE` (one full report), `grade PATH...` (a
//! batch over files and folders, streamed in path order), `grade --stdin-jsonl` (records
//! as a map stage of a pipeline: one JSON line per record in input order, a bad record an
//! error line, exit 0), and the exit code: 2 when any file failed, else 1 when a bound
//! broke.

use super::args::Cli;
use super::error::{CliError, exit_code};
use super::io::{Terminal, grade_path, use_color, write_stdout};
use grade::batch::{Rubrics, Run, record};
use std::path::Path;
use std::process::ExitCode;

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
