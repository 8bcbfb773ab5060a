//! Text for the terminal, in one file per renderer: the grade report ([`render`]), a
//! rubric laid out for reading ([`render_rubric`]), the delivery section of a transcript
//! ([`render_delivery`]), and the styling and quoting they share (with the batch's text
//! summary and Markdown, which also share the cohort's wording).

mod cohort;
mod delivery;
mod grade;
mod rubric;
mod style;

pub(crate) use cohort::CohortWording;
pub use delivery::render_delivery;
pub use grade::render;
pub use rubric::render_rubric;
pub(crate) use style::{Style, quote_line, top_phrases, transcript_turns};
