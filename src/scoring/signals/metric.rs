//! `metric`: a named metric of the analysis within bounds — pace between 130 and 175
//! words per minute, fewer than 5 fillers per 100 words. Earns `points` once when the
//! value is above `above` and below `below`; a delivery metric of a written answer has no
//! value and earns nothing (criteria that use one say `applies-to = "transcript"`).
//! `grade analyze` lists every metric and its value.
//!
//! ```toml
//! kind = "metric"
//! metric = "fillers-per-100-words"
//! below = 5
//! ```

use super::Found;
use crate::analysis::metrics;
use crate::scoring::context::Context;

pub fn evaluate(name: &str, above: Option<f64>, below: Option<f64>, context: &Context) -> Found {
    let wanted = match (above, below) {
        (Some(a), Some(b)) => format!("wanted above {a} and below {b}"),
        (Some(a), None) => format!("wanted above {a}"),
        (None, Some(b)) => format!("wanted below {b}"),
        (None, None) => "no bound".to_owned(),
    };
    let Some(value) = metrics::value(context.analysis, name) else {
        return Found {
            units: Some(0),
            note: Some(format!("{name}: not measured for this answer; {wanted}")),
            ..Found::default()
        };
    };
    let within = above.is_none_or(|a| value > a) && below.is_none_or(|b| value < b);
    Found {
        units: Some(u32::from(within)),
        note: Some(format!("{name} {value:.1}; {wanted}")),
        ..Found::default()
    }
}
