//! Named metrics a rubric's `metric` signal can bound, read from an analysis: written
//! ones for any answer, delivery ones only for a transcript. `grade analyze` lists them.

use super::Analysis;
use super::QuantityKind;

/// A metric's name, what it measures, and whether it needs a transcript.
#[derive(Clone, Copy, Debug)]
pub struct MetricDef {
    pub name: &'static str,
    pub description: &'static str,
    pub transcript_only: bool,
}

const fn def(name: &'static str, description: &'static str, transcript_only: bool) -> MetricDef {
    MetricDef {
        name,
        description,
        transcript_only,
    }
}

pub const METRICS: &[MetricDef] = &[
    def("words", "words graded", false),
    def("sentences", "sentences graded", false),
    def("average-sentence-words", "words per sentence", false),
    def(
        "flesch-reading-ease",
        "Flesch reading ease (higher is easier)",
        false,
    ),
    def("flesch-kincaid-grade", "Flesch–Kincaid grade level", false),
    def(
        "quantities",
        "numbers and quantities, calendar years excluded",
        false,
    ),
    def(
        "repeated-sentences",
        "sentences that repeat an earlier one",
        false,
    ),
    def("fillers-per-100-words", "filler words per 100 words", false),
    def("hedges-per-100-words", "hedges per 100 words", false),
    def(
        "speaking-seconds",
        "the candidate's speaking time, seconds",
        true,
    ),
    def(
        "pace-wpm",
        "the candidate's words per minute (needs timestamps)",
        true,
    ),
    def(
        "fillers-per-minute",
        "filler words per minute of speech",
        true,
    ),
    def(
        "pauses",
        "silences over 3 s between cues (0 when not measurable)",
        true,
    ),
    def(
        "talk-share",
        "the candidate's share of all words spoken, percent",
        true,
    ),
    def(
        "longest-monologue-seconds",
        "the candidate's longest turn, seconds",
        true,
    ),
    def("words-per-turn", "the candidate's words per turn", true),
];

pub fn find(name: &str) -> Option<&'static MetricDef> {
    METRICS.iter().find(|m| m.name == name)
}

/// The metric's value for this analysis; `None` for a delivery metric of a written answer
/// (or an unknown name).
pub fn value(analysis: &Analysis, name: &str) -> Option<f64> {
    let words = analysis.word_count();
    let per_100 = |n: usize| 100.0 * n as f64 / words.max(1) as f64;
    let r = &analysis.readability;
    let written = match name {
        "words" => Some(words as f64),
        "sentences" => Some(analysis.sentences.len() as f64),
        "average-sentence-words" => Some(r.average_sentence_words),
        "flesch-reading-ease" => Some(r.flesch_reading_ease),
        "flesch-kincaid-grade" => Some(r.flesch_kincaid_grade),
        "quantities" => Some(
            analysis
                .quantities
                .iter()
                .filter(|q| q.kind != QuantityKind::Year)
                .count() as f64,
        ),
        "repeated-sentences" => Some(analysis.repeated_sentences as f64),
        "fillers-per-100-words" => Some(per_100(analysis.fillers.len())),
        "hedges-per-100-words" => Some(per_100(analysis.hedges.len())),
        _ => None,
    };
    if written.is_some() {
        return written;
    }
    let delivery = analysis.delivery.as_ref()?;
    let candidate_share = delivery
        .talk_share
        .iter()
        .find(|s| s.speaker == delivery.speaker)
        .map_or(0.0, |s| s.share);
    match name {
        "speaking-seconds" => Some(delivery.speaking_seconds),
        "pace-wpm" => delivery.pace_wpm,
        "fillers-per-minute" => Some(delivery.fillers.per_minute),
        "pauses" => Some(delivery.pauses.as_ref().map_or(0, Vec::len) as f64),
        "talk-share" => Some(candidate_share),
        "longest-monologue-seconds" => Some(
            delivery
                .longest_monologue
                .as_ref()
                .map_or(0.0, |m| m.seconds),
        ),
        "words-per-turn" => Some(delivery.words_per_turn),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, parse};

    #[test]
    fn every_metric_has_a_value_for_a_transcript_and_written_ones_for_prose() {
        let spoken = analyze(&parse(
            "Interviewer: Go on.\nCandidate: We cut churn by 3% in six weeks, um, mostly.\n",
        ));
        let written = analyze(&parse("We cut churn by 3% in six weeks."));
        for metric in METRICS.iter().filter(|m| m.name != "pace-wpm") {
            assert!(value(&spoken, metric.name).is_some(), "{}", metric.name);
            assert_eq!(
                value(&written, metric.name).is_some(),
                !metric.transcript_only,
                "{}",
                metric.name
            );
        }
        assert_eq!(value(&spoken, "words"), Some(10.0));
        assert_eq!(value(&written, "quantities"), Some(2.0));
    }
}
