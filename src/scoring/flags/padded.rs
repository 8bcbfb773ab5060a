//! `padded`: the points come from a small part of a long answer; the rest adds nothing.

use super::{Flag, Input};

/// The flag's id in reports.
pub const ID: &str = "padded";

/// Only long answers can be padded; below this, a low share is just a thin answer.
const MIN_WORDS: usize = 450;
/// The share of words in sentences that earned points. Strong and medium fixtures are at
/// 0.42 or above; a strong answer padded to three times its length falls below 0.2.
const MIN_EARNING_SHARE: f64 = 0.2;
/// Padding surrounds evidence; an answer with (almost) none is weak, not padded.
const MIN_EARNING_SENTENCES: usize = 2;
/// ## What it does
/// Fires when a long answer (450 words or more) earns its points in sentences holding
/// under a fifth of its words.
///
/// ## Why
/// Padding around a few good sentences keeps their points while burying them; a reader
/// should judge whether the rest is context or noise.
///
/// ## Example
/// Fires: a good 200-word answer inside 600 words of scene-setting.
/// Quiet: a long answer whose every paragraph argues something.
pub(super) fn check(input: &Input) -> Option<Flag> {
    let words = input.content_words();
    if words < MIN_WORDS {
        return None;
    }
    let sentences = &input.analysis.sentences;
    let earning: Vec<usize> = input
        .content
        .iter()
        .copied()
        .filter(|&s| input.earned[s])
        .collect();
    if earning.len() < MIN_EARNING_SENTENCES {
        return None;
    }
    let earning_words: usize = earning.iter().map(|&s| sentences[s].word_count()).sum();
    let share = earning_words as f64 / words as f64;
    (share < MIN_EARNING_SHARE).then(|| Flag {
        id: ID,
        message: format!(
            "The points come from {} sentences holding {:.0}% of {words} words; the rest earns nothing.",
            earning.len(),
            share * 100.0
        ),
        evidence: input.quote(
            input
                .content
                .iter()
                .copied()
                .filter(|&s| !input.earned[s]),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test::{STRONG_PITCH, flags};

    #[test]
    fn fires_and_stays_quiet() {
        let scene: String = (0..100)
            .map(|i| format!("On day {i} the train left the station at dawn again. "))
            .collect();
        let padded = format!("{STRONG_PITCH}\n\n{scene}");
        assert!(flags(&padded, "product-pitch").contains(&super::ID));
        assert!(!flags(STRONG_PITCH, "product-pitch").contains(&super::ID));
    }
}
