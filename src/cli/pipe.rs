//! `grade --stdin-jsonl`: grade as a map stage of a pipeline (Spark's `RDD.pipe`, Hadoop
//! streaming, `xargs`). Reads records line by line, grades them in parallel steps through
//! the library's `batch::record`, and writes one JSON line per record in input order; a bad
//! record is an error line, never a stopped stream, and the exit code stays 0.

use super::Cli;
use super::error::CliError;
use super::io::write_stdout;
use grade::batch::{self, RubricChoice, Rubrics, Settings, record};
use std::io::{BufRead, BufReader, Read};
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
    let settings = Settings {
        rubric: RubricChoice::from_option(cli.rubric.as_deref()),
        rubrics: &rubrics,
        max_bytes: cli.limit.max_bytes,
        parse: cli.input.options(),
    };
    let mut reader = BufReader::new(std::io::stdin());
    // A JSON string may spell a character in up to six bytes (`\u00e9`).
    let line_limit = cli.limit.max_bytes as u64 * 6 + 4096;
    batch::with_threads(cli.batch.jobs.threads(), || -> Result<(), CliError> {
        let step = rayon::current_num_threads() * RECORDS_PER_THREAD_PER_STEP;
        let mut number = 0;
        loop {
            let (records, at_end) = read_step(&mut reader, step, line_limit, &mut number)?;
            let mut out = String::new();
            batch::map_ordered(
                records,
                |(number, bytes)| match bytes {
                    Some(bytes) => record::grade_record(number, &bytes, &settings),
                    None => record::too_long(number),
                },
                |text| out.push_str(&text),
            );
            write_stdout(&out)?;
            if at_end {
                return Ok(());
            }
        }
    })
    .map_err(|source| CliError::Threads {
        what: "threads".into(),
        source,
    })??;
    Ok(ExitCode::SUCCESS)
}

/// Up to `step` lines, fewer when no more input is waiting: (line number, bytes, or
/// `None` for a line over `line_limit`), and whether the input ended.
#[allow(clippy::type_complexity)]
fn read_step(
    reader: &mut BufReader<std::io::Stdin>,
    step: usize,
    line_limit: u64,
    number: &mut usize,
) -> Result<(Vec<(usize, Option<Vec<u8>>)>, bool), CliError> {
    let mut records = Vec::new();
    while records.len() < step {
        let mut bytes = Vec::new();
        let read = Read::take(&mut *reader, line_limit)
            .read_until(b'\n', &mut bytes)
            .map_err(CliError::Stdin)?;
        if read == 0 {
            return Ok((records, true));
        }
        *number += 1;
        if read as u64 == line_limit && !bytes.ends_with(b"\n") {
            skip_line(reader).map_err(CliError::Stdin)?;
            records.push((*number, None));
        } else {
            records.push((*number, Some(bytes)));
        }
        if reader.buffer().is_empty() {
            break;
        }
    }
    Ok((records, false))
}

/// Discards the rest of an over-long line.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(());
            }
            None => {
                let all = buffer.len();
                reader.consume(all);
            }
        }
    }
}
