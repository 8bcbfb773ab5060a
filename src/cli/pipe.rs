//! `grade --stdin-jsonl`: grade as a map stage of a pipeline (Spark's `RDD.pipe`, Hadoop
//! streaming, `xargs`). Reads records {"id", "text", "rubric"} line by line and writes one
//! JSON line per record in input order; a bad record is an error line, never a stopped
//! stream, and the exit code stays 0 so that one bad record does not fail the whole job.

use super::Cli;
use super::io::{resolve_rubric, write_stdout};
use grade::batch::{self, FileError, RubricChoice, Rubrics, Settings};
use grade::report::jsonl::{StdinError, StdinReport, line};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::process::ExitCode;

/// Records graded per parallel step and thread, when input arrives faster than it is
/// graded; a step also ends when no more input is waiting, so replies never wait on input.
const RECORDS_PER_THREAD_PER_STEP: usize = 32;

pub(crate) fn run_stdin_jsonl(cli: &Cli) -> Result<ExitCode, String> {
    let loader = |name: &str| resolve_rubric(name);
    let rubrics = Rubrics::new(&loader);
    if let Some(name) = cli.rubric.as_deref().filter(|n| *n != "auto") {
        rubrics.get(name)?;
    }
    let mut reader = BufReader::new(std::io::stdin());
    batch::with_threads(cli.batch.threads(), || -> Result<(), String> {
        let step = rayon::current_num_threads() * RECORDS_PER_THREAD_PER_STEP;
        // A JSON string may spell a character in up to six bytes (`\u00e9`).
        let line_limit = cli.max_bytes as u64 * 6 + 4096;
        let mut number = 0;
        loop {
            let mut records = Vec::new();
            let mut at_end = false;
            while records.len() < step {
                let mut bytes = Vec::new();
                let read = (&mut reader)
                    .take(line_limit)
                    .read_until(b'\n', &mut bytes)
                    .map_err(|e| format!("<stdin>: {e}"))?;
                if read == 0 {
                    at_end = true;
                    break;
                }
                number += 1;
                if read as u64 == line_limit && !bytes.ends_with(b"\n") {
                    skip_line(&mut reader).map_err(|e| format!("<stdin>: {e}"))?;
                    records.push((number, None));
                } else {
                    records.push((number, Some(bytes)));
                }
                if reader.buffer().is_empty() {
                    break;
                }
            }
            let mut out = String::new();
            batch::map_ordered(
                records,
                |(number, bytes)| match bytes {
                    Some(bytes) => grade_record(number, &bytes, cli, &rubrics),
                    None => line(&StdinError {
                        id: &Value::Null,
                        line: number,
                        error: "the record is over the size limit; raise it with --max-bytes",
                    }),
                },
                |text| out.push_str(&text),
            );
            write_stdout(&out)?;
            if at_end {
                return Ok(());
            }
        }
    })
    .map_err(|e| format!("starting threads: {e}"))??;
    Ok(ExitCode::SUCCESS)
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

/// One input line to one output line (empty for a blank input line).
fn grade_record(number: usize, bytes: &[u8], cli: &Cli, rubrics: &Rubrics) -> String {
    let null = Value::Null;
    let fail = |id: &Value, message: &str| {
        line(&StdinError {
            id,
            line: number,
            error: message,
        })
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return fail(&null, "the record is not valid UTF-8");
    };
    let text = text.trim_end_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return String::new();
    }
    let record: Value = match serde_json::from_str(text) {
        Ok(record) => record,
        Err(e) => return fail(&null, &format!("not a JSON record: {e}")),
    };
    let Some(fields) = record.as_object() else {
        return fail(
            &null,
            "a record is a JSON object {\"id\", \"text\", \"rubric\"}",
        );
    };
    let id = fields.get("id").unwrap_or(&null);
    if let Some(unknown) = fields
        .keys()
        .find(|k| !matches!(k.as_str(), "id" | "text" | "rubric"))
    {
        return fail(
            id,
            &format!("unknown field `{unknown}`; a record has id, text and rubric"),
        );
    }
    let Some(answer) = fields.get("text").and_then(Value::as_str) else {
        return fail(id, "the record has no `text` string");
    };
    let rubric = match fields.get("rubric") {
        None | Some(Value::Null) => cli.rubric.as_deref(),
        Some(Value::String(name)) => Some(name.as_str()),
        Some(_) => return fail(id, "`rubric` must be a string"),
    };
    let settings = Settings {
        rubric: RubricChoice::from_option(rubric),
        rubrics,
        max_bytes: cli.max_bytes,
        parse: cli.input.options(),
    };
    let graded = grade::decode(answer.as_bytes().to_vec(), cli.max_bytes)
        .map_err(FileError::from)
        .and_then(|text| batch::grade_decoded(&text, &settings));
    match graded {
        Ok(report) => line(&StdinReport {
            id,
            report: &report,
        }),
        Err(error) => fail(id, &error.to_string()),
    }
}
