//! Which sentences a signal quotes when more show it than its `cap` pays for: the ones
//! that show it best, not the first ones. Points do not change, only the quotes do.

use crate::rules::context::Context;
use crate::rules::signals::Found;
use crate::text::span::Span;
use crate::text::stem::{is_word_char, stem_word};

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
        asserted: context
            .hits
            .iter()
            .filter(|h| h.sentence == sentence && spans.contains(&h.span))
            .all(|h| h.stance == crate::analysis::Stance::Asserted || h.tolerated),
    }
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
    let mut phrases: Vec<String> = merged
        .iter()
        .map(|s| {
            let words = text.get(s.start..s.end).unwrap_or("").to_lowercase();
            words
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(|w| stem_word(w).into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    phrases.sort_unstable();
    phrases.dedup();
    phrases.len()
}

#[cfg(test)]
mod tests {
    use super::distinct;
    use crate::text::span::Span;

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
