//! `long-list`: one list runs to many items, under a lead-in that names what they are.

use super::{ConditionKind, Earned};
use crate::analysis::Stance;
use crate::document::BlockKind;
use crate::rules::compile::{ConditionCompiler, ListId, PhraseList};
use crate::rules::context::{Context, Hit};
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// The keys of a `long-list` condition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LongListDef {
    /// How many items make a list long; at least 2.
    #[schemars(range(min = 2), with = "usize")]
    pub items: Spanned<usize>,
    /// The line before the list must name one of these ("Key features:"). Optional: without
    /// it any list counts.
    #[serde(default)]
    pub under: Option<PhraseList>,
}

/// ## What it does
/// Holds when one Markdown list (consecutive items, `-`, `*` or `1.`) has at least `items`
/// items and, when `under` is given, the line just before the list asserts one of its
/// phrases. An item is a line of its own; an item of two sentences is one item.
///
/// ## Why
/// A written answer piles things up as a list, not in words: seven numbered features under
/// "Key features:" is a pile, though no sentence says "another feature". The lead-in says
/// what the items are, so a long list of test steps or risks is not taken for one.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// long-list = { items = 5, under = ["feature*"] }
/// ```
#[derive(Clone, Debug)]
pub struct LongList {
    items: usize,
    under: Option<ListId>,
}

/// One run of list items: the sentence before it, if any, and how many items it has.
struct ListRun {
    lead_in: Option<usize>,
    items: usize,
}

/// Every list of the answer, in order. A list item sentence that starts a new line starts a
/// new item; one after it on the same line belongs to the same item.
fn list_runs(context: &Context) -> Vec<ListRun> {
    let sentences = &context.analysis.sentences;
    let mut runs: Vec<ListRun> = Vec::new();
    let mut in_list = false;
    for (i, sentence) in sentences.iter().enumerate() {
        if sentence.kind != BlockKind::ListItem {
            in_list = false;
            continue;
        }
        if !in_list {
            runs.push(ListRun {
                lead_in: i.checked_sub(1),
                items: 1,
            });
            in_list = true;
            continue;
        }
        let gap = &context.text[sentences[i - 1].span.end..sentence.span.start];
        if gap.contains('\n')
            && let Some(run) = runs.last_mut()
        {
            run.items += 1;
        }
    }
    runs
}

impl LongList {
    /// The lead-in hits of `under` for each list that is long enough; one `None` per long
    /// list when there is no `under`.
    fn long_lists<'c>(&self, context: &'c Context) -> Vec<Option<&'c Hit>> {
        let mut found = Vec::new();
        for run in list_runs(context).iter().filter(|r| r.items >= self.items) {
            let Some(under) = self.under else {
                found.push(None);
                continue;
            };
            let named = run.lead_in.and_then(|lead| {
                context.hits.iter().find(|h| {
                    h.list == under && h.sentence == lead && h.stance == Stance::Asserted
                })
            });
            if named.is_some() {
                found.push(named);
            }
        }
        found
    }
}

impl ConditionKind for LongList {
    const KEY: &'static str = "long-list";
    const SUMMARY: &'static str =
        "One list has at least `items` items, under a line naming one of `under` when given.";
    type Def = LongListDef;

    fn compile(def: &LongListDef, cx: &mut ConditionCompiler) -> Self {
        let under = def
            .under
            .as_ref()
            .map(|list| cx.phrases(list, "long-list.under"));
        let items = *def.items.get_ref();
        if items < 2 {
            cx.problems.add(
                def.items.span(),
                Some(cx.id),
                "`long-list.items` must be at least 2",
            );
        }
        LongList { items, under }
    }

    fn committed_lists(&self) -> Vec<ListId> {
        self.under.into_iter().collect()
    }

    fn said_in(&self, context: &Context, _: &Earned) -> Vec<Hit> {
        self.long_lists(context).into_iter().flatten().copied().collect()
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        !self.long_lists(context).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    const WHEN: &str = "long-list = { items = 4, under = [\"feature*\"] }";
    const FEATURES: &str = "My pitch is a family plan.\n\nThe features:\n\n1. Profiles.\n2. Chat.\n3. Badges. Streaks too.\n4. Polls.\n";

    #[test]
    fn a_long_list_under_its_name_holds() {
        assert_condition(WHEN, FEATURES, true);
    }

    #[test]
    fn a_short_list_or_another_lead_in_does_not() {
        let short = FEATURES.replace("4. Polls.\n", "");
        assert_condition(WHEN, &short, false);
        let steps = FEATURES.replace("The features:", "How I'd test it:");
        assert_condition(WHEN, &steps, false);
        assert_condition("long-list = { items = 4 }", &steps, true);
    }

    #[test]
    fn two_sentences_on_one_line_are_one_item() {
        let three = FEATURES.replace("4. Polls.\n", "");
        assert_condition("long-list = { items = 4 }", &three, false);
    }

    #[test]
    fn too_few_items_is_reported() {
        assert_eq!(
            problems("long-list = { items = 1 }"),
            ["22:23: `m`: `long-list.items` must be at least 2"]
        );
    }
}
