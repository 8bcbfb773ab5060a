//! Flags: what a heuristic cannot judge. Each flag names a reason the score may not mean
//! what it says — stuffed with keywords, repetitive, off-topic, padded, too short — quotes
//! the evidence that raised it, and turns the verdict into "Needs review" whatever the points.

mod keyword_stuffed;
mod off_topic;
mod padded;
mod repetitive;
mod too_short;

use super::Evidence;
use super::context::{Context, Discount, MIN_WORDS};
use crate::analysis::Analysis;
use crate::document::Document;
use crate::rubric::CompiledRubric;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The verdict of a flagged answer: a person should read it before trusting the score.
pub const NEEDS_REVIEW: &str = "Needs review";
/// How many sentences a flag quotes.
const EVIDENCE_SHOWN: usize = 3;

/// One reason the score may not mean what it says.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Flag {
    pub id: &'static str,
    pub message: String,
    pub evidence: Vec<Evidence>,
}

/// What the flags read: the scored answer, and facts about it gathered in one pass over its
/// sentences.
pub(crate) struct Input<'a> {
    pub document: &'a Document,
    pub analysis: &'a Analysis,
    pub context: &'a Context<'a>,
    pub rubric: &'a CompiledRubric,
    /// Per sentence: it earned at least one signal's points.
    pub earned: &'a [bool],
    /// Per sentence: it uses the rubric's domain vocabulary.
    pub on_topic: Vec<bool>,
    /// Per sentence: it holds one of the rubric's scored phrases (pronouns aside), counted
    /// or not.
    pub has_phrase: Vec<bool>,
    /// Sentences that could carry an argument: not headings, not fragments, not repeats.
    pub content: Vec<usize>,
}

impl<'a> Input<'a> {
    pub fn new(
        document: &'a Document,
        analysis: &'a Analysis,
        context: &'a Context<'a>,
        rubric: &'a CompiledRubric,
        earned: &'a [bool],
    ) -> Self {
        let has_phrase = has_phrase(analysis, context, rubric);
        let on_topic = match &rubric.topic {
            Some(topic) => {
                let mut on_topic = vec![false; analysis.sentences.len()];
                for hit in topic.find(&analysis.folded) {
                    if let Some(sentence) = analysis.sentence_at(hit.span.start) {
                        on_topic[sentence] = true;
                    }
                }
                on_topic
            }
            None => has_phrase.clone(),
        };
        let content = (0..analysis.sentences.len())
            .filter(|&i| {
                let sentence = &analysis.sentences[i];
                !sentence.is_heading()
                    && sentence.word_count() >= MIN_WORDS
                    && context.discount[i] != Some(Discount::Repeated)
            })
            .collect();
        Input {
            document,
            analysis,
            context,
            rubric,
            earned,
            on_topic,
            has_phrase,
            content,
        }
    }

    /// Words in the sentences that can carry an argument.
    fn content_words(&self) -> usize {
        self.content
            .iter()
            .map(|&s| self.analysis.sentences[s].word_count())
            .sum()
    }

    fn quote(&self, sentences: impl IntoIterator<Item = usize>) -> Vec<Evidence> {
        sentences
            .into_iter()
            .take(EVIDENCE_SHOWN)
            .map(|s| super::quote(self.document, self.analysis, s, &[]))
            .collect()
    }
}

/// Per sentence: it holds a hit of one of the rubric's lists other than pronoun lists, or
/// a rubric phrase negated or rejected.
fn has_phrase(analysis: &Analysis, context: &Context, rubric: &CompiledRubric) -> Vec<bool> {
    let mut has_phrase = vec![false; analysis.sentences.len()];
    let pronoun_lists = pronoun_lists(rubric);
    for (list, hits) in context.by_list.iter().enumerate() {
        if !pronoun_lists.contains(&(list as u32)) {
            for &(sentence, _) in hits {
                has_phrase[sentence] = true;
            }
        }
    }
    for hit in context.hits.iter().filter(|h| !h.stance.is_content()) {
        has_phrase[hit.sentence] = true;
    }
    has_phrase
}

/// Lists compared in a ratio ("I" against "we"): who speaks, not what the answer is about.
fn pronoun_lists(rubric: &CompiledRubric) -> Vec<crate::rubric::ListId> {
    use crate::rubric::{Condition, SignalKind};
    let signals = rubric.criteria.iter().flat_map(|c| &c.signals);
    let from_signals = signals.filter_map(|s| match s.kind {
        SignalKind::Ratio { of, to, .. } => Some([of, to]),
        _ => None,
    });
    let from_mistakes = rubric
        .mistakes
        .iter()
        .flat_map(|m| &m.when)
        .filter_map(|c| match c {
            Condition::Ratio { of, to, .. } => Some([*of, *to]),
            _ => None,
        });
    from_signals.chain(from_mistakes).flatten().collect()
}

/// Every flag that fires, in a fixed order.
pub(crate) fn detect(input: &Input) -> Vec<Flag> {
    [
        off_topic::check,
        keyword_stuffed::check,
        repetitive::check,
        padded::check,
        too_short::check,
    ]
    .iter()
    .filter_map(|check| check(input))
    .collect()
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
pub(crate) struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Moving-average type-token ratio over windows of `window` words: the share of distinct
/// words, which unlike a plain type-token ratio does not fall just because a text is long.
pub(crate) fn word_variety(text: &str, analysis: &Analysis, window: usize) -> Option<f64> {
    // The keys are already hashes: hashing them again would cost more than the count.
    type Counts = HashMap<u64, u32, BuildHasherDefault<Identity>>;
    let ids: Vec<u64> = analysis
        .words
        .iter()
        .map(|w| {
            // FNV-1a over the lower-cased characters: a word's identity without allocating.
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for c in w.text(text).chars().flat_map(char::to_lowercase) {
                hash ^= u64::from(c);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            hash
        })
        .collect();
    if ids.len() < window {
        return None;
    }
    let mut counts = Counts::default();
    for id in &ids[..window] {
        *counts.entry(*id).or_default() += 1;
    }
    let mut distinct_sum = counts.len();
    for i in window..ids.len() {
        let out = ids[i - window];
        if let Some(n) = counts.get_mut(&out) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&out);
            }
        }
        *counts.entry(ids[i]).or_default() += 1;
        distinct_sum += counts.len();
    }
    let windows = ids.len() - window + 1;
    Some(distinct_sum as f64 / (windows * window) as f64)
}

#[cfg(test)]
mod tests {
    use crate::rubric::builtin::load_builtin;

    const STRONG_PITCH: &str =
        include_str!("../../../fixtures/product-pitch/strong-commute-packs.md");

    fn flags(text: &str, rubric: &str) -> Vec<&'static str> {
        let rubric = load_builtin(rubric).unwrap();
        crate::grade_text(text, &rubric)
            .flags
            .iter()
            .map(|f| f.id)
            .collect()
    }

    #[test]
    fn strong_answer_raises_no_flag() {
        assert_eq!(flags(STRONG_PITCH, "product-pitch"), Vec::<&str>::new());
    }

    #[test]
    fn too_short() {
        assert_eq!(
            flags(
                "We'd build a watch party. Members love it.",
                "product-pitch"
            ),
            ["too-short"]
        );
    }

    #[test]
    fn off_topic_by_question() {
        let answer = format!(
            "---\nquestion: How would you negotiate the salary in your offer?\n---\n{}",
            STRONG_PITCH
        );
        assert_eq!(flags(&answer, "product-pitch"), ["off-topic"]);
        let own = format!("---\nquestion: Pitch a new feature for Netflix.\n---\n{STRONG_PITCH}");
        assert_eq!(flags(&own, "product-pitch"), Vec::<&str>::new());
    }

    #[test]
    fn keyword_stuffed() {
        let salad = "User pain point segment retention revenue churn. \
            Competitors differentiation moat ecosystem flywheel. \
            North star metric guardrail engagement A/B test pilot. \
            Netflix members originals catalogue strategy discovery.";
        assert!(flags(salad, "product-pitch").contains(&"keyword-stuffed"));
    }

    #[test]
    fn repetitive() {
        let sentence =
            "Members who travel lose their downloads, so we would refresh them overnight. ";
        let text = format!("{}The train was late again.", sentence.repeat(6));
        assert!(flags(&text, "product-pitch").contains(&"repetitive"));
    }
}
