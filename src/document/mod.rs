//! Document: the answer as written. Decodes bytes to text and finds the parts that are
//! graded (paragraphs, headings, list items) as byte spans into the original text.

mod decode;
mod front_matter;
mod markdown;

pub use decode::{DEFAULT_MAX_BYTES, decode};
pub use front_matter::FrontMatter;

use crate::span::{LineIndex, Span};
use serde::Serialize;

/// What kind of block a graded span came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Heading { level: u8 },
    ListItem,
    Paragraph,
}

/// A graded block: its kind and the span of its text, markers (`## `, `- `) excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// The answer as written: the text, the blocks to grade, the front matter and a line index.
#[derive(Clone, Debug)]
pub struct Document {
    pub text: String,
    pub blocks: Vec<Block>,
    pub front_matter: Option<FrontMatter>,
    pub line_index: LineIndex,
}

impl Document {
    /// The first line of graded text, where a question is often restated.
    pub fn first_line(&self) -> Option<&str> {
        self.blocks.first().map(|block| {
            let text = block.span.text(&self.text);
            text.lines().next().unwrap_or(text)
        })
    }
}

/// Parses decoded text into a [`Document`]. Never fails: any text is some document.
pub fn parse(text: &str) -> Document {
    let (front_matter, body_start) = front_matter::split(text);
    let blocks = markdown::blocks(text, body_start);
    Document {
        text: text.to_owned(),
        blocks,
        front_matter,
        line_index: LineIndex::new(text),
    }
}
