//! `grade --stdin-jsonl`: grade as a map stage of a pipeline (Spark's `RDD.pipe`, Hadoop
//! streaming, `xargs`). Reads records a step at a time, grades each step in parallel
//! through the library's `batch::record`, and writes one JSON line per record in input
//! order; a bad record is an error line, never a stopped stream, and the exit code stays 0.

use super::Cli;
use super::error::CliError;
use super::io::write_stdout;
use grade::batch::record::{Lines, grade_line};
use grade::batch::{self, Rubrics};
use std::process::ExitCode;

/// Records graded per parallel step and thread, when input arrives faster than it is
/// graded; a step also ends when no more input is waiting, so replies never wait on input.
const RECORDS_PER_THREAD_PER_STEP: usize = 32;

/// Grades standard input's records until it ends.
pub(crate) fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    let rubrics = Rubrics::default();
    if let Some(name) = cli.rubric.as_deref().filter(|n| *n != "auto") {
        rubrics.get(name).map_err(CliError::Rubric)?;
    }
    let settings = cli.settings(&rubrics);
    let mut lines = Lines::new(std::io::stdin(), cli.limit.max_bytes);
    batch::with_threads(cli.batch.jobs.threads(), || -> Result<(), CliError> {
        let step = rayon::current_num_threads() * RECORDS_PER_THREAD_PER_STEP;
        loop {
            let (records, at_end) = lines.step(step).map_err(|e| CliError::Io("<stdin>", e))?;
            let mut out = String::new();
            let grade = |line| grade_line(line, &settings);
            batch::map_ordered(records, grade, |text| out.push_str(&text));
            write_stdout(&out)?;
            if at_end {
                return Ok(());
            }
        }
    })
    .map_err(|e| CliError::Threads("threads".into(), e))??;
    Ok(ExitCode::SUCCESS)
}
