//! `together`: a phrase from `phrases` and one from `with` (and one from `and`, when given)
//! in the same sentence.

use super::{Found, Kind, sentences_with};
use crate::rules::compile::{ListId, PhraseList, SignalCompiler};
use crate::rules::context::Context;
use crate::rules::within::Within;
use crate::text::span::Span;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `together` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TogetherDef {
    /// The first idea. Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "PhraseList")]
    pub phrases: Option<Vec<String>>,
    /// The second idea, in the same sentence. Required.
    // Required: the compile step says so at the signal, the schema says so too. Serde
    // still reads a missing `Option` as `None`, so the loader can report it in place.
    #[schemars(required)]
    #[schemars(with = "PhraseList")]
    pub with: Option<Vec<String>>,
    /// A third idea the sentence must also hold. Optional.
    #[serde(default)]
    #[schemars(with = "Option<PhraseList>")]
    pub and: Option<Vec<String>>,
    /// Where the ideas must meet: `sentence` (the default) or `clause`.
    #[serde(default)]
    pub within: Within,
}


/// ## What it does
/// Earns `points` for each sentence, up to `cap`, that holds a phrase of `phrases` and a
/// different phrase of `with`, and of `and` when it is given.
///
/// ## Why
/// Two ideas tied in one sentence are an argument: a user benefit tied to a business
/// result, a gain weighed against its cost. The same words in both lists do not tie.
/// Some claims need three: a rule in plain words is a frame (if, whether, must not), an
/// outcome and the way it moves ("if cancellations rise, we stop"); any two of them alone
/// are a mention, not a rule.
///
/// ## Keys
/// - `phrases` (required): the first idea.
/// - `with` (required): the second idea.
/// - `and` (optional): a third idea the sentence must also hold.
/// - `within` (optional): `clause` when the ideas must meet in one clause (cut at a comma,
///   a dash or a connective such as "and", "but", "because"), for a tie of a subject to
///   its verb; `sentence` by default.
///
/// ## Example
/// ```toml
/// kind = "together"
/// phrases = ["if", "whether", "unless"]
/// with = ["@retention", "@engagement"]
/// and = ["@direction"]
/// ```
#[derive(Clone, Debug)]
pub struct Together {
    first: ListId,
    second: ListId,
    third: Option<ListId>,
    within: Within,
}

impl Together {
    /// `evaluate` for `within = "clause"`: per sentence, the first hit of `phrases` that
    /// shares its clause with a different hit of `with` (and of `and`), with those hits.
    fn in_clauses(&self, context: &Context) -> Found {
        let place = |sentence: usize, span: Span| self.within.place(context.analysis, sentence, span);
        let partner = |list: ListId, sentence: usize, first: Span, taken: &[Span]| {
            let at = place(sentence, first)?;
            context
                .hits_in(list, sentence)
                .find(|&span| !taken.contains(&span) && place(sentence, span) == Some(at))
        };
        let sentences = sentences_with(self.first, context)
            .into_iter()
            .filter_map(|(sentence, spans)| {
                spans.iter().find_map(|&first| {
                    let mut tie = vec![first];
                    tie.push(partner(self.second, sentence, first, &tie)?);
                    if let Some(third) = self.third {
                        tie.push(partner(third, sentence, first, &tie)?);
                    }
                    Some((sentence, tie))
                })
            })
            .collect();
        Found {
            sentences,
            ..Found::default()
        }
    }
}

impl Kind for Together {
    const NAME: &'static str = "together";
    const SUMMARY: &'static str = "A phrase of each list in one sentence.";
    type Def = TogetherDef;

    fn compile(def: TogetherDef, cx: &mut SignalCompiler) -> Option<Self> {
        let first = cx.phrases(def.phrases.as_ref(), "phrases")?;
        let second = cx.phrases(def.with.as_ref(), "with")?;
        let third = match def.and {
            Some(list) => Some(cx.phrases(Some(&list), "and")?),
            None => None,
        };
        Some(Together {
            first,
            second,
            third,
            within: def.within,
        })
    }

    fn evaluate(&self, context: &Context) -> Found {
        if self.within == Within::Clause {
            return self.in_clauses(context);
        }
        let sentences = sentences_with(self.first, context)
            .into_iter()
            .filter_map(|(sentence, mut spans)| {
                let other = context.hit_in(self.second, sentence)?;
                // The same words can be in both lists; the tie needs two distinct phrases.
                // Every other phrase of the first idea stays: evidence is chosen by them.
                spans.retain(|&span| span != other);
                if spans.is_empty() {
                    return None;
                }
                spans.push(other);
                if let Some(third) = self.third {
                    let more = context.hit_in(third, sentence)?;
                    if spans.contains(&more) {
                        return None;
                    }
                    spans.push(more);
                }
                Some((sentence, spans))
            })
            .collect();
        Found {
            sentences,
            ..Found::default()
        }
    }

    fn describe(&self, lists: &[Vec<String>]) -> String {
        let mut text = format!(
            "one of: {}\n      with one of: {}",
            lists[self.first as usize].join(", "),
            lists[self.second as usize].join(", ")
        );
        if let Some(third) = self.third {
            text.push_str("\n      and one of: ");
            text.push_str(&lists[third as usize].join(", "));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    const SIGNAL: &str = "kind = \"together\"\nphrases = [\"members\"]\nwith = [\"retention\"]";

    #[test]
    fn hits_and_misses() {
        assert_signal(SIGNAL, "Members who finish a series show better retention later.", 1);
        assert_signal(SIGNAL, "Members love it. Retention is a separate question here.", 0);
    }

    #[test]
    fn a_third_list_must_hold_too() {
        let signal = "kind = \"together\"\nphrases = [\"if\"]\nwith = [\"cancellations\"]\nand = [\"rise\", \"fall\"]";
        assert_signal(signal, "If cancellations rise, we stop the test.", 1);
        assert_signal(signal, "If cancellations are the goal, say so.", 0);
        assert_signal(signal, "Cancellations rise every January.", 0);
    }

    #[test]
    fn within_a_clause_ties_a_subject_to_its_verb() {
        let signal = "kind = \"together\"\nphrases = [\"i\"]\nwith = [\"decided\"]\nwithin = \"clause\"";
        assert_signal(signal, "I decided to ship it before the test ended.", 1);
        assert_signal(signal, "I think it was slow, and leadership decided to cut it.", 0);
        let sentence = "kind = \"together\"\nphrases = [\"i\"]\nwith = [\"decided\"]";
        assert_signal(sentence, "I think it was slow, and leadership decided to cut it.", 1);
    }

    #[test]
    fn both_lists_are_needed() {
        assert_problems(
            "kind = \"together\"\nphrases = [\"members\"]",
            &["13:10: `c.s`: this signal kind needs `with`"],
        );
    }
}
