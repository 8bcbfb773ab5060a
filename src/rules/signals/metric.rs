//! `metric`: a named metric of the analysis within bounds.

use super::{Found, Kind};
use crate::analysis::metrics::{self, METRICS};
use crate::rules::compile::SignalCompiler;
use crate::rules::context::Context;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `metric` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MetricDef {
    /// The named metric (`grade analyze` lists them with their values). Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "MetricName")]
    pub metric: Option<String>,
    /// The value must be above this (default: the metric's delivery target).
    #[serde(default)]
    pub above: Option<f64>,
    /// The value must be below this (default: the metric's delivery target).
    #[serde(default)]
    pub below: Option<f64>,
}

/// A metric name (for the schema; the loader checks the name against the metrics).
struct MetricName;

impl JsonSchema for MetricName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "metric".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = METRICS.iter().map(|m| m.name()).collect();
        schemars::json_schema!({ "type": "string", "enum": names })
    }
}

/// ## What it does
/// Earns `points` once when the metric's value is above `above` and below `below`. A
/// delivery metric of a written answer has no value and earns nothing, so criteria that
/// use one say `applies-to = "transcript"`.
///
/// ## Why
/// How an answer is delivered counts in a spoken interview: pace, fillers, hedges, talk
/// share, the longest turn.
///
/// ## Keys
/// - `metric` (required): the metric's name; `grade analyze` lists every metric and its
///   value.
/// - `above`, `below`: the bounds. Without either, the metric's delivery target applies
///   (pace above 130 and below 175 words per minute, fewer than 5 fillers and 3 hedges
///   per 100 words); a metric with no target needs one.
///
/// ## Example
/// ```toml
/// kind = "metric"
/// metric = "fillers-per-100-words"
/// below = 5
/// ```
#[derive(Clone, Debug)]
pub struct Metric {
    metric: metrics::Metric,
    above: Option<f64>,
    below: Option<f64>,
}

impl Kind for Metric {
    const NAME: &'static str = "metric";
    const SUMMARY: &'static str =
        "A named metric of the analysis (pace, filler rate, …) above and/or below bounds.";
    type Def = MetricDef;

    fn compile(def: MetricDef, cx: &mut SignalCompiler) -> Option<Self> {
        let name = cx.needs(def.metric.as_ref(), "metric")?;
        let Some(metric) = metrics::Metric::from_name(name) else {
            let names: Vec<&str> = METRICS.iter().map(|m| m.name()).collect();
            cx.problem(
                cx.span("metric"),
                format!(
                    "unknown metric `{name}`; expected one of: {}",
                    names.join(", ")
                ),
            );
            return None;
        };
        let (above, below) = match (def.above, def.below, metric.target()) {
            // No bounds: the target the delivery report checks, stated once with the metric.
            (None, None, Some(target)) => (target.low, target.high),
            (above, below, _) => (above, below),
        };
        if above.is_none() && below.is_none() {
            cx.problem(cx.at.clone(), "a `metric` signal needs `above` or `below`");
        }
        if let (Some(above), Some(below)) = (above, below)
            && above >= below
        {
            cx.problem(
                cx.at.clone(),
                "`above` is not below `below`: no value fits",
            );
        }
        Some(Metric {
            metric,
            above,
            below,
        })
    }

    fn evaluate(&self, context: &Context) -> Found {
        let name = self.metric.name();
        let wanted = match (self.above, self.below) {
            (Some(a), Some(b)) => format!("wanted above {a} and below {b}"),
            (Some(a), None) => format!("wanted above {a}"),
            (None, Some(b)) => format!("wanted below {b}"),
            (None, None) => "no bound".to_owned(),
        };
        let Some(value) = self.metric.value(context.analysis) else {
            return Found {
                units: Some(0),
                note: Some(format!("{name}: not measured for this answer; {wanted}")),
                ..Found::default()
            };
        };
        let within =
            self.above.is_none_or(|a| value > a) && self.below.is_none_or(|b| value < b);
        Found {
            units: Some(u32::from(within)),
            note: Some(format!("{name} {value:.1}; {wanted}")),
            ..Found::default()
        }
    }

    fn describe(&self, _: &[Vec<String>]) -> String {
        format!(
            "metric {}{}{}",
            self.metric.name(),
            self.above.map_or(String::new(), |a| format!(" above {a}")),
            self.below.map_or(String::new(), |b| format!(" below {b}"))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    const SPOKEN: &str = "Interviewer: Go on.\nCandidate: We cut churn by three points in six weeks and kept it there.\n";

    #[test]
    fn hits_and_misses() {
        assert_signal("kind = \"metric\"\nmetric = \"words\"\nabove = 3", SPOKEN, 1);
        assert_signal("kind = \"metric\"\nmetric = \"words\"\nbelow = 3", SPOKEN, 0);
        // Fillers default to the delivery target, fewer than 5 per 100 words.
        assert_signal("kind = \"metric\"\nmetric = \"fillers-per-100-words\"", SPOKEN, 1);
        let umms = "Candidate: Um, we, um, cut churn, um, by, um, a lot, um.\n";
        assert_signal("kind = \"metric\"\nmetric = \"fillers-per-100-words\"", umms, 0);
        // A delivery metric of a written answer is not measured.
        assert_signal("kind = \"metric\"\nmetric = \"talk-share\"\nabove = 1", "We cut churn by a lot.", 0);
    }

    #[test]
    fn names_and_bounds_are_checked() {
        let found = super::super::test::problems("kind = \"metric\"\nmetric = \"pace\"");
        assert!(
            found[0].starts_with("14:12: `c.s`: unknown metric `pace`; expected one of: words"),
            "{found:?}"
        );
        assert_problems(
            "kind = \"metric\"\nmetric = \"words\"",
            &["13:10: `c.s`: a `metric` signal needs `above` or `below`"],
        );
        assert_problems(
            "kind = \"metric\"\nmetric = \"words\"\nabove = 5\nbelow = 5",
            &["13:10: `c.s`: `above` is not below `below`: no value fits"],
        );
    }
}
