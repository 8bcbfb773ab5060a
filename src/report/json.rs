//! JSON: the grade as one object of schema `grade-report/1` (fields in the README).

use crate::scoring::Grade;

pub fn render(grade: &Grade) -> String {
    let mut out = serde_json::to_string_pretty(grade).expect("a grade always serializes");
    out.push('\n');
    out
}
