//! `--rubric auto` on an answer that states no question: the built-in rubric whose
//! criteria and vocabulary fit the body best, by a clear margin, or none.

use super::score;
use crate::analysis::{Analysis, lexicon};
use crate::document::Document;
use crate::error::RubricError;
use crate::rubric::auto::Selection;
use crate::rubric::{CompiledRubric, builtin};
use std::collections::BTreeMap;

/// How much each measure of fit counts. Each is first shared out among the rubrics (the
/// seven values sum to 1), so the fit of a rubric is its weighted share. The criteria's
/// points say whether the answer argues what the rubric asks, but a weak answer earns
/// little under its own rubric, so they count least; the three vocabularies say what it is
/// about, a word counting `1/k` for each of the `k` rubrics that list it, and the words
/// every rubric's `topic` holds ("members", "Netflix") not at all among the ideas. The
/// scored phrase lists count most: they are the rubric's ideas. Chosen on the shipped
/// fixtures (tests/auto.rs) and checked on the outside dev-set with its questions left out
/// (README, "Auto without a question").
const WEIGHTS: Weights = Weights {
    points: 1.0,
    topic: 3.0,
    question: 2.0,
    ideas: 8.0,
};
/// The best rubric's share must lead the next one's by this much: below it, the body
/// could be either, and a wrong guess would grade it against the wrong question.
const MARGIN: f64 = 0.02;
/// The rubric picked must see at least this share of the sentences on its topic, as the
/// off-topic flag requires: never pick a rubric under which the answer would be off-topic.
const MIN_TOPIC_SHARE: f64 = 0.3;
/// The picked rubric's own words in the body (each counting `1/k` as in the measures, over
/// the three vocabularies) must reach this: a body of a few general words ("goals",
/// "results", "the team") says too little to tell which question it answers, however
/// its shares fall. Every on-topic fixture has at least 7.
const MIN_OWN_WORDS: f64 = 6.0;
/// How many of the body's distinctive words the report shows.
const WORDS_SHOWN: usize = 5;

struct Weights {
    points: f64,
    topic: f64,
    question: f64,
    ideas: f64,
}

/// What one rubric's vocabularies find in the body: the start of each word hit, per
/// vocabulary (topic, question, ideas), and the share of sentences on its topic.
struct Found {
    starts: [Vec<usize>; 3],
    topic_share: f64,
}

fn found(text: &str, analysis: &Analysis, rubric: &CompiledRubric) -> Found {
    let starts = |hits: Vec<crate::text::phrase::PhraseHit>| {
        let mut starts: Vec<usize> = hits.into_iter().map(|h| h.span.start).collect();
        starts.sort_unstable();
        starts.dedup();
        starts
    };
    let topic = rubric
        .topic
        .as_ref()
        .map(|t| t.find(&analysis.folded))
        .unwrap_or_default();
    let mut on_topic = vec![false; analysis.sentences.len()];
    for hit in &topic {
        if let Some(sentence) = analysis.sentence_at(hit.span.start) {
            on_topic[sentence] = true;
        }
    }
    let pronouns = super::flags::pronoun_lists(rubric);
    let mut ideas = rubric.matcher.find(&analysis.folded);
    // A lone function word ("I", "me", "we") says how the answer speaks, not what about.
    ideas.retain(|h| {
        !pronouns.contains(&h.list) && !text.get(h.span.start..h.span.end).is_some_and(is_glue)
    });
    // The same word twice in one sentence is one idea ("X drives Y, and Y drives Z").
    let mut said: std::collections::BTreeSet<(Option<usize>, String)> = Default::default();
    ideas.retain(|h| {
        let word = text.get(h.span.start..h.span.end).unwrap_or_default();
        said.insert((analysis.sentence_at(h.span.start), word.to_lowercase()))
    });
    Found {
        starts: [
            starts(topic),
            starts(rubric.match_matcher().find(&analysis.folded)),
            starts(ideas),
        ],
        topic_share: on_topic.iter().filter(|&&on| on).count() as f64
            / analysis.sentences.len().max(1) as f64,
    }
}

/// Drops from the ideas the words every rubric's `topic` holds ("members", "retention",
/// "Netflix"): the domain's common words cannot tell one question from another, and a
/// rubric whose lists happen to repeat more of them would otherwise win on them.
fn drop_shared_words(found: &mut [Found]) {
    let Some((first, rest)) = found.split_first() else {
        return;
    };
    let shared: Vec<usize> = first.starts[0]
        .iter()
        .copied()
        .filter(|s| rest.iter().all(|f| f.starts[0].binary_search(s).is_ok()))
        .collect();
    for f in found.iter_mut() {
        f.starts[2].retain(|s| shared.binary_search(s).is_err());
    }
}

/// Whether a matched phrase is one function word (see [`lexicon::classify`]).
fn is_glue(phrase: &str) -> bool {
    let class = lexicon::classify(phrase);
    !phrase.contains(' ') && (class.function || class.first_person)
}

/// Each value's share of their sum (all 0 when the sum is).
fn shares(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let values: Vec<f64> = values.collect();
    let sum: f64 = values.iter().sum();
    values
        .iter()
        .map(|v| if sum > 0.0 { v / sum } else { 0.0 })
        .collect()
}

/// Picks the one of `rubrics` (the built-in rubrics, compiled by the caller, which keeps
/// them for grading) that fits the body of an answer with no question; an error names the
/// two closest when none leads clearly.
pub fn from_body(
    document: &Document,
    analysis: &Analysis,
    rubrics: &[&CompiledRubric],
) -> Result<Selection, RubricError> {
    let mut found: Vec<Found> = rubrics
        .iter()
        .map(|r| found(document.graded_text(), analysis, r))
        .collect();
    drop_shared_words(&mut found);
    // How many rubrics' vocabulary holds each word, per vocabulary.
    let mut holders: [BTreeMap<usize, usize>; 3] = Default::default();
    for f in &found {
        for (vocabulary, starts) in f.starts.iter().enumerate() {
            for &start in starts {
                *holders[vocabulary].entry(start).or_default() += 1;
            }
        }
    }
    let distinctive = |f: &Found, vocabulary: usize| -> f64 {
        let holders = &holders[vocabulary];
        f.starts[vocabulary]
            .iter()
            .map(|s| 1.0 / holders[s] as f64)
            .sum()
    };
    let points = shares(rubrics.iter().map(|r| score(document, analysis, r).points));
    let topic = shares(found.iter().map(|f| distinctive(f, 0)));
    let question = shares(found.iter().map(|f| distinctive(f, 1)));
    let ideas = shares(found.iter().map(|f| distinctive(f, 2)));
    let w = &WEIGHTS;
    let total = w.points + w.topic + w.question + w.ideas;
    let mut fits: Vec<(f64, usize)> = (0..rubrics.len())
        .map(|i| {
            let fit = w.points * points[i]
                + w.topic * topic[i]
                + w.question * question[i]
                + w.ideas * ideas[i];
            (fit / total, i)
        })
        .collect();
    // Best first; ties in built-in order, so the result never depends on float noise.
    fits.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let ((best_fit, best), (next_fit, next)) = (fits[0], fits[1]);
    let own_words_found: f64 = (0..3).map(|v| distinctive(&found[best], v)).sum();
    if best_fit - next_fit < MARGIN
        || found[best].topic_share < MIN_TOPIC_SHARE
        || own_words_found < MIN_OWN_WORDS
    {
        return Err(RubricError::NoClearFit {
            closest: Box::new([rubrics[best].id.clone(), rubrics[next].id.clone()]),
            available: builtin::ids().map(str::to_owned).collect(),
        });
    }
    Ok(Selection {
        rubric: rubrics[best].id.clone(),
        source: "body",
        words: own_words(document, &found[best], &holders),
        runner_up: Some(rubrics[next].id.clone()),
    })
}

/// The body's words only the picked rubric's vocabulary holds, most frequent first.
fn own_words(
    document: &Document,
    found: &Found,
    holders: &[BTreeMap<usize, usize>; 3],
) -> Vec<String> {
    let text = document.graded_text();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (vocabulary, starts) in found.starts.iter().enumerate() {
        for &start in starts.iter().filter(|s| holders[vocabulary][s] == 1) {
            let word: String = text[start..]
                .chars()
                .skip_while(|c| !c.is_alphanumeric())
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            if !word.is_empty() {
                *counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words
        .into_iter()
        .take(WORDS_SHOWN)
        .map(|(w, _)| w)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, parse};

    fn route(text: &str) -> Result<Selection, RubricError> {
        let document = parse(text);
        let builtins: Vec<CompiledRubric> = builtin::ids()
            .map(|id| builtin::load_builtin(id).unwrap())
            .collect();
        let builtins: Vec<&CompiledRubric> = builtins.iter().collect();
        from_body(&document, &analyze(&document), &builtins)
    }

    #[test]
    fn a_pitch_without_its_question_routes_to_product_pitch() {
        let pitch = include_str!("../../fixtures/product-pitch/strong-commute-packs.md");
        let selection = route(pitch).unwrap();
        assert_eq!(selection.rubric, "product-pitch");
        assert_eq!(selection.source, "body");
        assert!(!selection.words.is_empty());
        assert!(selection.runner_up.is_some());
    }

    #[test]
    fn a_body_about_nothing_of_ours_is_refused_with_the_two_closest() {
        let text = "The harbour was calm that morning. Gulls circled over the boats. \
                    By noon the ferry had left. Nobody on the quay minded the wind.";
        match route(text) {
            Err(RubricError::NoClearFit { closest, .. }) => assert_ne!(closest[0], closest[1]),
            other => panic!("{other:?}"),
        }
    }
}
