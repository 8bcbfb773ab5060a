//! `missing-signals`: the named signals earned nothing.

use super::{ConditionKind, Earned};
use crate::rules::compile::ConditionCompiler;
use crate::rules::context::Context;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// The signals a `missing-signals` condition names, as `criterion.signal`.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct SignalNames(Spanned<Vec<String>>);

impl JsonSchema for SignalNames {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "signal-names".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "array",
            "minItems": 1,
            "items": { "type": "string", "pattern": "^[^.]+\\.[^.]+$" }
        })
    }
}

/// ## What it does
/// Holds when every signal named (`criterion.signal`) earned nothing. Names that are no
/// signal of the rubric are reported when it loads.
///
/// ## Why
/// Some mistakes are two absences together: a pitch with neither a user benefit nor a
/// business result.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// missing-signals = ["user-value.pain", "business.retention"]
/// ```
#[derive(Clone, Debug)]
pub struct MissingSignals {
    /// (criterion index, signal index) pairs.
    signals: Vec<(usize, usize)>,
}

impl ConditionKind for MissingSignals {
    const KEY: &'static str = "missing-signals";
    const SUMMARY: &'static str = "These signals (`criterion.signal`) earned nothing.";
    type Def = SignalNames;

    fn compile(def: &SignalNames, cx: &mut ConditionCompiler) -> Self {
        let mut signals = Vec::new();
        for name in def.0.get_ref() {
            let found = name.split_once('.').and_then(|(c, s)| {
                let ci = cx.criteria.iter().position(|(id, _)| *id == c)?;
                let si = cx.criteria[ci].1.iter().position(|id| *id == s)?;
                Some((ci, si))
            });
            match found {
                Some(pair) => signals.push(pair),
                None => cx.problems.add(
                    def.0.span(),
                    Some(cx.id),
                    format!("`missing-signals` names `{name}`, which is no `criterion.signal` of this rubric"),
                ),
            }
        }
        MissingSignals { signals }
    }

    fn holds(&self, _: &Context, earned: &Earned) -> bool {
        self.signals
            .iter()
            .all(|&(c, s)| earned(c, s).is_none_or(|e| e == 0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    #[test]
    fn fires_and_stays_quiet() {
        let when = "missing-signals = [\"c.s\"]";
        assert_condition(when, "We would cut churn for members this year.", true);
        assert_condition(when, "We would lift retention for members this year.", false);
    }

    #[test]
    fn unknown_names_are_reported() {
        assert_eq!(
            problems("missing-signals = [\"c.nope\"]"),
            ["22:19: `m`: `missing-signals` names `c.nope`, which is no `criterion.signal` of this rubric"]
        );
    }
}
