//! `numbers-below`: the answer states fewer numbers than this.

use super::{ConditionKind, Earned};
use crate::analysis::quantities::QuantityKind;
use crate::rules::compile::ConditionCompiler;
use crate::rules::context::Context;

/// ## What it does
/// Holds when the answer states fewer numbers than the count given: money, percentages,
/// multiples, durations and counts, in sentences that may earn points. Calendar years and
/// amounts with no number in them ("several months", "a few weeks") do not count.
///
/// ## Why
/// Some mistakes are vocabulary standing in for specifics: "north star", "KPI" and "user
/// value" with nothing measured. An answer full of numbers has the specifics, whatever
/// words it also uses, so a mistake about their absence should hold only without them.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// at-least = { phrases = ["synergy", "north star", "kpi"], count = 3 }
/// numbers-below = 2
/// ```
#[derive(Clone, Debug)]
pub struct NumbersBelow {
    numbers: usize,
}

impl ConditionKind for NumbersBelow {
    const KEY: &'static str = "numbers-below";
    const SUMMARY: &'static str = "The answer states fewer numbers (years aside) than this.";
    type Def = usize;

    fn compile(numbers: &usize, _: &mut ConditionCompiler) -> Self {
        NumbersBelow { numbers: *numbers }
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        let analysis = context.analysis;
        let stated = analysis
            .quantities
            .iter()
            .filter(|q| q.kind != QuantityKind::Year && !vague(q.span.text(context.text)))
            .filter(|q| {
                analysis
                    .sentence_at(q.span.start)
                    .is_some_and(|s| context.counts(s))
            })
            .count();
        stated < self.numbers
    }
}

/// Amounts that name no number: "several months", "a few weeks", "a couple of days".
const VAGUE: &[&str] = &["a few", "few", "several", "a couple"];

/// True when a quantity's words give no number.
fn vague(quantity: &str) -> bool {
    let lower = quantity.to_lowercase();
    VAGUE.iter().any(|v| {
        lower
            .strip_prefix(v)
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::super::test::assert_condition;

    #[test]
    fn fires_and_stays_quiet() {
        let when = "numbers-below = 2";
        assert_condition(when, "Our north star is member joy, and we will chase it.", true);
        assert_condition(
            when,
            "We expect a 3% lift in month-three retention from 40,000 members.",
            false,
        );
        // A year is a date, not a measurement.
        assert_condition(when, "We launched it in 2021 and again in 2023 for members.", true);
        // An amount with no number in it measures nothing.
        assert_condition(when, "Watch it for several months, then a few weeks more.", true);
        assert_condition(when, "Watch it for three months, then two weeks more.", false);
    }
}
