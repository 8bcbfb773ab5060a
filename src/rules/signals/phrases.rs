//! `phrases`: any phrase of a list, in a sentence that may earn points.

use super::{Found, Kind, sentences_with};
use crate::rules::compile::{ListId, PhraseList, SignalCompiler};
use crate::rules::context::Context;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `phrases` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PhrasesDef {
    /// Any of these phrases, compared on stems; `*` ends a prefix (`frustrat*`), an entry in
    /// double quotes matches exactly. Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "PhraseList")]
    pub phrases: Option<Vec<String>>,
}

/// ## What it does
/// Earns `points` for each sentence, up to `cap`, that holds a phrase of `phrases` outside
/// a negation. Repeated, keyword-packed and fragment sentences earn nothing.
///
/// ## Why
/// The simplest evidence of an idea: the candidate named the user's pain, the metric, the
/// trade-off. Matching is on words, case and typography folded.
///
/// ## Keys
/// - `phrases` (required): the phrase list.
///
/// ## Example
/// ```toml
/// kind = "phrases"
/// phrases = ["pain point", "struggle to", "frustrat*"]
/// ```
#[derive(Clone, Debug)]
pub struct Phrases {
    list: ListId,
}

impl Kind for Phrases {
    const NAME: &'static str = "phrases";
    const SUMMARY: &'static str = "Any phrase of the list in a sentence.";
    type Def = PhrasesDef;

    fn compile(def: PhrasesDef, cx: &mut SignalCompiler) -> Option<Self> {
        let list = cx.phrases(def.phrases.as_ref(), "phrases")?;
        Some(Phrases { list })
    }

    fn evaluate(&self, context: &Context) -> Found {
        Found {
            sentences: sentences_with(self.list, context),
            ..Found::default()
        }
    }

    fn describe(&self, lists: &[Vec<String>]) -> String {
        format!("phrases: {}", lists[self.list as usize].join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    const SIGNAL: &str = "kind = \"phrases\"\nphrases = [\"pain point\", \"frustrat*\"]";

    #[test]
    fn hits_and_misses() {
        assert_signal(SIGNAL, "Members get frustrated when downloads vanish.", 1);
        assert_signal(SIGNAL, "Members love the new profile page a lot.", 0);
        // Under a negation a phrase does not count.
        assert_signal(SIGNAL, "This is not a pain point for our members.", 0);
    }

    #[test]
    fn a_negation_tolerant_signal_counts_negated_outcomes() {
        let outcome = "kind = \"phrases\"\nphrases = [\"renew\", \"come back\"]";
        let tolerant = format!("{outcome}\nnegation-tolerant = true");
        let text = "If the row stays buried, members don't renew next month.";
        assert_signal(outcome, text, 0);
        assert_signal(&tolerant, text, 1);
        assert_signal(&tolerant, "Once they cancel, they never come back to us.", 1);
        // Rejected mentions still earn nothing.
        assert_signal(&tolerant, "I wouldn't ask people to renew by email.", 0);
    }

    #[test]
    fn a_heading_labels_the_sentence_under_it() {
        let signal = "kind = \"phrases\"\nphrases = [\"main number\"]\ncap = 2";
        let labelled = "## The main number\n\nShare of members who finish an episode within a week.\n";
        assert_signal(signal, labelled, 1);
        // A heading alone earns nothing, nor does a rejected sentence under it.
        assert_signal(signal, "## The main number\n", 0);
        let rejected = "## The main number\n\nI wouldn't pick raw clicks for this at all.\n";
        assert_signal(signal, rejected, 0);
        // A sentence that says it in words is the evidence; the label adds nothing to it.
        let said = "## The main number\n\nShare of members who finish an episode.\n\nThat is the main number I would watch each week.\n";
        assert_signal(signal, said, 1);
        // Only a sentence of its own section keeps a label from counting.
        let elsewhere = "## The main number\n\nShare of members who finish an episode.\n\n## Then\n\nThat is the main number I would watch each week.\n";
        assert_signal(signal, elsewhere, 2);
    }

    #[test]
    fn problems_point_at_the_key() {
        assert_problems(
            "kind = \"phrases\"\nphrases = []",
            &["14:13: `c.s`: `phrases` is an empty phrase list"],
        );
        assert_problems(
            "kind = \"phrases\"",
            &["13:10: `c.s`: this signal kind needs `phrases`"],
        );
    }
}
