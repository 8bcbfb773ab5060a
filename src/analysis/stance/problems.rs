//! Problem-then-fix: a sentence that describes the status quo as it was or as found ("the
//! pause option was buried", "the old flow made people call") is the problem the answer
//! found when a later sentence, or a later clause of the same one, has the candidate
//! change it ("I moved it to one tap"). Without such a fix it stays asserted.

use super::{Input, Region, clause_at, sentence_at};
use crate::analysis::lexicon::{CHANGE_VERBS, FIRST_PERSON, PAST_AUXILIARIES, STATUS_QUO};
use crate::text::phrase::PhraseHit;
use crate::text::span::Span;

/// Words allowed between the subject and its change verb ("we then quickly removed").
const GAP_WORDS: usize = 4;

/// Every problem region, in text order, each with the sentence that fixes it as its cue.
pub(crate) fn find(input: &Input) -> Vec<Region> {
    // Per sentence, the first status-quo cue and the first change (where its clause starts).
    let mut markers: Vec<(usize, usize)> = Vec::new();
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    let mut subject: Option<&PhraseHit> = None;
    for hit in input.cues {
        let Some(sentence) = sentence_at(input.sentences, hit.span.start) else {
            continue;
        };
        let list = hit.list as usize;
        if list == FIRST_PERSON {
            subject = Some(hit);
        } else if list == CHANGE_VERBS {
            if let Some(first) = subject.filter(|s| is_change(s.span, hit.span, input))
                && fixes.last().is_none_or(|f| f.0 != sentence)
            {
                let clause = clause_at(input.clauses, first.span.start);
                fixes.push((sentence, clause.map_or(first.span.start, |c| c.start)));
            }
        } else if is_status_quo(hit, input) && markers.last().is_none_or(|m| m.0 != sentence) {
            markers.push((sentence, hit.span.start));
        }
    }
    let span = |i: usize| input.sentences[i].span;
    let mut problems = Vec::new();
    for (sentence, marker) in markers {
        let i = fixes.partition_point(|f| f.0 < sentence);
        match fixes.get(i) {
            // Fixed in the same sentence: the clauses before the fix are the problem.
            Some(&(s, clause)) if s == sentence => {
                let region = Span::new(span(s).start, clause);
                if marker < clause {
                    problems.push(Region {
                        span: region,
                        cue: span(s),
                    });
                }
            }
            Some(&(fix, _)) => problems.push(Region {
                span: span(sentence),
                cue: span(fix),
            }),
            None => {}
        }
    }
    problems
}

/// True for a status-quo cue: a marker ("used to", "the old"), or an auxiliary before a
/// participle that is not a reported instruction ("was buried", not "was asked to").
fn is_status_quo(hit: &PhraseHit, input: &Input) -> bool {
    match hit.list as usize {
        STATUS_QUO => true,
        PAST_AUXILIARIES => {
            let words = input.words;
            let i = words.partition_point(|w| w.start < hit.span.end);
            let Some(next) = words.get(i) else {
                return false;
            };
            let next = next.text(input.text).as_bytes();
            let ending = &next[next.len().saturating_sub(2)..];
            let participle = [b"ed", b"en", b"wn"]
                .iter()
                .any(|e| ending.eq_ignore_ascii_case(*e));
            let instruction = words
                .get(i + 1)
                .is_some_and(|w| w.text(input.text).eq_ignore_ascii_case("to"));
            participle && !instruction
        }
        _ => false,
    }
}

/// True when a change verb follows a first-person subject closely in the same clause: the
/// candidate changing something ("I proposed moving", "we removed").
fn is_change(subject: Span, verb: Span, input: &Input) -> bool {
    let same_clause =
        clause_at(input.clauses, subject.start) == clause_at(input.clauses, verb.start);
    let words = input.words;
    let from = words.partition_point(|w| w.start < subject.start);
    let to = words.partition_point(|w| w.start < verb.start);
    same_clause && to > from && to - from <= GAP_WORDS
}
