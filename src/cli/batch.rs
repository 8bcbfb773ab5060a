//! `grade FILE` (one full report), `grade PATH...` (a batch, streamed in path order) and
//! `grade --stdin-jsonl` (a map stage of a pipeline: a line per record, in input order).

use super::args::Cli;
use super::error::{CliError, exit_code};
use super::io::{Terminal, grade_path, use_color, write_stdout};
use grade::batch::{self, Rubrics, Run, load_rubric_for, record};
use grade::text::phrase::Scans;
use std::io::stdin;
use std::path::Path;
use std::process::ExitCode;

/// Several paths, a folder, or a format only a batch has.
pub(crate) fn is_batch(cli: &Cli) -> bool {
    match cli.files.as_slice() {
        [one] => (one != Path::new("-") && one.is_dir()) || !cli.output.format.has_single_report(),
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
    let mut renderer = cli.output.format.batch_renderer(use_color(cli.color));
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
    // One answer: its rubric's phrase views scan one text, so they are built for few
    // scans, cheap to build rather than fast to scan (the choice never changes a report).
    let load = |name: &str| load_rubric_for(name, Scans::Few);
    let rubrics = Rubrics::new(&load);
    let grade = grade_path(path, &cli.settings(&rubrics))?;
    // The process ends with this report, and the system takes its memory back at once:
    // freeing the compiled rubric piece by piece cost 0.3 M instructions of 13 M.
    std::mem::forget(rubrics);
    let name = path.display().to_string();
    let flags = &cli.batch;
    let criteria = flags.fail_under_criterion.clone();
    let bounds = batch::bounds_from_flags(flags.fail_under, flags.fail_above, criteria)?;
    let violations = bounds
        .check(&grade)
        .map_err(|e| CliError::File(name.clone(), e))?;
    write_stdout(&cli.output.format.render_grade(&grade, use_color(cli.color)))?;
    for violation in &violations {
        eprintln!("fail: {}: {violation}", grade::text::escape::line(&name));
    }
    Ok(exit_code(0, violations.len()))
}

/// `--stdin-jsonl`: standard input's records until it ends, one line each.
pub(crate) fn run_stream(cli: &Cli) -> Result<ExitCode, CliError> {
    let rubrics = Rubrics::default();
    let mut terminal = Terminal::default();
    let threads = cli.batch.jobs.threads();
    let (dir, settings) = (cli.batch.rubric_dir.as_deref(), cli.settings(&rubrics));
    record::stream(stdin(), &settings, dir, threads, &mut terminal)?;
    terminal.written()?;
    Ok(ExitCode::SUCCESS)
}
