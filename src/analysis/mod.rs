//! Analysis: facts about an answer's graded text, computed once per document and shared by
//! every criterion — words, sentences, quantities, fillers, hedges, negations, the stance
//! of any phrase, readability and repeated sentences. Nothing here depends on a rubric or
//! a score.
//!
//! [`analyze`] runs the stages in order: `sentences` splits each block, `words` tokenises
//! each sentence and feeds the `negation` state machine, `repeats` marks repeated
//! sentences, then quantities (digits, and `proportions`: shares said in words), one pass
//! of the [`lexicon`] matcher for `fillers` (and hedges) and [`stance`] cues, readability
//! and delivery. Word lists live in [`lexicon`].

pub mod amounts;
pub mod delivery;
mod fillers;

pub mod lexicon;
pub mod metrics;
mod negation;

mod proportions;
pub mod quantities;
mod quantity_scan;
pub mod readability;
mod repeats;
mod sentence_breaks;
mod sentences;
pub mod stance;
pub mod summary;
pub mod time_spans;
pub mod variety;
mod words;

use crate::document::{BlockKind, Document};
use crate::text::fold::Folded;
use crate::text::span::Span;
pub use delivery::Delivery;
pub use quantities::{Quantity, QuantityKind};
pub use readability::Readability;
use sentences::Splitter;
pub use stance::Stance;
use stance::Stances;
use std::ops::Range;
use words::Tokens;

/// One sentence of the graded text, a heading or list item being one sentence at least.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Where it is in the text, trimmed of white space.
    pub span: Span,
    /// The kind of block it came from.
    pub kind: BlockKind,
    /// Indices into [`Analysis::words`].
    pub words: Range<usize>,
    /// How many of its words are function words ("the", "to", "we").
    pub function_words: usize,
    /// The earlier sentence this one repeats verbatim (case and white space folded).
    pub duplicate_of: Option<usize>,
}

impl Sentence {
    /// How many words it has.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// True for a heading, which readability does not count as a sentence.
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }
}

/// The facts of one answer's graded text, computed once and read by every criterion.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The whole text folded for matching.
    pub folded: Folded,
    /// Every word, in text order.
    pub words: Vec<Span>,
    /// Every sentence, in text order.
    pub sentences: Vec<Sentence>,
    /// Numbers and quantities inside the sentences.
    pub quantities: Vec<Quantity>,
    /// Fillers ("um", "you know", a comma-set "like").
    pub fillers: Vec<Span>,
    /// Hedges ("maybe", "I think").
    pub hedges: Vec<Span>,
    /// The reach of each negation: from after the negating word to the end of its clause
    /// (so a phrase that starts with the negation, "without hurting", is not negated).
    pub negations: Vec<Span>,
    /// Every clause, in text order: cut at clause punctuation and before a connective.
    pub clauses: Vec<Span>,
    /// Where the text rejects a phrase or describes a problem it then fixes (see
    /// [`Analysis::stance`]).
    pub stances: Stances,
    /// Flesch scores and sentence length.
    pub readability: Readability,
    /// Sentences that repeat an earlier one.
    pub repeated_sentences: usize,
    /// Pace, fillers, pauses and talk share, for a transcript.
    pub delivery: Option<Delivery>,
}

impl Analysis {
    /// How many words the graded text has.
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

    /// The clause holding `offset`, if any.
    pub fn clause_at(&self, offset: usize) -> Option<Span> {
        stance::clause_at(&self.clauses, offset)
    }

    /// What the answer does with the phrase at `span`: asserts, negates or rejects it, or
    /// describes it as a problem it then fixes.
    pub fn stance(&self, span: Span) -> Stance {
        self.stances.of(span, self.is_negated(span))
    }
}

/// Computes the analysis of a document's graded text.
pub fn analyze(document: &Document) -> Analysis {
    let text = document.graded_text();
    let mut tokens = Tokens::default();
    let mut sentences = Vec::new();
    let mut splitter = Splitter::default();
    for block in &document.blocks {
        for &span in splitter.split(text, block) {
            let first_word = tokens.words.len();
            let function_words = tokens.sentence(text, span);
            sentences.push(Sentence {
                span,
                kind: block.kind,
                words: first_word..tokens.words.len(),
                function_words,
                duplicate_of: None,
            });
        }
    }

    let repeated_sentences = repeats::mark_duplicates(text, &mut sentences);
    let folded = Folded::new(text);
    let inside = |span: Span| {
        let i = sentences.partition_point(|s| s.span.start <= span.start);
        i > 0 && sentences[i - 1].span.end >= span.end
    };
    // Shares said in words ("one in five") are numbers as surely as "20%".
    let quantities = proportions::merge(quantities::find(text), proportions::find(text))
        .into_iter()
        .filter(|q| inside(q.span))
        .collect();
    let spoken = document.transcript.is_some();
    // One pass of the lexicon automaton serves fillers, hedges and stance cues.
    let cues = lexicon::matcher().find(&folded);
    let (fillers, hedges) = fillers::find(text, &cues, spoken, inside);
    let stances = Stances::find(&stance::Input {
        text,
        blocks: &document.blocks,
        sentences: &sentences,
        words: &tokens.words,
        clauses: &tokens.clauses,
        cues: &cues,
    });
    let readability = Readability::new(
        tokens.words.len(),
        sentences.iter().filter(|s| !s.is_heading()).count().max(1),
        tokens.syllables,
    );
    let mut analysis = Analysis {
        folded,
        words: tokens.words,
        sentences,
        quantities,
        fillers,
        hedges,
        negations: tokens.negations,
        clauses: tokens.clauses,
        stances,
        readability,
        repeated_sentences,
        delivery: None,
    };
    analysis.delivery = delivery::measure(document, &analysis);
    analysis
}
