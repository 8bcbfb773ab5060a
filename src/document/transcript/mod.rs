//! Transcribed answers: speaker-labelled lines, SRT and WebVTT captions, Otter- and
//! Whisper-style blocks. Each form's parser reads cues (who spoke, the text pieces to grade,
//! timing); this module groups them into turns, picks the candidate, and says which bytes
//! of the original text are the candidate's words, so quotes keep the file's line:column.

mod candidate;
mod detect;
mod otter;
mod speaker_lines;
mod srt;
pub mod time;
mod vtt;

pub use candidate::CandidateChoice;
pub use detect::detect;

use super::{Block, BlockKind, InputForm};
use crate::span::{LineCol, Span};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// Something wrong in the input that grading worked around; `line` is 1-based.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// A transcript that cannot be read: where, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TranscriptError {
    pub position: LineCol,
    pub message: String,
}

impl TranscriptError {
    pub(crate) fn at(line: usize, column: usize, message: impl Into<String>) -> Self {
        TranscriptError {
            position: LineCol { line, column },
            message: message.into(),
        }
    }
}

/// One cue or line of speech: its text pieces (markup and labels excluded) and timing.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// From the first piece's start to the last piece's end.
    pub span: Span,
    /// The bytes that are words, in order; tags, labels and timestamps are left out.
    pub pieces: Vec<Span>,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
    /// The end is the next cue's start, because the input gives only start times.
    pub end_inferred: bool,
    /// The 1-based line where the cue starts.
    pub line: usize,
}

impl Segment {
    pub fn duration_ms(&self) -> Option<u64> {
        Some(self.end_ms?.saturating_sub(self.start_ms?))
    }
}

/// Consecutive segments of one speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    pub speaker: String,
    pub segments: Vec<Segment>,
}

impl Turn {
    pub fn span(&self) -> Span {
        Span::new(
            self.segments[0].span.start,
            self.segments[self.segments.len() - 1].span.end,
        )
    }

    pub fn line(&self) -> usize {
        self.segments[0].line
    }

    pub fn start_ms(&self) -> Option<u64> {
        self.segments[0].start_ms
    }

    pub fn end_ms(&self) -> Option<u64> {
        self.segments[self.segments.len() - 1].end_ms
    }
}

/// The transcript's turns, its speakers, and whose words are graded.
#[derive(Clone, Debug, PartialEq)]
pub struct Transcript {
    pub form: InputForm,
    pub turns: Vec<Turn>,
    /// Every speaker, in order of first appearance.
    pub speakers: Vec<String>,
    /// The speaker whose words are graded.
    pub candidate: String,
    pub chosen_by: CandidateChoice,
    /// True when cues carry their own end times, so pauses between them can be measured.
    pub has_end_times: bool,
    /// Words spoken by each speaker (unicode words of their pieces), in speaker order:
    /// counted once, for choosing the candidate and for talk share.
    pub words_by_speaker: Vec<(String, usize)>,
}

impl Transcript {
    pub fn candidate_turns(&self) -> impl Iterator<Item = &Turn> {
        self.turns.iter().filter(|t| t.speaker == self.candidate)
    }

    fn count_words_by_speaker(&self, text: &str) -> Vec<(String, usize)> {
        // One pass over the turns: a transcript may have thousands of speakers.
        let index: std::collections::HashMap<&str, usize> = self
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i))
            .collect();
        let mut words = vec![0; self.speakers.len()];
        for turn in &self.turns {
            words[index[turn.speaker.as_str()]] += turn_words(turn, text);
        }
        self.speakers.iter().cloned().zip(words).collect()
    }
}

/// Words in a turn's pieces.
pub fn turn_words(turn: &Turn, text: &str) -> usize {
    turn.segments
        .iter()
        .flat_map(|s| &s.pieces)
        .map(|p| p.text(text).unicode_words().count())
        .sum()
}

/// One line of the input: 1-based number, offset of its start, text without the line end.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub number: usize,
    pub start: usize,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The span of `part`, a subslice of this line's text.
    pub fn span_of(&self, part: &str) -> Span {
        let offset = part.as_ptr() as usize - self.text.as_ptr() as usize;
        Span::new(self.start + offset, self.start + offset + part.len())
    }
}

/// The lines of `text` from `from` (a line start) on.
pub(crate) fn lines(text: &str, from: usize) -> Vec<Line<'_>> {
    let first = text[..from].matches('\n').count() + 1;
    let mut start = from;
    let mut out = Vec::new();
    for (number, raw) in (first..).zip(text[from..].split_inclusive('\n')) {
        out.push(Line {
            number,
            start,
            text: raw.trim_end_matches(['\n', '\r']),
        });
        start += raw.len();
    }
    out
}

/// A cue as a form's parser reads it, before speakers are resolved.
#[derive(Debug)]
pub(crate) struct Cue {
    pub speaker: Option<String>,
    pub pieces: Vec<Span>,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
    pub line: usize,
}

#[derive(Debug)]
pub(crate) struct Parsed {
    pub cues: Vec<Cue>,
    pub warnings: Vec<Warning>,
    pub has_end_times: bool,
}

/// The text pieces of `part` (a subslice of `line`) with `<…>` tags and `{…}` codes left
/// out, each trimmed; empty pieces are dropped.
pub(crate) fn pieces(line: &Line, part: &str) -> Vec<Span> {
    let base = line.span_of(part).start;
    let mut out = Vec::new();
    let mut piece_start = 0;
    let mut i = 0;
    let bytes = part.as_bytes();
    let push = |from: usize, to: usize, out: &mut Vec<Span>| {
        let piece = &part[from..to];
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = base + from + (piece.len() - piece.trim_start().len());
            out.push(Span::new(s, s + trimmed.len()));
        }
    };
    while i < bytes.len() {
        let close = match bytes[i] {
            b'<' => Some(b'>'),
            b'{' => Some(b'}'),
            _ => None,
        };
        if let Some(close) = close
            && let Some(len) = bytes[i..].iter().position(|&b| b == close)
        {
            push(piece_start, i, &mut out);
            i += len + 1;
            piece_start = i;
            continue;
        }
        i += 1;
    }
    push(piece_start, bytes.len(), &mut out);
    out
}

/// What the document keeps of a transcript: the transcript itself, the blocks to grade
/// (the candidate's turns), the graded byte ranges, and the warnings.
pub(crate) struct Built {
    pub transcript: Transcript,
    pub blocks: Vec<Block>,
    pub graded: Vec<Span>,
    pub warnings: Vec<Warning>,
}

/// Parses a transcript of the given form and picks the candidate.
pub(crate) fn build(
    text: &str,
    body_start: usize,
    form: InputForm,
    speaker: Option<&str>,
) -> Result<Built, TranscriptError> {
    let parsed = match form {
        InputForm::Speakers => speaker_lines::parse(text, body_start)?,
        InputForm::Srt => srt::parse(text, body_start)?,
        InputForm::Vtt => vtt::parse(text, body_start)?,
        InputForm::Otter => otter::parse(text, body_start)?,
        InputForm::Text | InputForm::Markdown => unreachable!("written forms have no turns"),
    };
    let first_line = text[..body_start].matches('\n').count() + 1;
    let cues: Vec<Cue> = parsed
        .cues
        .into_iter()
        .filter(|c| !c.pieces.is_empty())
        .collect();
    if cues.is_empty() {
        return Err(TranscriptError::at(
            first_line,
            1,
            format!("no {} text found to grade", form.name()),
        ));
    }
    let turns = turns(cues);
    let mut speakers: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for turn in &turns {
        if seen.insert(turn.speaker.as_str()) {
            speakers.push(turn.speaker.clone());
        }
    }
    let mut transcript = Transcript {
        form,
        turns,
        speakers,
        candidate: String::new(),
        chosen_by: CandidateChoice::OnlySpeaker,
        has_end_times: parsed.has_end_times,
        words_by_speaker: Vec::new(),
    };
    transcript.words_by_speaker = transcript.count_words_by_speaker(text);
    let (index, chosen_by) = candidate::choose(&transcript.words_by_speaker, speaker)
        .map_err(|e| TranscriptError::at(first_line, 1, e.to_string()))?;
    transcript.candidate = transcript.speakers[index].clone();
    transcript.chosen_by = chosen_by;

    let mut blocks = Vec::new();
    let mut graded = Vec::new();
    for turn in transcript.candidate_turns() {
        let punctuated = turn
            .segments
            .iter()
            .flat_map(|s| &s.pieces)
            .any(|p| p.text(text).contains(['.', '!', '?']));
        // Unpunctuated speech (raw speech recognition) has no sentence ends; each cue or
        // line then stands for one, rather than the whole turn being one sentence.
        if punctuated {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: turn.span(),
            });
        } else {
            blocks.extend(turn.segments.iter().map(|s| Block {
                kind: BlockKind::Paragraph,
                span: s.span,
            }));
        }
        graded.extend(turn.segments.iter().flat_map(|s| s.pieces.iter().copied()));
    }
    Ok(Built {
        transcript,
        blocks,
        graded,
        warnings: parsed.warnings,
    })
}

/// Resolves unnamed cues to the speaker before them, infers missing end times from the
/// next cue's start, and groups consecutive cues of one speaker into turns.
fn turns(cues: Vec<Cue>) -> Vec<Turn> {
    let next_starts: Vec<Option<u64>> = cues
        .iter()
        .skip(1)
        .map(|c| c.start_ms)
        .chain([None])
        .collect();
    let mut turns: Vec<Turn> = Vec::new();
    let mut current = String::from("Speaker");
    for (cue, next_start) in cues.into_iter().zip(next_starts) {
        if let Some(name) = cue.speaker {
            current = name;
        }
        let (end_ms, end_inferred) = match (cue.end_ms, cue.start_ms, next_start) {
            (Some(end), _, _) => (Some(end), false),
            (None, Some(start), Some(next)) if next >= start => (Some(next), true),
            _ => (None, false),
        };
        let segment = Segment {
            span: Span::new(cue.pieces[0].start, cue.pieces[cue.pieces.len() - 1].end),
            pieces: cue.pieces,
            start_ms: cue.start_ms,
            end_ms,
            end_inferred,
            line: cue.line,
        };
        match turns.last_mut() {
            Some(turn) if turn.speaker == current => turn.segments.push(segment),
            _ => turns.push(Turn {
                speaker: current.clone(),
                segments: vec![segment],
            }),
        }
    }
    turns
}

/// Checks each timed cue against the one before it: out of order, overlapping.
pub(crate) fn check_order(cues: &mut [Cue], warnings: &mut Vec<Warning>) {
    let mut previous: Option<(u64, u64)> = None;
    for cue in cues {
        let (Some(start), Some(end)) = (cue.start_ms, cue.end_ms) else {
            continue;
        };
        if end < start {
            warnings.push(Warning {
                line: cue.line,
                message: format!(
                    "cue ends ({}) before it starts ({}); its timing is ignored",
                    time::format(end),
                    time::format(start)
                ),
            });
            cue.start_ms = None;
            cue.end_ms = None;
            continue;
        }
        if let Some((previous_start, previous_end)) = previous {
            if start < previous_start {
                warnings.push(Warning {
                    line: cue.line,
                    message: format!(
                        "timestamps out of order: this cue starts at {}, before the cue above ({})",
                        time::format(start),
                        time::format(previous_start)
                    ),
                });
            } else if start < previous_end {
                warnings.push(Warning {
                    line: cue.line,
                    message: format!(
                        "overlapping cues: this cue starts {:.1} s before the cue above ends",
                        (previous_end - start) as f64 / 1000.0
                    ),
                });
            }
        }
        previous = Some((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_leave_tags_out() {
        let text = "<v Ana>Hello <i>there</i>, friend</v>";
        let line = lines(text, 0)[0];
        let spans = pieces(&line, line.text);
        let words: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        assert_eq!(words, vec!["Hello", "there", ", friend"]);
    }
}
