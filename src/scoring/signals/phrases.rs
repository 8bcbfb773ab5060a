//! `phrases`: any phrase of the list, in a sentence that may earn points.
//!
//! ```toml
//! kind = "phrases"
//! phrases = ["pain point", "struggle to", "frustrat*"]
//! ```

use super::{Found, sentences_with};
use crate::rubric::ListId;
use crate::scoring::context::Context;

pub fn evaluate(list: ListId, context: &Context) -> Found {
    Found {
        sentences: sentences_with(list, context),
        ..Found::default()
    }
}
