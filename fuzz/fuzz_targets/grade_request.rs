//! Untrusted JSON, as the practice page's `POST /api/grade` and a `--stdin-jsonl` record
//! get it: nothing may panic, a record gives one output line (empty only when blank), and neither
//! reads a rubric the bytes name (no `--rubric-dir`, so a path can only be refused).
#![no_main]

use grade::batch::record::{Position, grade_record};
use grade::batch::request::grade_request;
use grade::batch::{Rubrics, Settings};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rubrics() -> &'static Rubrics<'static> {
    static RUBRICS: OnceLock<Rubrics<'static>> = OnceLock::new();
    RUBRICS.get_or_init(Rubrics::default)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(grade) = grade_request(data, rubrics(), 1 << 16) {
        assert!((0.0..=100.0).contains(&grade.score));
    }
    let settings = Settings::new(Some("auto"), rubrics(), 1 << 16);
    let at = Position { line: 1, record: 1 };
    let line = grade_record(at, data, &settings, None);
    let blank = data.iter().all(u8::is_ascii_whitespace);
    let one_line = line.ends_with('\n') && line.matches('\n').count() == 1;
    assert!(one_line || (blank && line.is_empty()), "one record, one line: {line:?}");
});
