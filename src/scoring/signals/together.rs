//! `together`: a phrase from `phrases` and one from `with` in the same sentence — a user
//! benefit tied to a business result, a gain weighed against a cost.

use super::{Found, sentences_with};
use crate::rubric::ListId;
use crate::scoring::context::Context;

pub fn evaluate(first: ListId, second: ListId, context: &Context) -> Found {
    let sentences = sentences_with(first, context)
        .into_iter()
        .filter_map(|(sentence, mut spans)| {
            let other = context.hit_in(second, sentence)?;
            spans.truncate(1);
            // The same words can be in both lists; the tie needs two distinct phrases.
            (other != spans[0]).then(|| {
                spans.push(other);
                (sentence, spans)
            })
        })
        .collect();
    Found {
        sentences,
        ..Found::default()
    }
}
