//! Analysis: facts about an answer's graded text, computed once per document and shared by
//! every criterion — words, sentences, quantities, fillers, hedges, negations, readability
//! and repeated sentences. Nothing here depends on a rubric.

pub mod delivery;
pub mod fold;
pub mod lexicon;
pub mod metrics;
pub mod phrase;
pub mod quantities;
pub mod readability;
pub mod summary;
pub mod variety;

use crate::document::{BlockKind, Document};
use crate::span::Span;
pub use delivery::Delivery;
use fold::Folded;
pub use quantities::{Quantity, QuantityKind};
pub use readability::Readability;
use std::collections::HashMap;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// How far a negation reaches, in words, when no clause boundary stops it first.
const NEGATION_REACH_WORDS: usize = 5;

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub kind: BlockKind,
    /// Indices into [`Analysis::words`].
    pub words: Range<usize>,
    /// How many of its words are function words ("the", "to", "we").
    pub function_words: usize,
    /// The earlier sentence this one repeats verbatim (case and white space folded).
    pub duplicate_of: Option<usize>,
}

impl Sentence {
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }
}

#[derive(Clone, Debug)]
pub struct Analysis {
    /// The whole text folded for matching.
    pub folded: Folded,
    pub words: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub quantities: Vec<Quantity>,
    pub fillers: Vec<Span>,
    pub hedges: Vec<Span>,
    /// The reach of each negation: from after the negating word to the end of its clause
    /// (so a phrase that starts with the negation, "without hurting", is not negated).
    pub negations: Vec<Span>,
    pub readability: Readability,
    /// Sentences that repeat an earlier one.
    pub repeated_sentences: usize,
    /// Pace, fillers, pauses and talk share, for a transcript.
    pub delivery: Option<Delivery>,
}

impl Analysis {
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The sentence holding a byte offset, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= offset);
        (i > 0 && self.sentences[i - 1].span.contains(offset)).then(|| i - 1)
    }

    /// True when the span starts inside a negation's reach.
    pub fn is_negated(&self, span: Span) -> bool {
        let i = self.negations.partition_point(|n| n.start <= span.start);
        self.negations[..i]
            .iter()
            .rev()
            .take(4)
            .any(|n| n.contains(span.start))
    }
}

/// Computes the analysis of a document's graded text.
pub fn analyze(document: &Document) -> Analysis {
    let text = document.graded_text();
    let spoken = document.transcript.is_some();
    let mut words = Vec::new();
    let mut sentences = Vec::new();
    let mut negations = Vec::new();
    let mut syllables = 0;
    let mut line_joined = String::new();

    for block in &document.blocks {
        let block_text = block.span.text(text);
        // Line breaks inside a paragraph are not sentence breaks; same-length spaces keep
        // offsets valid.
        line_joined.clear();
        for (i, line) in block_text.split(['\n', '\r']).enumerate() {
            if i > 0 {
                line_joined.push(' ');
            }
            line_joined.push_str(line);
        }
        // A heading is one sentence whatever its punctuation.
        let (split, whole) = if matches!(block.kind, BlockKind::Heading { .. }) {
            (None, Some((0, line_joined.as_str())))
        } else {
            (Some(line_joined.split_sentence_bound_indices()), None)
        };
        let pieces = split.into_iter().flatten().chain(whole);
        for (offset, piece) in pieces {
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                continue;
            }
            let start = block.span.start + offset + (piece.len() - piece.trim_start().len());
            let span = Span::new(start, start + trimmed.len());
            let first_word = words.len();
            let mut function_words = 0;
            let mut first_person_seen = false;
            let mut negation: Option<(usize, usize)> = None; // (start offset, words left)
            let mut previous_end = span.start;
            for (word_offset, word) in span.text(text).unicode_word_indices() {
                let word_span = Span::new(
                    span.start + word_offset,
                    span.start + word_offset + word.len(),
                );
                let between = &text[previous_end..word_span.start];
                previous_end = word_span.end;
                let class = lexicon::classify(word);
                let clause_break =
                    between.contains([',', ';', ':', '(', ')', '—', '–']) || class.clause;
                if let Some((neg_start, left)) = negation {
                    if clause_break || left == 0 {
                        negations.push(Span::new(neg_start, word_span.start));
                        negation = None;
                    } else if class.cancels_negation && left == NEGATION_REACH_WORDS {
                        negation = None;
                    } else {
                        negation = Some((neg_start, left - 1));
                    }
                }
                // "I" joins a sentence once; "I I I" strung between keywords does not.
                if class.function || (class.first_person && !first_person_seen) {
                    function_words += 1;
                }
                first_person_seen |= class.first_person;
                if class.negation {
                    // "no X no Y": the first negation still covers X.
                    if let Some((neg_start, _)) = negation {
                        negations.push(Span::new(neg_start, word_span.start));
                    }
                    negation = Some((word_span.end, NEGATION_REACH_WORDS));
                }
                syllables += readability::syllables(word);
                words.push(word_span);
            }
            if let Some((neg_start, _)) = negation {
                negations.push(Span::new(neg_start, span.end));
            }
            sentences.push(Sentence {
                span,
                kind: block.kind,
                words: first_word..words.len(),
                function_words,
                duplicate_of: None,
            });
        }
    }

    let repeated_sentences = mark_duplicates(text, &mut sentences);
    let folded = Folded::new(text);
    let inside = |span: Span| {
        let i = sentences.partition_point(|s| s.span.start <= span.start);
        i > 0 && sentences[i - 1].span.end >= span.end
    };
    let quantities = quantities::find(text)
        .into_iter()
        .filter(|q| inside(q.span))
        .collect();
    let mut fillers = Vec::new();
    let mut hedges = Vec::new();
    for hit in lexicon::matcher().find(&folded) {
        if !inside(hit.span) {
            continue;
        }
        match hit.list as usize {
            lexicon::FILLERS if is_filler_use(text, hit.span, spoken) => fillers.push(hit.span),
            lexicon::HEDGES => hedges.push(hit.span),
            _ => {}
        }
    }
    let readability = Readability::new(
        words.len(),
        sentences.iter().filter(|s| !s.is_heading()).count().max(1),
        syllables,
    );
    let mut analysis = Analysis {
        folded,
        words,
        sentences,
        quantities,
        fillers,
        hedges,
        negations,
        readability,
        repeated_sentences,
        delivery: None,
    };
    analysis.delivery = delivery::measure(document, &analysis);
    analysis
}

/// "like" is a filler only when set off by commas ("it's, like, cheap"); "I'd like to" and
/// "looks like" are words doing their job. Other fillers always count.
///
/// Speech transcripts are often unpunctuated, so there "like" also counts right after a
/// hesitation or a word that starts a clause ("so like we", "um like"), and "kind of" /
/// "sort of" do not count after a determiner ("what kind of content").
fn is_filler_use(text: &str, span: Span, spoken: bool) -> bool {
    let phrase = span.text(text);
    let before = text[..span.start].trim_end();
    if spoken && (phrase.eq_ignore_ascii_case("kind of") || phrase.eq_ignore_ascii_case("sort of"))
    {
        return !matches!(
            previous_word(before).to_ascii_lowercase().as_str(),
            "what"
                | "which"
                | "this"
                | "that"
                | "the"
                | "a"
                | "any"
                | "some"
                | "every"
                | "one"
                | "same"
                | "right"
                | "other"
                | "these"
                | "those"
                | "that's"
                | "what's"
        );
    }
    if !phrase.eq_ignore_ascii_case("like") {
        return true;
    }
    let comma_before = before.ends_with(',');
    let after = text[span.end..].trim_start();
    let comma_after = after.starts_with(',');
    if comma_before || comma_after {
        return true;
    }
    spoken
        && !after.to_ascii_lowercase().starts_with("to ")
        && matches!(
            previous_word(before).to_ascii_lowercase().as_str(),
            "" | "and"
                | "so"
                | "but"
                | "or"
                | "um"
                | "umm"
                | "uh"
                | "uhh"
                | "er"
                | "erm"
                | "like"
                | "was"
                | "were"
                | "basically"
                | "actually"
                | "yeah"
                | "okay"
                | "ok"
                | "then"
                | "because"
                | "cause"
                | "kinda"
                | "sorta"
                | "just"
        )
}

/// The word that ends `before` (letters, digits, apostrophes), or "" at a sentence end.
fn previous_word(before: &str) -> &str {
    if before.ends_with(['.', '!', '?']) {
        return "";
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '\'' || c == '\u{2019}')
        .last()
        .map_or(before.len(), |(i, _)| i);
    &before[start..]
}

/// Marks each sentence that repeats an earlier one (case and white space folded, final
/// punctuation ignored); returns how many do.
fn mark_duplicates(text: &str, sentences: &mut [Sentence]) -> usize {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut repeated = 0;
    for (i, sentence) in sentences.iter_mut().enumerate() {
        let raw = sentence
            .span
            .text(text)
            .trim_end_matches(['.', '!', '?', ';', ':']);
        // One buffer per sentence; lower-casing word by word keeps `to_lowercase`'s
        // final-sigma rule at word ends.
        let mut key = String::with_capacity(raw.len());
        for word in raw.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            if word.is_ascii() {
                key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                key.push_str(&word.to_lowercase());
            }
        }
        match first_seen.get(&key) {
            Some(&first) => {
                sentence.duplicate_of = Some(first);
                repeated += 1;
            }
            None => {
                first_seen.insert(key, i);
            }
        }
    }
    repeated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse;

    fn sentences(text: &str) -> Vec<String> {
        let doc = parse(text);
        analyze(&doc)
            .sentences
            .iter()
            .map(|s| s.span.text(text).to_owned())
            .collect()
    }

    #[test]
    fn sentences_ignore_line_wraps_and_split_on_punctuation() {
        assert_eq!(
            sentences("## Goal\n\nWe cut churn\nby 3%. Then we grew!\n- a list item"),
            vec![
                "Goal",
                "We cut churn\nby 3%.",
                "Then we grew!",
                "a list item"
            ]
        );
    }

    #[test]
    fn negation_reaches_to_the_clause_end() {
        let text = "We would not measure revenue, but retention matters.";
        let analysis = analyze(&parse(text));
        let revenue = text.find("revenue").unwrap();
        let retention = text.find("retention").unwrap();
        assert!(analysis.is_negated(Span::new(revenue, revenue + 7)));
        assert!(!analysis.is_negated(Span::new(retention, retention + 9)));
    }

    #[test]
    fn not_only_is_no_negation() {
        let text = "It is not only cheaper but faster.";
        let analysis = analyze(&parse(text));
        let cheaper = text.find("cheaper").unwrap();
        assert!(!analysis.is_negated(Span::new(cheaper, cheaper + 7)));
    }

    #[test]
    fn repeated_sentences_are_marked() {
        let text = "Members churn. Members   CHURN! Something else.";
        let analysis = analyze(&parse(text));
        assert_eq!(analysis.repeated_sentences, 1);
        assert_eq!(analysis.sentences[1].duplicate_of, Some(0));
    }

    #[test]
    fn fillers_hedges_and_quantities() {
        let text = "Um, it's, like, maybe 20% cheaper. I'd like to test it in 2 weeks.";
        let analysis = analyze(&parse(text));
        let fillers: Vec<&str> = analysis.fillers.iter().map(|s| s.text(text)).collect();
        assert_eq!(fillers, vec!["Um", "like"]);
        assert_eq!(analysis.hedges.len(), 1);
        assert_eq!(analysis.quantities.len(), 2);
    }

    #[test]
    fn spoken_like_counts_after_a_hesitation_but_not_as_a_verb() {
        let text = "Interviewer: Go on.\nCandidate: so like we looked at it and it looks like churn um like I'd like to test what kind of plan works\n";
        let document = parse(text);
        assert!(document.transcript.is_some());
        let analysis = analyze(&document);
        let fillers: Vec<usize> = analysis.fillers.iter().map(|s| s.start).collect();
        let so_like = text.find("so like").unwrap() + 3;
        let um_like = text.find("um like").unwrap();
        assert_eq!(fillers, vec![so_like, um_like, um_like + 3]);
    }
}
