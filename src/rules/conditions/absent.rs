//! `absent`: none of the phrases appears.

use super::{ConditionKind, Earned};
use crate::rules::compile::{ListId, ConditionCompiler, PhraseList};
use crate::rules::context::Context;

/// ## What it does
/// Holds when none of the phrases appears outside a negation.
///
/// ## Why
/// Some mistakes are what an answer leaves out: a pitch that never names the member, a
/// negotiation that never states a number.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// absent = ["member*", "user*", "viewer*"]
/// ```
#[derive(Clone, Debug)]
pub struct Absent {
    list: ListId,
}

impl ConditionKind for Absent {
    const KEY: &'static str = "absent";
    const SUMMARY: &'static str = "None of these phrases appears (outside a negation).";
    type Def = PhraseList;

    fn compile(def: &PhraseList, cx: &mut ConditionCompiler) -> Self {
        Absent {
            list: cx.phrases(def, Self::KEY),
        }
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        context.mentioned(self.list) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    #[test]
    fn fires_and_stays_quiet() {
        let when = "absent = [\"churn\"]";
        assert_condition(when, "We would lift retention for members this year.", true);
        assert_condition(when, "We would cut churn for members this year.", false);
        // A negated phrase is not there.
        assert_condition(when, "This is not about churn for members at all.", true);
    }

    #[test]
    fn an_empty_list_is_reported() {
        assert_eq!(
            problems("absent = []"),
            ["22:10: `m`: `absent` is an empty phrase list"]
        );
    }
}
