//! The answer as written (or, for a transcript, as spoken, turn by turn), with each
//! evidence sentence marked in its criterion's colour. A mark is focusable and shows, on
//! hover or keyboard focus, the criterion, the signal and its points.

use super::Ids;
use crate::document::transcript::time;
use crate::scoring::{Evidence, Grade, Source};
use crate::text::span::Span;
use maud::{Markup, PreEscaped, html};
use std::collections::{BTreeMap, BTreeSet};

/// One signal a marked sentence showed.
struct Credit {
    criterion: usize,
    text: String,
}

/// A marked sentence: its span, its number on the page (for links) and what it showed.
struct Highlight {
    span: Span,
    number: usize,
    credits: Vec<Credit>,
}

/// Every evidence sentence of a grade, found in its source, by start offset.
pub(super) struct Highlights {
    by_start: BTreeMap<usize, Highlight>,
}

impl Highlights {
    /// The sentences that earned points for the grade's criteria.
    pub(super) fn of(grade: &Grade) -> Highlights {
        let mut by_start: BTreeMap<usize, Highlight> = BTreeMap::new();
        let Some(source) = grade.source.as_deref() else {
            return Highlights { by_start };
        };
        for (index, criterion) in grade.criteria.iter().enumerate() {
            for signal in &criterion.signals {
                for evidence in &signal.evidence {
                    let Some(span) = sentence_of(source, evidence) else {
                        continue;
                    };
                    let text = format!(
                        "{} · {}: {} of {} points",
                        criterion.name,
                        signal.id,
                        super::number(signal.earned),
                        super::number(signal.max_points)
                    );
                    let next = by_start.len() + 1;
                    let highlight = by_start.entry(span.start).or_insert(Highlight {
                        span,
                        number: next,
                        credits: Vec::new(),
                    });
                    highlight.credits.push(Credit {
                        criterion: index,
                        text,
                    });
                }
            }
        }
        // Numbered in text order, whatever order the criteria found them in.
        for (number, highlight) in by_start.values_mut().enumerate() {
            highlight.number = number + 1;
        }
        Highlights { by_start }
    }

    /// The page number of the mark of `evidence`, to link to it.
    pub(super) fn number_of(&self, grade: &Grade, evidence: &Evidence) -> Option<usize> {
        let source = grade.source.as_deref()?;
        let start = source.offset(evidence.line, evidence.column);
        self.by_start.get(&start).map(|h| h.number)
    }

    /// How many sentences are marked.
    pub(super) fn len(&self) -> usize {
        self.by_start.len()
    }
}

/// The span of the sentence an evidence quotes: the one starting at its line:column.
fn sentence_of(source: &Source, evidence: &Evidence) -> Option<Span> {
    source.sentence_at(source.offset(evidence.line, evidence.column))
}

/// The answer with its marks; a note instead when the grade kept no text.
pub(super) fn answer(grade: &Grade, highlights: &Highlights, ids: &Ids) -> Markup {
    let Some(source) = grade.source.as_deref() else {
        return html! { p.muted { "The answer's text was not kept with this grade." } };
    };
    let mut marks = Marks {
        source,
        highlights,
        ids,
        opened: BTreeSet::new(),
    };
    if source.turns.is_empty() {
        let body = Span::new(source.body_start.min(source.text.len()), source.text.len());
        let text = marks.range(body);
        return html! { div.answer.written { (PreEscaped(text)) } };
    }
    html! {
        div.answer.spoken {
            @for turn in &source.turns {
                p.turn.candidate[turn.candidate] {
                    span.who { (turn.speaker) }
                    @if let Some(ms) = turn.start_ms {
                        " " span.when { (time::format(ms)) }
                    }
                    " "
                    (PreEscaped(marks.pieces(&turn.pieces)))
                }
            }
        }
    }
}

/// Writes text ranges with the marks that fall in them.
struct Marks<'a> {
    source: &'a Source,
    highlights: &'a Highlights,
    ids: &'a Ids,
    /// Highlights already given their id and tooltip (a sentence split over pieces is
    /// marked in each, focusable in the first).
    opened: BTreeSet<usize>,
}

impl Marks<'_> {
    /// A transcript turn's pieces, a space between pieces that are apart in the text.
    fn pieces(&mut self, pieces: &[Span]) -> String {
        let mut out = String::new();
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 && pieces[i - 1].end < piece.start {
                out.push(' ');
            }
            out.push_str(&self.range(*piece));
        }
        out
    }

    /// The text of `range`, escaped, with each highlight's part of it marked.
    fn range(&mut self, range: Span) -> String {
        let text = &self.source.text;
        let mut out = String::new();
        let mut at = range.start;
        // A highlight that starts before the range may still reach into it.
        let before = self.highlights.by_start.range(..range.start).next_back();
        let inside = self.highlights.by_start.range(range.start..range.end);
        for (_, highlight) in before.into_iter().chain(inside) {
            let start = highlight.span.start.max(at);
            let end = highlight.span.end.min(range.end);
            if start >= end {
                continue;
            }
            out.push_str(&escape(&text[at..start]));
            out.push_str(&self.mark(highlight, &text[start..end]).into_string());
            at = end;
        }
        out.push_str(&escape(&text[at..range.end.max(at)]));
        out
    }

    /// One marked part of a sentence.
    fn mark(&mut self, highlight: &Highlight, text: &str) -> Markup {
        let colour = format!("ev c{}", highlight.credits[0].criterion % super::COLOURS);
        if !self.opened.insert(highlight.number) {
            return html! { mark class=(colour) { (text) } };
        }
        let id = self.ids.id(&format!("s{}", highlight.number));
        let tip = self.ids.id(&format!("t{}", highlight.number));
        html! {
            mark class=(colour) id=(id) tabindex="0" aria-describedby=(tip) {
                (text)
                span.tip role="tooltip" id=(tip) {
                    @for credit in &highlight.credits {
                        span.credit { span class=(format!("sw c{}", credit.criterion % super::COLOURS)) {} (credit.text) }
                    }
                }
            }
        }
    }
}

/// `text` escaped for HTML, as maud escapes it.
fn escape(text: &str) -> String {
    html! { (text) }.into_string()
}
