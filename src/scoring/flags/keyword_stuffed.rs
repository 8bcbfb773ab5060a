//! `keyword-stuffed`: rubric phrases strung together with little grammar or argument
//! around them, the way an answer is written to please a keyword counter.

use super::{Flag, Input};
use crate::scoring::Discount;

/// The flag's id in reports.
pub const ID: &str = "keyword-stuffed";

/// At least this many packed sentences, and at least this share of the sentences that use
/// rubric phrases. Strong and medium fixtures have at most 2 and 8%; stuffed ones 5 and 67%.
const MIN_PACKED: usize = 3;
const MIN_PACKED_SHARE: f64 = 0.25;
/// ## What it does
/// Fires when at least three sentences, and a quarter of those that use rubric phrases,
/// are mostly rubric phrases with almost no function words ("Retention engagement churn
/// north star metric guardrail A/B test.").
///
/// ## Why
/// An answer written to please a keyword counter earns points no interviewer would give;
/// the score cannot be trusted without a reader.
///
/// ## Example
/// Fires: "User pain point segment retention revenue. Competitors differentiation moat."
/// Quiet: "Members who travel lose their place, so we would keep downloads fresh."
pub(super) fn check(input: &Input) -> Option<Flag> {
    let context = input.context;
    let with_phrases: Vec<usize> = (0..input.analysis.sentences.len())
        .filter(|&s| input.has_phrase[s])
        .collect();
    let packed: Vec<usize> = with_phrases
        .iter()
        .copied()
        .filter(|&s| context.discount[s] == Some(Discount::KeywordPacked))
        .collect();
    let share = packed.len() as f64 / with_phrases.len().max(1) as f64;
    (packed.len() >= MIN_PACKED && share >= MIN_PACKED_SHARE).then(|| Flag {
        id: ID,
        message: format!(
            "{} of {} sentences that use the rubric's phrases string them together with little argument around them.",
            packed.len(),
            with_phrases.len()
        ),
        evidence: input.quote(packed),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test::{STRONG_PITCH, flags};

    #[test]
    fn fires_and_stays_quiet() {
        let salad = "User pain point segment retention revenue churn. \
            Competitors differentiation moat ecosystem flywheel. \
            North star metric guardrail engagement A/B test pilot. \
            Netflix members originals catalogue strategy discovery.";
        assert!(flags(salad, "product-pitch").contains(&super::ID));
        assert!(!flags(STRONG_PITCH, "product-pitch").contains(&super::ID));
    }
}
