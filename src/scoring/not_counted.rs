//! "Not counted": the sentences that use the rubric's words yet earned nothing anywhere in
//! the report, each with why — repeated, keyword-packed, or a phrase whose stance sets it
//! aside and what gave it that stance: negated or rejected (counted nowhere), or a
//! contrasted alternative or the problem the answer fixes (not held as a mistake; listed
//! only when a mistake reads its list, since signals still count it).

use super::{Cue, Discounted, quote};
use crate::analysis::{Analysis, Stance};
use crate::document::Document;
use crate::rubric::CompiledRubric;
use crate::rules::context::{Context, Discount};
use crate::text::span::Span;

/// How many discounted sentences a report lists.
const SHOWN: usize = 5;
/// Longest cue text shown, in bytes; a fixing sentence can be long.
const CUE_CHARS: usize = 80;

/// Up to [`SHOWN`] sentences, in text order, that hold rubric words and earned nothing
/// (`earned_in` is per sentence).
pub(super) fn list(
    document: &Document,
    analysis: &Analysis,
    context: &Context,
    rubric: &CompiledRubric,
    earned_in: &[bool],
) -> Vec<Discounted> {
    let mistake_lists = mistake_lists(rubric);
    let mut with_hits = vec![false; analysis.sentences.len()];
    for hits in &context.by_list {
        for &(s, _) in hits {
            with_hits[s] = true;
        }
    }
    let mut out: Vec<Discounted> = Vec::new();
    for (i, reason) in context.discount.iter().enumerate() {
        let Some(reason) = reason else { continue };
        if !with_hits[i] || analysis.sentences[i].is_heading() || *reason == Discount::Fragment {
            continue;
        }
        out.push(Discounted {
            reason: match reason {
                Discount::Repeated => "repeats an earlier sentence",
                Discount::KeywordPacked => "rubric keywords with little argument around them",
                Discount::Fragment => "too short to carry an argument",
            }
            .to_owned(),
            evidence: quote(document, analysis, i, &[]),
            stance: None,
            cue: None,
        });
    }
    let set_aside = context.hits.iter().filter(|h| match h.stance {
        Stance::Asserted => false,
        Stance::Negated => !h.tolerated,
        Stance::Rejected { .. } => true,
        Stance::Contrasted { .. } | Stance::Felt { .. } | Stance::Problem { .. } => {
            mistake_lists[h.list as usize]
        }
    });
    let mut last: Option<usize> = None;
    for hit in set_aside {
        // One entry per sentence, and none for a sentence that earned points elsewhere.
        if last == Some(hit.sentence) || !context.counts(hit.sentence) || earned_in[hit.sentence] {
            continue;
        }
        last = Some(hit.sentence);
        // Hits are in text order, so the sentence's hits are one run.
        let from = context.hits.partition_point(|h| h.sentence < hit.sentence);
        let mut matched: Vec<Span> = context.hits[from..]
            .iter()
            .take_while(|h| h.sentence == hit.sentence)
            .filter(|h| h.stance != Stance::Asserted)
            .map(|h| h.span)
            .collect();
        // A phrase in several lists is one set-aside phrase.
        matched.sort_by_key(|s| (s.start, s.end));
        matched.dedup();
        let mut entry = set_aside_by(document, hit.stance);
        entry.evidence = quote(document, analysis, hit.sentence, &matched);
        out.push(entry);
    }
    out.sort_by_key(|d| (d.evidence.line, d.evidence.column));
    out.truncate(SHOWN);
    out
}

/// Per list: a mistake counts its hits (`present`, `at-least`, `ratio`).
fn mistake_lists(rubric: &CompiledRubric) -> Vec<bool> {
    let mut lists = vec![false; rubric.matcher.list_count()];
    for condition in rubric.mistakes.iter().flat_map(|m| &m.when) {
        for list in condition.committed_lists() {
            lists[list as usize] = true;
        }
    }
    lists
}

/// The entry for a phrase set aside by its stance, its evidence still to be filled in.
fn set_aside_by(document: &Document, stance: Stance) -> Discounted {
    let cue = |span: Span| {
        let text = span.text(document.graded_text());
        let mut shown = String::new();
        for word in text.trim_end_matches([':', ' ']).split_whitespace() {
            if shown.len() + word.len() > CUE_CHARS {
                shown.push_str(" …");
                break;
            }
            if !shown.is_empty() {
                shown.push(' ');
            }
            shown.push_str(word);
        }
        let position = document.line_index.line_col(&document.text, span.start);
        Cue {
            line: position.line,
            column: position.column,
            text: shown,
        }
    };
    let (kind, reason, cue) = match stance {
        Stance::Negated => ("negated", "under a negation".to_owned(), None),
        Stance::Rejected { cue: span, scoped } => {
            let cue = cue(span);
            let how = if scoped { "under" } else { "by" };
            let reason = format!(
                "rejected {how} '{}' at {}:{}",
                cue.text, cue.line, cue.column
            );
            ("rejected", reason, Some(cue))
        }
        Stance::Contrasted { cue: span } => {
            let cue = cue(span);
            let reason = format!(
                "the alternative set aside by '{}' at {}:{}",
                cue.text, cue.line, cue.column
            );
            ("contrasted", reason, Some(cue))
        }
        Stance::Felt { cue: span } => {
            let cue = cue(span);
            let reason = format!(
                "how someone takes it, after '{}' at {}:{}",
                cue.text, cue.line, cue.column
            );
            ("felt", reason, Some(cue))
        }
        Stance::Problem { fix } => {
            let cue = cue(fix);
            let reason = format!("the problem fixed at {}:{}", cue.line, cue.column);
            ("problem", reason, Some(cue))
        }
        Stance::Asserted => ("asserted", String::new(), None),
    };
    Discounted {
        reason,
        evidence: super::Evidence {
            line: 0,
            column: 0,
            quote: String::new(),
            matched: Vec::new(),
        },
        stance: Some(kind),
        cue,
    }
}
