//! Transcribed answers: speaker-labelled lines, SRT and WebVTT captions, Otter- and
//! Whisper-style blocks. Each form's parser reads cues (who spoke, the text pieces to grade,
//! timing); this module groups them into turns, picks the candidate, and says which bytes
//! of the original text are the candidate's words, so quotes keep the file's line:column.
//! What the forms' parsers share (lines, cues, text pieces, timing checks) is in `cues`.

mod candidate;
mod cues;
mod detect;
mod otter;
mod speaker_lines;
mod srt;
pub mod time;
mod vtt;

pub use candidate::CandidateChoice;
pub use detect::detect;

pub(crate) use cues::{Cue, Line, Parsed, check_order, header_cues, lines, pieces};

use super::{Block, BlockKind, InputForm};
use crate::text::span::{LineCol, Span};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// Something wrong in the input that grading worked around; `line` is 1-based.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The 1-based line it is about.
    pub line: usize,
    /// What is wrong and what grading did about it.
    pub message: String,
}

impl Warning {
    /// A warning about `line` (1-based).
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Warning {
            line,
            message: message.into(),
        }
    }
}

/// A transcript that cannot be read: where, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TranscriptError {
    /// Where reading failed.
    pub position: LineCol,
    /// Why, in a sentence.
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
    /// When it starts, in milliseconds, if the input says.
    pub start_ms: Option<u64>,
    /// When it ends, in milliseconds: given, inferred, or unknown.
    pub end_ms: Option<u64>,
    /// The end is the next cue's start, because the input gives only start times.
    pub end_inferred: bool,
    /// The 1-based line where the cue starts.
    pub line: usize,
}

impl Segment {
    /// How long it lasts, when both ends are known.
    pub fn duration_ms(&self) -> Option<u64> {
        Some(self.end_ms?.saturating_sub(self.start_ms?))
    }
}

/// Consecutive segments of one speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    /// Who speaks.
    pub speaker: String,
    /// What they say, in order; never empty.
    pub segments: Vec<Segment>,
}

impl Turn {
    /// From the first segment's start to the last one's end.
    pub fn span(&self) -> Span {
        Span::new(
            self.segments[0].span.start,
            self.segments[self.segments.len() - 1].span.end,
        )
    }

    /// The 1-based line where the turn starts.
    pub fn line(&self) -> usize {
        self.segments[0].line
    }

    /// When the turn starts, if known.
    pub fn start_ms(&self) -> Option<u64> {
        self.segments[0].start_ms
    }

    /// When the turn ends, if known.
    pub fn end_ms(&self) -> Option<u64> {
        self.segments[self.segments.len() - 1].end_ms
    }
}

/// The transcript's turns, its speakers, and whose words are graded.
#[derive(Clone, Debug, PartialEq)]
pub struct Transcript {
    /// The form it was read in.
    pub form: InputForm,
    /// Every turn, in order.
    pub turns: Vec<Turn>,
    /// Every speaker, in order of first appearance.
    pub speakers: Vec<String>,
    /// The speaker whose words are graded.
    pub candidate: String,
    /// How the candidate was chosen.
    pub chosen_by: CandidateChoice,
    /// True when cues carry their own end times, so pauses between them can be measured.
    pub has_end_times: bool,
    /// Words spoken by each speaker (unicode words of their pieces), in speaker order:
    /// counted once, for choosing the candidate and for talk share.
    pub words_by_speaker: Vec<(String, usize)>,
}

impl Transcript {
    /// The turns of the candidate, in order.
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

/// Which transcript was graded, and whose words: what reports say of it.
#[derive(Clone, Debug, Serialize)]
pub struct TranscriptInfo {
    /// The transcript's form.
    pub form: InputForm,
    /// The speaker whose words were graded.
    pub speaker: String,
    /// How that speaker was chosen.
    pub chosen_by: &'static str,
    /// Every speaker, in order of first appearance.
    pub speakers: Vec<String>,
    /// How many turns the transcript has.
    pub turns: usize,
}

impl TranscriptInfo {
    /// What reports say of `transcript`.
    pub fn new(transcript: &Transcript) -> Self {
        TranscriptInfo {
            form: transcript.form,
            speaker: transcript.candidate.clone(),
            chosen_by: transcript.chosen_by.describe(),
            speakers: transcript.speakers.clone(),
            turns: transcript.turns.len(),
        }
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
        // The caller reads written forms itself; asked anyway, say so instead of panicking.
        InputForm::Text | InputForm::Markdown => {
            return Err(TranscriptError::at(
                1,
                1,
                "a written answer has no speaker turns",
            ));
        }
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
