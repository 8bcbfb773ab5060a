//! The primitives every stage shares, knowing nothing of answers: byte spans and the one
//! line index (`span`), case and typography folding with a byte map back (`fold`), and the
//! phrase matcher, one Aho-Corasick automaton over folded text (`phrase`), the normal forms
//! folding, stemming and a phrase's patterns share with build.rs (`normal`), its stemmed view
//! (`stem`, Snowball's stem of a word in `snowball`) and its view with fillers after a subject taken out (`subject`); input text made
//! safe for a terminal (`escape`).

pub mod contractions;
pub mod escape;
pub mod fold;
pub mod normal;
pub mod phrase;
mod snowball;
pub mod span;
pub mod stem;
pub mod subject;

pub use span::{LineCol, LineIndex, Span};
