//! `length`: the answer's word count within `min-words`..=`max-words`. Judged on the whole
//! answer, so it earns `points` once.

use super::Found;
use crate::scoring::context::Context;

pub fn evaluate(min_words: Option<usize>, max_words: Option<usize>, context: &Context) -> Found {
    let words = context.analysis.word_count();
    let within =
        min_words.is_none_or(|min| words >= min) && max_words.is_none_or(|max| words <= max);
    let bounds = match (min_words, max_words) {
        (Some(min), Some(max)) => format!("{min}–{max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => "any".to_owned(),
    };
    Found {
        units: Some(u32::from(within)),
        note: Some(format!("{words} words (wanted {bounds})")),
        ..Found::default()
    }
}
