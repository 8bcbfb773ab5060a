//! `together`: one sentence says one of the phrases with one of the other list.

use super::{ConditionKind, Earned};
use crate::rules::compile::{ConditionCompiler, ListId, PhraseList};
use crate::rules::context::{Context, Hit};
use crate::rules::within::Within;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `together` condition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TogetherDef {
    /// Who or what the sentence is about.
    pub phrases: PhraseList,
    /// What it says of them.
    pub with: PhraseList,
    /// Where the two must meet: `sentence` (the default) or `clause`.
    #[serde(default)]
    pub within: Within,
}

/// ## What it does
/// Holds when one sentence asserts one of `phrases` together with one of `with`, in a
/// sentence that says something (not a heading, not a bare noun). Repeated sentences do
/// not count.
///
/// ## Why
/// Many mistakes are a pairing, not a phrase: blaming another team is any team with any
/// way of letting the project down ("the design team took far longer than planned",
/// "legal sat on it for a month"), which no list of whole phrases covers. Two short lists
/// paired in a sentence cover the wordings a list of sentences would have to spell out.
///
/// With `within = "clause"` the two must meet in one clause, which ties a subject to what
/// is said of it: "I'm the best PM you'll find" is a claim about the speaker, "I'm sure
/// the best plan is a pilot" is not.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// together = { phrases = ["engineering", "the vendor"], with = ["late", "slow"] }
/// ```
#[derive(Clone, Debug)]
pub struct Together {
    list: ListId,
    with: ListId,
    within: Within,
}

impl Together {
    /// The claimed hits of `phrases` that meet a different claimed hit of `with`, each
    /// with its partner, in document order.
    fn pairs(&self, context: &Context) -> Vec<(Hit, Hit)> {
        let with: Vec<&Hit> = context.claimed_hits(self.with).collect();
        let place = |h: &Hit| self.within.place(context.analysis, h.sentence, h.span);
        context
            .claimed_hits(self.list)
            .filter_map(|hit| {
                let at = place(hit)?;
                let partner = with
                    .iter()
                    .find(|w| w.span != hit.span && place(w) == Some(at))?;
                Some((*hit, **partner))
            })
            .collect()
    }
}

impl ConditionKind for Together {
    const KEY: &'static str = "together";
    const SUMMARY: &'static str = "One sentence says one of `phrases` together with one of `with`.";
    type Def = TogetherDef;

    fn compile(def: &TogetherDef, cx: &mut ConditionCompiler) -> Self {
        Together {
            list: cx.phrases(&def.phrases, "together.phrases"),
            with: cx.phrases(&def.with, "together.with"),
            within: def.within,
        }
    }

    fn committed_lists(&self) -> Vec<ListId> {
        vec![self.list, self.with]
    }

    fn said_in(&self, context: &Context, _: &Earned) -> Vec<Hit> {
        // Both halves of each pair: who or what, and what is said of it.
        let pairs = self.pairs(context);
        pairs.into_iter().flat_map(|(a, b)| [a, b]).collect()
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        !self.pairs(context).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    const WHEN: &str =
        "together = { phrases = [\"engineering\", \"the vendor\"], with = [\"late\", \"slow\"] }";

    #[test]
    fn a_pair_in_one_sentence_holds() {
        assert_condition(WHEN, "It failed because engineering was three weeks late.", true);
        assert_condition(WHEN, "The vendor was slow to send the files back.", true);
    }

    #[test]
    fn a_pair_across_sentences_does_not() {
        let apart = "Engineering built the flow in March. The launch came late in the spring.";
        assert_condition(WHEN, apart, false);
    }

    #[test]
    fn a_negated_or_rejected_half_does_not() {
        assert_condition(WHEN, "Engineering was not late; I had the scope wrong.", false);
        assert_condition(WHEN, "I won't say engineering was slow, because it wasn't.", false);
    }

    #[test]
    fn within_a_clause_ties_a_subject_to_what_is_said_of_it() {
        let when = "together = { phrases = [\"I'm\"], with = [\"the best\"], within = \"clause\" }";
        assert_condition(when, "I'm sure I'm the best PM you will find for it.", true);
        assert_condition(when, "I'm not sure, but the best plan is a small pilot.", false);
    }

    #[test]
    fn an_empty_list_is_reported() {
        assert_eq!(
            problems("together = { phrases = [\"x\"], with = [] }"),
            ["22:38: `m`: `together.with` is an empty phrase list"]
        );
    }
}
