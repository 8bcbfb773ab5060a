//! `present`: at least one of the phrases appears.

use super::{ConditionKind, Earned};
use crate::rules::compile::{ListId, ConditionCompiler, PhraseList};
use crate::rules::context::{Context, Hit};

/// ## What it does
/// Holds when at least one of the phrases appears outside a negation.
///
/// ## Why
/// Some mistakes are said out loud: an ultimatum, blaming the team, "I worked too hard".
/// A candidate who says they would never issue an ultimatum has not issued one.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// present = ["take it or leave it", "or i walk"]
/// ```
#[derive(Clone, Debug)]
pub struct Present {
    list: ListId,
}

impl ConditionKind for Present {
    const KEY: &'static str = "present";
    const SUMMARY: &'static str = "At least one of these phrases appears (outside a negation).";
    type Def = PhraseList;

    fn compile(def: &PhraseList, cx: &mut ConditionCompiler) -> Self {
        Present {
            list: cx.phrases(def, Self::KEY),
        }
    }

    fn committed_lists(&self) -> Vec<ListId> {
        vec![self.list]
    }

    fn said_in(&self, context: &Context, _: &Earned) -> Vec<Hit> {
        context.claimed_hits(self.list).copied().collect()
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        context.claimed(self.list) > 0
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    #[test]
    fn fires_and_stays_quiet() {
        let when = "present = [\"take it or leave it\"]";
        assert_condition(when, "I told them to take it or leave it, then waited.", true);
        assert_condition(when, "I would never say take it or leave it to them.", false);
        assert_condition(when, "I asked what flexibility they had on the base.", false);
    }

    #[test]
    fn a_bare_noun_commits_to_nothing() {
        let when = "present = [\"ultimatum\"]";
        let listed = "What would I avoid in the call? Ultimatums. Then I'd ask about the level.";
        assert_condition(when, listed, false);
        assert_condition(when, "I gave them an ultimatum: match it by Friday.", true);
    }

    #[test]
    fn an_empty_phrase_is_reported() {
        assert_eq!(
            problems("present = [\"\"]"),
            ["22:11: `m`: `present` holds an empty phrase"]
        );
    }
}
