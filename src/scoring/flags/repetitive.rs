//! `repetitive`: an answer that says the same thing again and again, in repeated sentences
//! or in a small vocabulary recycled.

use super::{Flag, Input};
use crate::analysis::variety::word_variety;

/// The flag's id in reports.
pub const ID: &str = "repetitive";

/// Above this share of sentences repeating an earlier one (the same share at which the
/// score is scaled down).
const MAX_REPEATED_SHARE: f64 = 0.25;
/// Moving type-token ratio over 50-word windows: written answers in the fixtures sit at 0.77
/// or above; an answer cycling through a few sentences falls below 0.5.
const VARIETY_WINDOW: usize = 50;
const MIN_VARIETY: f64 = 0.6;
/// ## What it does
/// Fires when more than a quarter of the sentences repeat earlier ones, or when the
/// answer's word variety (distinct words per 50-word stretch) is far below that of prose.
///
/// ## Why
/// Repeats already earn nothing, but an answer that loops on a few sentences or a small
/// vocabulary needs a reader to say what it is worth.
///
/// ## Example
/// Fires: the same two sentences pasted ten times.
/// Quiet: an answer that restates its main point once in its conclusion.
pub(super) fn check(input: &Input) -> Option<Flag> {
    let analysis = input.analysis;
    let total = analysis.sentences.len();
    let repeated: Vec<usize> = (0..total)
        .filter(|&s| analysis.sentences[s].duplicate_of.is_some())
        .collect();
    let share = repeated.len() as f64 / total.max(1) as f64;
    if share > MAX_REPEATED_SHARE {
        return Some(Flag {
            id: ID,
            message: format!(
                "{} of {total} sentences repeat earlier ones.",
                repeated.len()
            ),
            evidence: input.quote(repeated),
        });
    }
    let variety = word_variety(&input.document.text, analysis, VARIETY_WINDOW)?;
    (variety < MIN_VARIETY).then(|| Flag {
        id: ID,
        message: format!(
            "Word variety {variety:.2} (distinct words per {VARIETY_WINDOW}-word stretch; prose is above {MIN_VARIETY:.2})."
        ),
        evidence: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test::{STRONG_PITCH, flags};

    #[test]
    fn fires_and_stays_quiet() {
        let sentence =
            "Members who travel lose their downloads, so we would refresh them overnight. ";
        let text = format!("{}The train was late again.", sentence.repeat(6));
        assert!(flags(&text, "product-pitch").contains(&super::ID));
        assert!(!flags(STRONG_PITCH, "product-pitch").contains(&super::ID));
    }
}
