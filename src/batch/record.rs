//! `--stdin-jsonl` records: one JSON object `{"id", "text", "rubric"}` per input line, and
//! the one output line each becomes (a report, or an error that echoes the id as given).

use super::grade::{Settings, grade_decoded, map_ordered, with_threads};
use super::rubrics::{RubricChoice, builtin_choice};
use super::run::Sink;
use super::source::{MAX_SOURCE_BYTES, check_regular};
use crate::cohort::FileError;
use crate::report::jsonl::{StdinError, StdinReport, line};
use serde::{Deserialize, Deserializer, de::Error as _};
use serde_json::Value;
use serde_json::value::RawValue;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Where a record stands in its input stream, both counted from 1: its input line, and its
/// index among the records (blank lines are not records, so they do not count there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The input line.
    pub line: usize,
    /// The record's index among the stream's records.
    pub record: usize,
}

/// One record's line: where it stands, and its bytes (`None` when it was over the limit
/// and skipped).
type Line = (Position, Option<Vec<u8>>);

/// Input lines read a step at a time, each bounded so that no line is held whole when it
/// is over the size limit.
struct Lines<R> {
    reader: BufReader<R>,
    limit: u64,
    number: usize,
    records: usize,
}

impl<R: Read> Lines<R> {
    /// Lines of `reader` for records of answers up to `max_bytes`.
    fn new(reader: R, max_bytes: usize) -> Self {
        let reader = BufReader::new(reader);
        // A JSON string may spell a character in up to six bytes (`\u00e9`).
        let limit = (max_bytes as u64).saturating_mul(6).saturating_add(4096);
        Lines {
            reader,
            limit,
            number: 0,
            records: 0,
        }
    }

    /// Up to `step` records' lines, fewer when no more input is waiting (so that replies
    /// never wait on input), and whether the input ended. Blank lines are skipped here, in
    /// input order, so that each record's index is known before records are graded in
    /// parallel.
    fn step(&mut self, step: usize) -> std::io::Result<(Vec<Line>, bool)> {
        let mut lines = Vec::new();
        while lines.len() < step {
            let mut bytes = Vec::new();
            let read = Read::take(&mut self.reader, self.limit).read_until(b'\n', &mut bytes)?;
            if read == 0 {
                return Ok((lines, true));
            }
            self.number += 1;
            let over = read as u64 == self.limit && !bytes.ends_with(b"\n");
            if over || !is_blank(&bytes) {
                self.records += 1;
                let at = Position {
                    line: self.number,
                    record: self.records,
                };
                if over {
                    skip_line(&mut self.reader)?;
                    lines.push((at, None));
                } else {
                    lines.push((at, Some(bytes)));
                }
            }
            if self.reader.buffer().is_empty() {
                break;
            }
        }
        Ok((lines, false))
    }
}

/// One input record.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Echoed back as the exact JSON text given (`18446744073709551617` and `-0` stay as
    /// written); null when absent.
    #[serde(default)]
    pub id: Option<Box<RawValue>>,
    /// The answer.
    #[serde(default, deserialize_with = "text")]
    pub text: Option<String>,
    /// A built-in id, a rubric path or `auto`; else the run's `--rubric`.
    #[serde(default, deserialize_with = "rubric")]
    pub rubric: Option<String>,
}

/// Only the id of a record that is not valid, so that its error line still carries it.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Option<Box<RawValue>>,
}

fn string_or_null<'de, D: Deserializer<'de>>(
    deserializer: D,
    message: &'static str,
) -> Result<Option<String>, D::Error> {
    match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(D::Error::custom(message)),
    }
}

fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    string_or_null(deserializer, NO_TEXT)
}

fn rubric<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    string_or_null(deserializer, "`rubric` must be a string")
}

const NO_TEXT: &str = "the record has no `text` string";
const NOT_AN_OBJECT: &str = "a record is a JSON object {\"id\", \"text\", \"rubric\"}";

/// Records graded per parallel step and thread, when input arrives faster than it is
/// graded; a step also ends when no more input is waiting, so replies never wait on input.
const RECORDS_PER_THREAD_PER_STEP: usize = 32;

/// Why a stream of records stopped before its end.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// The rubric named for records without one could not be loaded.
    #[error("{0}")]
    Rubric(FileError),
    /// The input could not be read.
    #[error("<stdin>: {0}")]
    Read(std::io::Error),
    /// The thread pool would not start.
    #[error("starting threads: {0}")]
    Threads(rayon::ThreadPoolBuildError),
    /// `--rubric-dir` is not a folder that can be resolved.
    #[error("--rubric-dir {dir}: {reason}")]
    RubricDir {
        /// The folder as given.
        dir: String,
        /// Why it was refused.
        reason: String,
    },
}

/// Grades every record of `input` on `threads` threads (0: one per core), a step at a
/// time, writing one line per record to `sink` in input order; stops early only when the
/// input cannot be read or `sink` failed. A rubric named for every record (not `auto`) is
/// loaded first, so that a wrong one stops the stream before it is read. Records' rubric
/// paths are read only from under `rubric_dir` (canonicalized here by [`rubric_dir`]).
pub fn stream(
    input: impl Read + Send,
    settings: &Settings,
    rubric_dir: Option<&Path>,
    threads: usize,
    sink: &mut (dyn Sink + Send),
) -> Result<(), StreamError> {
    if let RubricChoice::Named(name) = &settings.rubric {
        settings.rubrics.get(name).map_err(StreamError::Rubric)?;
    }
    let rubric_dir = rubric_dir.map(self::rubric_dir).transpose()?;
    let rubric_dir = rubric_dir.as_deref();
    let mut lines = Lines::new(input, settings.max_bytes);
    let work = || -> Result<(), StreamError> {
        let step = rayon::current_num_threads() * RECORDS_PER_THREAD_PER_STEP;
        loop {
            let (records, at_end) = lines.step(step).map_err(StreamError::Read)?;
            let mut out = String::new();
            let grade = |line| grade_line(line, settings, rubric_dir);
            map_ordered(records, grade, |text| out.push_str(&text));
            sink.write(&out);
            if at_end || sink.failed() {
                return Ok(());
            }
        }
    };
    with_threads(threads, work).map_err(StreamError::Threads)?
}

/// A line that holds no record: only white space (a line that is not UTF-8 is a record,
/// and that record's error).
fn is_blank(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| text.trim().is_empty())
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

/// The output line of one record's line: its report or error.
fn grade_line((at, bytes): Line, settings: &Settings, rubric_dir: Option<&Path>) -> String {
    match bytes {
        Some(bytes) => grade_record(at, &bytes, settings, rubric_dir),
        None => too_long(at),
    }
}

/// The error line for the record at `at`, which was over the size limit.
fn too_long(at: Position) -> String {
    line(&StdinError {
        id: None,
        line: at.line,
        record: at.record,
        error: "the record is over the size limit; raise it with --max-bytes",
    })
}

/// The rubric a record names: `auto`, a built-in id, or a rubric path relative to
/// `rubric_dir` (canonical) that stays inside it once links are resolved. Anything else (an
/// absolute path, `../`, a link out, a path with no `rubric_dir`, a FIFO or device) is the
/// record's error: a record never makes grade read a file the person running it did not
/// offer.
fn record_rubric(name: &str, rubric_dir: Option<&Path>) -> Result<RubricChoice, String> {
    match builtin_choice(name) {
        Ok(choice) => return Ok(choice),
        Err(Some(unknown)) => return Err(unknown),
        Err(None) => {} // a path: read only from under rubric_dir
    }
    let Some(dir) = rubric_dir else {
        return Err(format!(
            "`{name}`: a record may name a built-in rubric id or `auto`; rubric files only under the folder given with --rubric-dir"
        ));
    };
    let shown = dir.display();
    if Path::new(name).is_absolute() {
        return Err(format!(
            "`{name}`: a record's rubric path must be relative to --rubric-dir {shown}"
        ));
    }
    let path = dir.join(name).canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("`{name}`: no such rubric file under {shown}"),
        _ => format!("`{name}`: {e}"),
    })?;
    if !path.starts_with(dir) {
        return Err(format!("`{name}`: leads outside --rubric-dir {shown}"));
    }
    check_regular(&path, MAX_SOURCE_BYTES).map_err(|e| format!("`{name}`: {e}"))?;
    Ok(RubricChoice::Named(path.display().to_string()))
}

/// `--rubric-dir` as given, resolved to the canonical folder records' rubric paths must
/// stay inside.
pub fn rubric_dir(dir: &Path) -> Result<PathBuf, StreamError> {
    let refused = |reason: String| StreamError::RubricDir {
        dir: dir.display().to_string(),
        reason,
    };
    let canonical = dir.canonicalize().map_err(|e| refused(e.to_string()))?;
    if !canonical.is_dir() {
        return Err(refused("not a folder".into()));
    }
    Ok(canonical)
}

/// One record's input line, standing at `at`, to one output line; empty for a blank line.
/// `settings.rubric` grades records that name no rubric; a record's rubric path is read
/// only from under `rubric_dir` (canonical, as [`rubric_dir`] gives it).
pub fn grade_record(
    at: Position,
    bytes: &[u8],
    settings: &Settings,
    rubric_dir: Option<&Path>,
) -> String {
    let fail = |id: Option<&RawValue>, message: &str| {
        line(&StdinError {
            id,
            line: at.line,
            record: at.record,
            error: message,
        })
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return fail(None, "the record is not valid UTF-8");
    };
    let text = text.trim_end_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return String::new();
    }
    let parsed = serde_json::from_str::<Record>(text);
    // serde reads a struct from an array too; a record is an object only.
    let object = text.trim_start().starts_with('{');
    let record: Record = match parsed {
        Err(e) if e.is_syntax() || e.is_eof() => {
            return fail(None, &format!("not a JSON record: {e}"));
        }
        _ if !object => return fail(None, NOT_AN_OBJECT),
        Ok(record) => record,
        Err(e) => {
            let id = serde_json::from_str::<IdOnly>(text).ok().and_then(|r| r.id);
            let message = e.to_string();
            let at = format!(" at line {} column {}", e.line(), e.column());
            return fail(id.as_deref(), message.strip_suffix(&at).unwrap_or(&message));
        }
    };
    let Some(answer) = record.text else {
        return fail(record.id.as_deref(), NO_TEXT);
    };
    let rubric = match record
        .rubric
        .as_deref()
        .map(|name| record_rubric(name, rubric_dir))
    {
        Some(Ok(choice)) => choice,
        Some(Err(message)) => return fail(record.id.as_deref(), &message),
        None => settings.rubric.clone(),
    };
    let settings = Settings {
        rubric,
        rubrics: settings.rubrics,
        max_bytes: settings.max_bytes,
        parse: settings.parse.clone(),
    };
    let graded = crate::decode(answer.into_bytes(), settings.max_bytes)
        .map_err(FileError::from)
        .and_then(|text| grade_decoded(&text, &settings));
    match graded {
        Ok(report) => line(&StdinReport {
            id: record.id.as_deref(),
            report: &report,
        }),
        Err(error) => fail(record.id.as_deref(), &error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Rubrics;

    /// The output line for `record` as input line 3, the stream's second record.
    fn raw(record: &str) -> String {
        let rubrics = Rubrics::default();
        let settings = Settings {
            rubric: RubricChoice::FrontMatter,
            rubrics: &rubrics,
            max_bytes: 10_000,
            parse: Default::default(),
        };
        let at = Position { line: 3, record: 2 };
        grade_record(at, record.as_bytes(), &settings, None)
    }

    fn run(record: &str) -> serde_json::Value {
        serde_json::from_str(&raw(record)).unwrap()
    }

    #[test]
    fn a_bad_record_keeps_its_id() {
        let out = run(r#"{"id": [1], "text": 5}"#);
        assert_eq!(out["id"], serde_json::json!([1]));
        assert_eq!(out["error"], NO_TEXT);
        let out = run(r#"{"id": "r", "text": "x", "rubric": 2}"#);
        assert_eq!(out["error"], "`rubric` must be a string");
        let out = run(r#"{"id": "u", "text": "x", "score": 1}"#);
        assert_eq!(out["id"], "u");
        assert!(
            out["error"]
                .as_str()
                .unwrap()
                .starts_with("unknown field `score`")
        );
        assert_eq!(out["line"], 3);
        assert_eq!(out["record"], 2);
    }

    #[test]
    fn records_are_counted_apart_from_blank_lines_and_an_over_long_one_is_a_record() {
        let long = "x".repeat(5000);
        let input = format!("{{}}\n\n  \t\n{long}\n\n[]\n");
        // max_bytes 0: a line over 4096 bytes is over the limit.
        let mut lines = Lines::new(input.as_bytes(), 0);
        let mut read = Vec::new();
        loop {
            let (some, at_end) = lines.step(100).unwrap();
            read.extend(some);
            if at_end {
                break;
            }
        }
        let places: Vec<(usize, usize, bool)> = read
            .iter()
            .map(|(at, bytes)| (at.line, at.record, bytes.is_some()))
            .collect();
        assert_eq!(places, [(1, 1, true), (4, 2, false), (6, 3, true)]);
        let out = too_long(read[1].0);
        assert!(out.contains(r#""line":4,"record":2,"#), "{out}");
    }

    #[test]
    fn ids_are_echoed_as_the_exact_json_text() {
        for id in [
            "18446744073709551617",
            "-0",
            "1.50",
            "1e400",
            "\"\\u00e9\"",
            "null",
        ] {
            let record = format!(r#"{{"id": {id}, "text": 5}}"#);
            let out = raw(&record);
            assert!(out.starts_with(&format!(r#"{{"id":{id},"#)), "{id}: {out}");
        }
        let out = raw(r#"{"text": 5}"#);
        assert!(out.starts_with(r#"{"id":null,"#), "{out}");
    }
}
