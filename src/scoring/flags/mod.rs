//! Flags: what a heuristic cannot judge. Each flag names a reason the score may not mean
//! what it says — stuffed with keywords, repetitive, off-topic, padded, too short — quotes
//! the evidence that raised it, and turns the verdict into "Needs review" whatever the points.

use super::Evidence;
use crate::analysis::Analysis;
use crate::document::Document;
use crate::rubric::CompiledRubric;
use crate::rules::context::{Context, Discount, MIN_WORDS};
use serde::Serialize;

/// The verdict of a flagged answer: a person should read it before trusting the score.
pub const NEEDS_REVIEW: &str = "Needs review";
/// How many sentences a flag quotes.
const EVIDENCE_SHOWN: usize = 3;

/// One reason the score may not mean what it says.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Flag {
    /// The flag's id: the `ID` of its file in src/scoring/flags/.
    pub id: &'static str,
    /// What raised it.
    pub message: String,
    /// Sentences that show it.
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
    /// Each criterion's grade, in rubric order.
    pub criteria: &'a [super::CriterionGrade],
}

impl<'a> Input<'a> {
    pub fn new(
        document: &'a Document,
        analysis: &'a Analysis,
        context: &'a Context<'a>,
        rubric: &'a CompiledRubric,
        earned: &'a [bool],
        criteria: &'a [super::CriterionGrade],
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
            criteria,
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
pub(super) fn pronoun_lists(rubric: &CompiledRubric) -> Vec<crate::rubric::ListId> {
    let signals = rubric.criteria.iter().flat_map(|c| &c.signals);
    let from_signals = signals.filter_map(|s| s.kind.compared());
    let from_mistakes = rubric
        .mistakes
        .iter()
        .flat_map(|m| &m.when)
        .filter_map(|c| c.compared());
    from_signals.chain(from_mistakes).flatten().collect()
}

/// Declares each flag's module and lists its check, in the order reports show them:
/// adding a flag is its file and one line in the `flags!` list below.
macro_rules! flags {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every flag's check, in report order.
        const CHECKS: &[fn(&Input) -> Option<Flag>] = &[$($module::check),*];

        /// Every flag's id, in report order.
        #[cfg(test)]
        const IDS: &[&str] = &[$($module::ID),*];
    };
}

flags! {
    off_topic,
    keyword_stuffed,
    repetitive,
    padded,
    too_short,
    negated,
    another_subject,
    one_sided,
}

/// Every flag that fires, in a fixed order.
pub(crate) fn detect(input: &Input) -> Vec<Flag> {
    CHECKS.iter().filter_map(|check| check(input)).collect()
}

/// The helpers every flag's tests use.
#[cfg(test)]
pub(crate) mod test {
    use crate::rubric::builtin::load_builtin;

    /// A strong answer that raises no flag.
    pub const STRONG_PITCH: &str =
        include_str!("../../../fixtures/product-pitch/strong-commute-packs.md");

    /// The ids of the flags a text raises under a built-in rubric.
    pub fn flags(text: &str, rubric: &str) -> Vec<&'static str> {
        let rubric = load_builtin(rubric).unwrap();
        crate::grade_text(text, &rubric)
            .flags
            .iter()
            .map(|f| f.id)
            .collect()
    }

    #[test]
    fn every_flag_has_a_unique_id_and_a_row_in_the_readme() {
        let readme = include_str!("../../../README.md");
        let mut seen = std::collections::BTreeSet::new();
        for id in super::IDS {
            assert!(seen.insert(id), "two flags share the id {id}");
            assert!(
                readme.contains(&format!("| `{id}` |")),
                "README's flag table has no row for {id}"
            );
        }
    }

    #[test]
    fn strong_answer_raises_no_flag() {
        assert_eq!(flags(STRONG_PITCH, "product-pitch"), Vec::<&str>::new());
    }
}
