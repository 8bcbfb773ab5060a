//! `regex`: the pattern (case-insensitive) matches inside a sentence that may earn points.
//! For shapes phrases cannot express, such as "\bby \d+ (days|weeks)\b".

use super::Found;
use crate::scoring::context::Context;
use crate::span::Span;
use regex::Regex;

pub fn evaluate(regex: &Regex, context: &Context) -> Found {
    let sentences = context
        .analysis
        .sentences
        .iter()
        .enumerate()
        .filter(|&(i, _)| context.counts(i))
        .filter_map(|(i, sentence)| {
            let m = regex.find(sentence.span.text(context.text))?;
            let start = sentence.span.start + m.start();
            Some((i, vec![Span::new(start, start + m.len())]))
        })
        .collect();
    Found {
        sentences,
        ..Found::default()
    }
}
