//! `no-label`: no heading or lead-in label names one of the phrases.

use super::{ConditionKind, Earned};
use crate::analysis::Stance;
use crate::rules::compile::{ConditionCompiler, ListId, PhraseList};
use crate::rules::context::Context;
use crate::text::span::Span;

/// A lead-in label is short: "Why:", "**The risk:**", "What it costs:".
const MAX_LABEL_WORDS: usize = 4;

/// ## What it does
/// Holds when no heading or lead-in label names one of the phrases with something under
/// it. A label is a heading, or the words before a colon that open a line ("**Why:** …",
/// "Why:" over a list), at most four words. Phrases elsewhere do not count, nor a label
/// with nothing after it.
///
/// ## Why
/// Written answers give their parts a name and leave the name out of the sentences: a
/// section headed "Why:" holds the reasons, though no sentence in it says "because". A
/// mistake about a missing part should not hold when the answer has a section for it.
/// Only labels count, so the word in a sentence ("why would anyone pay?") is no section.
///
/// ## Example
/// ```toml
/// [mistake.when]
/// missing-signals = ["value.reasoning"]
/// no-label = ["why", "rationale"]
/// ```
#[derive(Clone, Debug)]
pub struct NoLabel {
    list: ListId,
}

impl ConditionKind for NoLabel {
    const KEY: &'static str = "no-label";
    const SUMMARY: &'static str =
        "No heading or lead-in label (\"Why:\") names one of these phrases with text under it.";
    type Def = PhraseList;

    fn compile(def: &PhraseList, cx: &mut ConditionCompiler) -> Self {
        NoLabel {
            list: cx.phrases(def, Self::KEY),
        }
    }

    fn holds(&self, context: &Context, _: &Earned) -> bool {
        !context.hits.iter().any(|hit| {
            hit.list == self.list
                && hit.stance == Stance::Asserted
                && label(context, hit.sentence).is_some_and(|l| l.contains(hit.span.start))
        })
    }
}

/// The label a sentence opens with, if it is one with text after it: the whole of a
/// heading, or the words before a colon at the start of a line.
fn label(context: &Context, sentence: usize) -> Option<Span> {
    let sentences = &context.analysis.sentences;
    let this = &sentences[sentence];
    let followed = sentence + 1 < sentences.len();
    if this.is_heading() {
        return followed.then_some(this.span);
    }
    let opens_line = sentence == 0
        || context.text[sentences[sentence - 1].span.end..this.span.start].contains('\n');
    let text = this.span.text(context.text);
    let colon = text.find(':')?;
    let name = text[..colon].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let words = name.split_whitespace().count();
    let after = text[colon + 1..].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let is_label = opens_line && (1..=MAX_LABEL_WORDS).contains(&words);
    (is_label && (followed || !after.is_empty()))
        .then(|| Span::new(this.span.start, this.span.start + colon))
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_condition, problems};

    const WHEN: &str = "no-label = [\"why\"]";

    #[test]
    fn a_lead_in_or_heading_is_a_label() {
        assert_condition(WHEN, "Idea: a new row.\n\n**Why:**\n\n- It saves time.", false);
        assert_condition(WHEN, "Idea: a new row.\n\n**Why:** it saves members time.", false);
        assert_condition(WHEN, "# Why it matters\n\nIt saves members time.", false);
    }

    #[test]
    fn the_word_in_a_sentence_is_no_label() {
        assert_condition(WHEN, "Idea: a new row. I can't say why members would use it.", true);
        let long = "Nobody asked me why the new row would work: it just felt right.";
        assert_condition(WHEN, long, true);
    }

    #[test]
    fn a_label_with_nothing_under_it_is_no_section() {
        assert_condition(WHEN, "Idea: a new row for members.\n\n**Why:**", true);
    }

    #[test]
    fn an_empty_list_is_reported() {
        assert_eq!(
            problems("no-label = []"),
            ["22:12: `m`: `no-label` is an empty phrase list"]
        );
    }
}
