//! Stance: what a sentence does with a phrase — asserts it, negates it, rejects it (a frame
//! such as "instead of" before it, a verdict such as "would be a mistake" after it, or a
//! section such as "What I wouldn't do"), or describes a problem
//! the answer goes on to change. Found once per document from the lexicon's cue hits and
//! the clauses; [`Stances::of`] looks a span up by binary search.

mod coordination;
mod feelings;
mod label;
mod problems;
mod verdicts;

use crate::analysis::Sentence;
use crate::analysis::lexicon::{CONTRASTS, FRAMES, INITIAL_FRAMES, SCOPE_CUES};
use crate::document::{Block, BlockKind};
use crate::text::phrase::PhraseHit;
use crate::text::span::Span;

/// What the answer does with a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stance {
    /// Said as the candidate's own position.
    Asserted,
    /// Under a negation in its clause ("we would not track revenue").
    Negated,
    /// Named as what the candidate would not do.
    Rejected {
        /// The frame ("instead of"), or the heading or lead-in line of the scope.
        cue: Span,
        /// True for a heading's section or a lead-in's list, false for a frame.
        scoped: bool,
    },
    /// The alternative a choice is made against ("the cached page instead of a spinner"):
    /// part of the argument for the choice, so signals count it, but never the candidate's
    /// own move, so mistakes do not.
    Contrasted {
        /// The contrast ("instead of", "rather than").
        cue: Span,
    },
    /// How someone takes something, the word after a verb of feeling ("they feel
    /// tricked"): a consequence the answer names, so signals count it, but not the
    /// candidate's own move, so mistakes do not.
    Felt {
        /// The verb of feeling.
        cue: Span,
    },
    /// The status quo the answer describes and then changes ("the pause option was buried").
    Problem {
        /// The sentence in which the candidate changes it.
        fix: Span,
    },
}

impl Stance {
    /// True for what the answer argues with: asserted, a contrasted alternative, or a
    /// problem it found.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            Stance::Asserted
                | Stance::Contrasted { .. }
                | Stance::Felt { .. }
                | Stance::Problem { .. }
        )
    }
}

/// A region of text and the cue that gives it its stance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    /// What the stance covers.
    pub span: Span,
    /// What gives it: a frame, a heading or lead-in, or the sentence of a fix.
    pub cue: Span,
}

/// Where the text rejects or describes a fixed problem, each list sorted by start.
#[derive(Clone, Debug, Default)]
pub struct Stances {
    /// Reaches of rejection frames, from after the frame to its clause end.
    frames: Vec<Region>,
    /// Reaches of contrasts, likewise.
    contrasts: Vec<Region>,
    /// The word after each verb of feeling, in its clause.
    feelings: Vec<Region>,
    /// Sections and lists under a rejecting heading or lead-in; they never overlap.
    scopes: Vec<Region>,
    /// Problem descriptions, with the sentence that fixes each as the cue.
    problems: Vec<Region>,
}

/// What finding stances reads: the graded text and what the analysis found in it.
pub(crate) struct Input<'a> {
    pub text: &'a str,
    pub blocks: &'a [Block],
    pub sentences: &'a [Sentence],
    pub words: &'a [Span],
    pub clauses: &'a [Span],
    /// The lexicon matcher's hits, in order of start.
    pub cues: &'a [PhraseHit],
}

/// The last region starting at or before `offset`, if it holds `offset`.
fn region_at(regions: &[Region], offset: usize) -> Option<Region> {
    let i = regions.partition_point(|r| r.span.start <= offset);
    (i > 0 && regions[i - 1].span.contains(offset)).then(|| regions[i - 1])
}

/// The reach holding `offset`; reaches may overlap a little ("I'd avoid … rather than …"),
/// so a few are looked at back from the last one starting before it.
fn reach_at(reaches: &[Region], offset: usize) -> Option<&Region> {
    let i = reaches.partition_point(|r| r.span.start <= offset);
    reaches[..i]
        .iter()
        .rev()
        .take(4)
        .find(|r| r.span.contains(offset))
}

impl Stances {
    /// The stance of a phrase at `span`; `negated` says whether a negation reaches it.
    /// A scope outranks a frame, a frame a contrast, a contrast a feeling, a feeling a
    /// negation, a negation a problem.
    pub fn of(&self, span: Span, negated: bool) -> Stance {
        if let Some(scope) = region_at(&self.scopes, span.start) {
            return Stance::Rejected {
                cue: scope.cue,
                scoped: true,
            };
        }
        if let Some(frame) = reach_at(&self.frames, span.start) {
            return Stance::Rejected {
                cue: frame.cue,
                scoped: false,
            };
        }
        if let Some(contrast) = reach_at(&self.contrasts, span.start) {
            return Stance::Contrasted { cue: contrast.cue };
        }
        if let Some(feeling) = region_at(&self.feelings, span.start) {
            return Stance::Felt { cue: feeling.cue };
        }
        if negated {
            return Stance::Negated;
        }
        match region_at(&self.problems, span.start) {
            Some(problem) => Stance::Problem { fix: problem.cue },
            None => Stance::Asserted,
        }
    }

    /// Finds every frame, scope and problem of a text in one pass over its cues.
    pub(crate) fn find(input: &Input) -> Stances {
        let finder = Finder { input };
        let reaches = |frame: &dyn Fn(&PhraseHit) -> bool| {
            let mut reaches: Vec<Region> = input
                .cues
                .iter()
                .filter(|h| frame(h))
                .filter_map(|h| {
                    let reach = finder.reach_after(h.span);
                    (!reach.is_empty()).then_some(Region {
                        span: reach,
                        cue: h.span,
                    })
                })
                .collect();
            reaches.sort_by_key(|r| r.span.start);
            reaches
        };
        Stances {
            frames: frames_and_verdicts(reaches(&|h| finder.is_frame(h)), input),
            contrasts: reaches(&|h| h.list as usize == CONTRASTS),
            feelings: feelings::find(input),
            scopes: finder.scopes(),
            problems: problems::find(input),
        }
    }
}

/// The frames' reaches and the verdicts' (what comes before them in their clause), in one
/// list sorted by start: both reject.
fn frames_and_verdicts(mut frames: Vec<Region>, input: &Input) -> Vec<Region> {
    frames.extend(verdicts::find(input));
    frames.sort_by_key(|r| r.span.start);
    frames
}

/// The clause holding `offset` (its words or the space between them), if a clause does.
pub(crate) fn clause_at(clauses: &[Span], offset: usize) -> Option<Span> {
    let i = clauses.partition_point(|c| c.start <= offset);
    (i > 0 && offset <= clauses[i - 1].end).then(|| clauses[i - 1])
}

/// The index of the sentence holding `offset`, if any.
pub(crate) fn sentence_at(sentences: &[Sentence], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.start <= offset);
    (i > 0 && sentences[i - 1].span.contains(offset)).then(|| i - 1)
}

/// The lookups stance finding shares.
struct Finder<'a, 'b> {
    input: &'a Input<'b>,
}

impl Finder<'_, '_> {
    fn clause_at(&self, offset: usize) -> Option<Span> {
        clause_at(self.input.clauses, offset)
    }

    /// True for a hit that rejects what follows it in its clause.
    fn is_frame(&self, hit: &PhraseHit) -> bool {
        match hit.list as usize {
            FRAMES => true,
            // Imperative only: at the very start of its clause.
            INITIAL_FRAMES => {
                self.clause_at(hit.span.start).map(|c| c.start) == Some(hit.span.start)
            }
            _ => false,
        }
    }

    /// What a frame at `cue` reaches: the rest of its clause; after a colon or a dash that
    /// ends the clause at once ("Avoid: …"), the rest of the sentence.
    fn reach_after(&self, cue: Span) -> Span {
        let text = self.input.text;
        let end = self
            .clause_at(cue.end.saturating_sub(1))
            .map_or(cue.end, |c| c.end.max(cue.end));
        if end > cue.end {
            let sentence = self.sentence_at(cue.start).map(|s| s.span);
            let end = sentence.map_or(end, |s| coordination::reach_end(self.input, s, end));
            return Span::new(cue.end, end);
        }
        let rest = text[cue.end..].trim_start();
        if rest.starts_with([':', '—', '–']) {
            let sentence = self.sentence_at(cue.start);
            return Span::new(cue.end, sentence.map_or(cue.end, |s| s.span.end));
        }
        Span::new(cue.end, cue.end)
    }

    fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        sentence_at(self.input.sentences, offset).map(|i| &self.input.sentences[i])
    }

    /// The cue hits inside a span.
    fn cues_in(&self, span: Span) -> &[PhraseHit] {
        let cues = self.input.cues;
        let from = cues.partition_point(|h| h.span.start < span.start);
        let to = cues.partition_point(|h| h.span.start < span.end);
        &cues[from..to]
    }

    /// True when a heading or lead-in line announces what not to do: a scope word
    /// ("Pitfalls"), or a frame with no object or only "do" ("What I wouldn't do").
    fn rejects(&self, line: Span) -> bool {
        let text = self.input.text;
        self.cues_in(line)
            .iter()
            .any(|hit| match hit.list as usize {
                SCOPE_CUES => true,
                FRAMES | INITIAL_FRAMES => {
                    let after =
                        text[hit.span.end..line.end].trim_matches(|c: char| !c.is_alphanumeric());
                    after.is_empty() || after.eq_ignore_ascii_case("do")
                }
                _ => false,
            })
    }

    /// The sections under rejecting headings (to the next heading of the same or a higher
    /// level) and the lists or lines after rejecting lead-ins ending in ':'.
    fn scopes(&self) -> Vec<Region> {
        let input = self.input;
        let mut scopes: Vec<Region> = Vec::new();
        let mut open: Option<(u8, Span)> = None;
        for sentence in input.sentences {
            let line = sentence.span;
            if let BlockKind::Heading { level } = sentence.kind {
                if let Some((_, cue)) = open.filter(|&(l, _)| level <= l) {
                    scopes.push(Region {
                        span: Span::new(cue.end, line.start),
                        cue,
                    });
                    open = None;
                }
                if open.is_none() && self.rejects(line) {
                    open = Some((level, line));
                }
                continue;
            }
            let covered = scopes.last().is_some_and(|r| r.span.contains(line.start));
            if open.is_none()
                && !covered
                && line.text(input.text).ends_with(':')
                && self.rejects(line)
            {
                scopes.push(Region {
                    span: Span::new(line.end, self.lead_in_end(line)),
                    cue: line,
                });
            } else if let Some(label) = label::inline(input.text, line)
                .filter(|&l| self.rejects(l))
                .or_else(|| label::refusal(input.text, line))
            {
                scopes.push(Region {
                    span: Span::new(label.end, line.end),
                    cue: label,
                });
            }
        }
        if let Some((_, cue)) = open {
            scopes.push(Region {
                span: Span::new(cue.end, input.text.len()),
                cue,
            });
        }
        scopes
    }

    /// Where a lead-in's scope ends: its block's end, or the end of the list right after.
    fn lead_in_end(&self, line: Span) -> usize {
        let blocks = self.input.blocks;
        let i = blocks.partition_point(|b| b.span.start <= line.start);
        let Some(own) = i.checked_sub(1).map(|i| blocks[i]) else {
            return line.end;
        };
        let list = blocks[i..]
            .iter()
            .take_while(|b| b.kind == BlockKind::ListItem)
            .last();
        list.map_or(own.span.end, |b| b.span.end).max(line.end)
    }
}

#[cfg(test)]
mod tests;
