//! The primitives every stage shares, knowing nothing of answers: byte spans and the one
//! line index (`span`), case and typography folding with a byte map back (`fold`), and the
//! phrase matcher, one Aho-Corasick automaton over folded text (`phrase`); input text made
//! safe for a terminal (`escape`).

pub mod escape;
pub mod fold;
pub mod phrase;
pub mod span;
pub mod stem;

pub use span::{LineCol, LineIndex, Span};
