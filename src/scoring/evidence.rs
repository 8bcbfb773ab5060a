//! Which sentences a signal quotes when more show it than its `cap` pays for: the ones
//! that show it best, not the first ones. Points do not change, only the quotes do.

use crate::rules::context::{Context, Hit};
use crate::rules::signals::Found;
use crate::text::span::Span;
use crate::text::stem::{is_word_char, with_cached_stem};

/// How strongly one sentence shows a signal, compared in this order: more distinct phrases
/// of the signal's lists ("the guardrail is hours, which must not drop" over "make sure the
/// team agrees"), then a sentence the answer asserts over one describing a problem it then
/// fixes. Ties keep the earlier sentence. A number is no tie-break: it would quote a sizing
/// sentence for the problem it sizes, and the kinds that need a number already ask for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Strength {
    phrases: usize,
    asserted: bool,
}

/// Keeps at most `cap` of the found sentences, the strongest, in document order.
pub(crate) fn keep_best(found: &mut Found, cap: usize, context: &Context) {
    if found.sentences.len() <= cap {
        return;
    }
    let mut ranked: Vec<(Strength, usize)> = found
        .sentences
        .iter()
        .enumerate()
        .map(|(i, (sentence, spans))| (strength(*sentence, spans, context), i))
        .collect();
    // Strongest first; among equals the earlier sentence (a stable sort keeps the order).
    ranked.sort_by_key(|&(strength, _)| std::cmp::Reverse(strength));
    let mut keep: Vec<usize> = ranked.iter().take(cap).map(|&(_, i)| i).collect();
    keep.sort_unstable();
    let mut index = 0;
    found.sentences.retain(|_| {
        let kept = keep.binary_search(&index).is_ok();
        index += 1;
        kept
    });
}

fn strength(sentence: usize, spans: &[Span], context: &Context) -> Strength {
    Strength {
        phrases: distinct(spans, context.text),
        asserted: sentence_hits(context, sentence)
            .iter()
            .filter(|h| spans.contains(&h.span))
            .all(|h| h.stance == crate::analysis::Stance::Asserted || h.tolerated),
    }
}

/// The hits in one sentence: the context's hits are in document order, so sorted by
/// sentence, and one sentence's are found by bisection rather than a scan of them all.
fn sentence_hits<'c>(context: &'c Context, sentence: usize) -> &'c [Hit] {
    let hits = &context.hits[..];
    let from = hits.partition_point(|h| h.sentence < sentence);
    let to = from + hits[from..].partition_point(|h| h.sentence == sentence);
    &hits[from..to]
}

/// How many different phrases the spans hold: overlapping spans are one ("must not" inside
/// "must not get worse"), and the same words again are one too, so a sentence that says
/// "households" twice, or "household" and "households", is no stronger than one that says
/// it once.
fn distinct(spans: &[Span], text: &str) -> usize {
    let mut sorted: Vec<Span> = spans.to_vec();
    sorted.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut merged: Vec<Span> = Vec::with_capacity(sorted.len());
    for span in sorted {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    // Keyed by stems, so "household" and "households" are one phrase.
    // Each key is its words' stems joined by spaces, built in one string; the stems come
    // from the thread's cache, since ranking stems the same few phrases again and again.
    let mut phrases: Vec<String> = merged
        .iter()
        .map(|s| {
            let words = text.get(s.start..s.end).unwrap_or("").to_lowercase();
            let mut key = String::with_capacity(words.len());
            let words = words.split(|c: char| !is_word_char(c));
            for (i, word) in words.filter(|w| !w.is_empty()).enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                with_cached_stem(word, |stem| key.push_str(stem));
            }
            key
        })
        .collect();
    phrases.sort_unstable();
    phrases.dedup();
    phrases.len()
}

#[cfg(test)]
mod tests {
    use super::{distinct, sentence_hits};
    use crate::rubric::CompiledRubric;
    use crate::rules::context::{Context, Hit};
    use crate::text::span::Span;
    use std::sync::LazyLock;

    static RUBRIC: LazyLock<CompiledRubric> =
        LazyLock::new(|| crate::rubric::builtin::load_builtin("product-pitch").unwrap());

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn a_sentences_hits_by_bisection_are_those_a_scan_finds(
            text in "((members|retention|churn|price|we would|i would not|avoid|the team|\\.|,|\n|\n- |\n# |\n\n) ){0,60}"
        ) {
            let document = crate::parse(&text);
            let analysis = crate::analyze(&document);
            let rubric = &*RUBRIC;
            let text = document.graded_text();
            let context = Context::new(&analysis, text, &rubric.matcher, &rubric.readings);
            for sentence in 0..analysis.sentences.len() + 1 {
                let scanned: Vec<Hit> =
                    context.hits.iter().filter(|h| h.sentence == sentence).copied().collect();
                proptest::prop_assert_eq!(sentence_hits(&context, sentence), &scanned[..]);
            }
        }
    }

    #[test]
    fn nested_overlapping_and_repeated_phrases_count_once() {
        let s = Span::new;
        let text = "must not get worse, Members and members, then retention";
        // "must not" inside "must not get worse".
        assert_eq!(distinct(&[s(0, 8), s(0, 18)], text), 1);
        // "Members" and "members": the same word twice.
        assert_eq!(distinct(&[s(20, 27), s(32, 39)], text), 1);
        // One word and its plural.
        assert_eq!(distinct(&[s(0, 9), s(10, 20)], "household households"), 1);
        assert_eq!(distinct(&[s(46, 55), s(20, 27), s(0, 8)], text), 3);
        assert_eq!(distinct(&[], text), 0);
    }
}
