//! Document: the answer as written or spoken. Decodes bytes to text, detects the input
//! form, and finds the parts that are graded (paragraphs, headings, list items, or the
//! candidate's turns of a transcript) as byte spans into the original text.

mod decode;
mod front_matter;
pub(crate) mod markdown;
pub mod transcript;

pub use decode::{DEFAULT_MAX_BYTES, decode};
pub use front_matter::FrontMatter;
pub use transcript::{Transcript, TranscriptError, TranscriptInfo, Warning};

use crate::text::span::{LineIndex, Span};
use serde::Serialize;

/// What kind of block a graded span came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A Markdown heading (`#` to `######`): always one sentence.
    Heading {
        /// 1 for `#`, up to 6 for `######`.
        level: u8,
    },
    /// A list item (`- `, `* `, `1. `).
    ListItem,
    /// A paragraph, or a transcript turn or cue.
    Paragraph,
}

/// A graded block: its kind and the span of its text, markers (`## `, `- `) excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// What kind of block it is.
    pub kind: BlockKind,
    /// Its text, markers excluded.
    pub span: Span,
}

/// The forms an answer can come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputForm {
    /// Plain text: every block a paragraph.
    Text,
    /// Markdown: headings, lists and paragraphs.
    Markdown,
    /// Speaker-labelled lines: `Interviewer: …`, `Candidate: …`.
    Speakers,
    /// SRT captions.
    Srt,
    /// WebVTT captions.
    Vtt,
    /// Otter- or Whisper-style blocks: speaker and time on one line, the text below.
    Otter,
}

impl InputForm {
    /// Every form, in the order `--input-format` lists them.
    pub const ALL: [InputForm; 6] = [
        InputForm::Text,
        InputForm::Markdown,
        InputForm::Speakers,
        InputForm::Srt,
        InputForm::Vtt,
        InputForm::Otter,
    ];

    /// The form's name, as `--input-format` and the JSON reports spell it.
    pub fn name(self) -> &'static str {
        match self {
            InputForm::Text => "text",
            InputForm::Markdown => "markdown",
            InputForm::Speakers => "speakers",
            InputForm::Srt => "srt",
            InputForm::Vtt => "vtt",
            InputForm::Otter => "otter",
        }
    }

    /// The form named `name` (as [`name`](Self::name) spells it), if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|form| form.name() == name)
    }

    /// True for the transcript forms, false for written text and Markdown.
    pub fn is_transcript(self) -> bool {
        !matches!(self, InputForm::Text | InputForm::Markdown)
    }
}

impl std::fmt::Display for InputForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How to read an answer: its form (detected when `None`) and, for transcripts, whose
/// words to grade (chosen when `None`).
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    /// The form to read the answer in; detected when `None`.
    pub form: Option<InputForm>,
    /// For a transcript, the speaker whose words are graded; chosen when `None`.
    pub speaker: Option<String>,
}

/// The answer as written: the text, the blocks to grade, the front matter and a line index.
#[derive(Clone, Debug)]
pub struct Document {
    /// The whole decoded text.
    pub text: String,
    /// The blocks to grade, in order.
    pub blocks: Vec<Block>,
    /// The front matter, when the answer has one.
    pub front_matter: Option<FrontMatter>,
    /// Line starts of `text`, for line:column.
    pub line_index: LineIndex,
    /// The form the answer was read in.
    pub form: InputForm,
    /// The turns and the graded speaker, for a transcript.
    pub transcript: Option<Transcript>,
    /// Problems in the input that grading worked around (malformed captions).
    pub warnings: Vec<Warning>,
    /// For a transcript: the text with everything but the candidate's words blanked out
    /// (same length, same line breaks), so analysis sees only them at their own offsets.
    graded: Option<String>,
}

impl Document {
    /// The first line of graded text, where a question is often restated; for a
    /// transcript, the first line spoken (usually the interviewer's question).
    pub fn first_line(&self) -> Option<&str> {
        if let Some(transcript) = &self.transcript {
            return transcript
                .turns
                .first()
                .and_then(|t| t.segments[0].pieces.first())
                .map(|piece| piece.text(&self.text));
        }
        self.blocks.first().map(|block| {
            let text = block.span.text(&self.text);
            text.lines().next().unwrap_or(text)
        })
    }

    /// The text analysis reads: the whole text for a written answer; for a transcript,
    /// only the candidate's words, at their original offsets.
    pub fn graded_text(&self) -> &str {
        self.graded.as_deref().unwrap_or(&self.text)
    }
}

/// Parses decoded text into a [`Document`], detecting its form. Never fails: a text that
/// cannot be read as a transcript is read as written.
pub fn parse(text: &str) -> Document {
    parse_with(text, &ParseOptions::default()).unwrap_or_else(|_| written(text, None))
}

/// Parses decoded text with a forced form or speaker. Fails when a transcript cannot be
/// read (a caption without its timing line, no text) or the named speaker is not in it.
pub fn parse_with(text: &str, options: &ParseOptions) -> Result<Document, TranscriptError> {
    let (front_matter, body_start) = front_matter::split(text);
    let blocks = markdown::blocks(text, body_start);
    let form = options
        .form
        .unwrap_or_else(|| transcript::detect(text, body_start, &blocks));
    if !form.is_transcript() {
        if let Some(speaker) = &options.speaker {
            return Err(TranscriptError::at(
                1,
                1,
                format!(
                    "--speaker `{speaker}` needs a transcript, but the answer reads as {}; force a form with --input-format",
                    form.name()
                ),
            ));
        }
        let mut document = written(text, Some(form));
        if form == InputForm::Text {
            // Plain text has no Markdown: every block is a paragraph.
            for block in &mut document.blocks {
                block.kind = BlockKind::Paragraph;
            }
        }
        return Ok(document);
    }
    let built = transcript::build(text, body_start, form, options.speaker.as_deref())?;
    let mut graded = vec![b' '; text.len()];
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            graded[i] = b'\n';
        }
    }
    for piece in &built.graded {
        graded[piece.start..piece.end].copy_from_slice(&text.as_bytes()[piece.start..piece.end]);
    }
    // Pieces start and end on character boundaries and the rest is ASCII.
    let graded = String::from_utf8(graded).expect("pieces are whole characters");
    Ok(Document {
        text: text.to_owned(),
        blocks: built.blocks,
        front_matter,
        line_index: LineIndex::new(text),
        form,
        transcript: Some(built.transcript),
        warnings: [front_matter_warnings(text), built.warnings].concat(),
        graded: Some(graded),
    })
}

/// The warning for front matter that never closes, when `text` opens one.
fn front_matter_warnings(text: &str) -> Vec<Warning> {
    if !front_matter::unclosed(text) {
        return Vec::new();
    }
    vec![Warning::new(
        1,
        "front matter opened here is never closed with `---`; the whole text is graded, and its `rubric:` and `question:` are not read",
    )]
}

/// A written answer: Markdown blocks of the body.
fn written(text: &str, form: Option<InputForm>) -> Document {
    let (front_matter, body_start) = front_matter::split(text);
    let blocks = markdown::blocks(text, body_start);
    let form = form.unwrap_or_else(|| {
        if blocks.iter().any(|b| b.kind != BlockKind::Paragraph) {
            InputForm::Markdown
        } else {
            InputForm::Text
        }
    });
    Document {
        text: text.to_owned(),
        blocks,
        front_matter,
        line_index: LineIndex::new(text),
        form,
        transcript: None,
        warnings: front_matter_warnings(text),
        graded: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_back_from_its_name() {
        for form in InputForm::ALL {
            assert_eq!(InputForm::from_name(form.name()), Some(form));
            assert_eq!(form.to_string(), form.name());
        }
        assert_eq!(InputForm::from_name("auto"), None);
        assert_eq!(InputForm::from_name("SRT"), None);
    }

    #[test]
    fn unclosed_front_matter_is_a_warning_on_line_1() {
        let document = parse("---\nrubric: product-pitch\nMembers struggle.\n");
        assert!(document.front_matter.is_none());
        assert_eq!(document.warnings.len(), 1);
        assert_eq!(document.warnings[0].line, 1);
        assert!(document.warnings[0].message.contains("never closed"));
        assert!(parse("---\nrubric: x\n---\nBody.\n").warnings.is_empty());
    }
}
