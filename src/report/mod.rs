//! Renderers: from a [`Grade`](crate::Grade) to text for people or JSON for programs.
//! Renderers never compute scores; they only lay out what the grade holds.

pub mod analyze_json;
pub mod analyze_text;
pub mod calibration;
pub mod comparison;
pub mod json;
pub mod text;

/// Output formats a renderer exists for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}
