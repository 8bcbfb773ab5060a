//! `sequence`: groups of phrases that should come in order — situation before action
//! before result, goal before metrics. Headings count here, so Markdown sections work;
//! repeated and keyword-packed sentences do not.
//! Earns `points` for each step found after the one before it.

use super::Found;
use crate::rubric::ListId;
use crate::scoring::context::{Context, Discount};

pub fn evaluate(steps: &[ListId], context: &Context) -> Found {
    let mut sentences = Vec::new();
    let mut after: Option<usize> = None;
    for &step in steps {
        let next = context.by_list[step as usize].iter().find(|&&(s, _)| {
            after.is_none_or(|a| s > a)
                && !matches!(
                    context.discount[s],
                    Some(Discount::Repeated | Discount::KeywordPacked)
                )
        });
        match next {
            Some(&(sentence, span)) => {
                sentences.push((sentence, vec![span]));
                after = Some(sentence);
            }
            None => break,
        }
    }
    let reached = sentences.len();
    Found {
        units: Some(reached as u32),
        note: Some(format!("{reached} of {} steps in order", steps.len())),
        sentences,
    }
}
