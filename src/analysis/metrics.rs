//! Named metrics a rubric's `metric` signal can bound, read from an analysis: written
//! ones for any answer, delivery ones only for a transcript. `grade analyze` lists them.
//! The delivery targets (pace, fillers, hedges, talk share, longest turn) are stated here
//! once: the delivery checks and `metric` signals without bounds both read them.

use super::Analysis;
use super::QuantityKind;

/// A metric of an analysis, compiled from its name once when a rubric loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Words graded.
    Words,
    /// Sentences graded.
    Sentences,
    /// Words per sentence.
    AverageSentenceWords,
    /// Flesch reading ease (higher is easier).
    FleschReadingEase,
    /// Flesch–Kincaid grade level.
    FleschKincaidGrade,
    /// Numbers and quantities, calendar years excluded.
    Quantities,
    /// Sentences that repeat an earlier one.
    RepeatedSentences,
    /// Filler words per 100 words.
    FillersPer100Words,
    /// Hedges per 100 words.
    HedgesPer100Words,
    /// The candidate's speaking time, seconds.
    SpeakingSeconds,
    /// The candidate's words per minute (needs timestamps).
    PaceWpm,
    /// Filler words per minute of speech.
    FillersPerMinute,
    /// Silences over 3 s between cues.
    Pauses,
    /// The candidate's share of all words spoken, percent.
    TalkShare,
    /// The candidate's longest turn, seconds.
    LongestMonologueSeconds,
    /// The candidate's words per turn.
    WordsPerTurn,
}

/// The range a delivery metric should stay in, as a speech coach states it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// The value should be above (or, for a delivery check, at least) this.
    pub low: Option<f64>,
    /// The value should be below (or, for a delivery check, at most) this.
    pub high: Option<f64>,
    /// The target in words, for reports.
    pub text: &'static str,
}

/// Every metric, in the order `grade analyze` lists them.
pub const METRICS: &[Metric] = &[
    Metric::Words,
    Metric::Sentences,
    Metric::AverageSentenceWords,
    Metric::FleschReadingEase,
    Metric::FleschKincaidGrade,
    Metric::Quantities,
    Metric::RepeatedSentences,
    Metric::FillersPer100Words,
    Metric::HedgesPer100Words,
    Metric::SpeakingSeconds,
    Metric::PaceWpm,
    Metric::FillersPerMinute,
    Metric::Pauses,
    Metric::TalkShare,
    Metric::LongestMonologueSeconds,
    Metric::WordsPerTurn,
];

impl Metric {
    /// The metric of this name, as a rubric writes it (`pace-wpm`).
    pub fn from_name(name: &str) -> Option<Metric> {
        METRICS.iter().copied().find(|m| m.name() == name)
    }

    /// The name a rubric uses for it.
    pub fn name(self) -> &'static str {
        self.about().0
    }

    /// What it measures, for `grade analyze`.
    pub fn description(self) -> &'static str {
        self.about().1
    }

    /// True for delivery metrics, which only a transcript has.
    pub fn transcript_only(self) -> bool {
        self.about().2
    }

    fn about(self) -> (&'static str, &'static str, bool) {
        match self {
            Metric::Words => ("words", "words graded", false),
            Metric::Sentences => ("sentences", "sentences graded", false),
            Metric::AverageSentenceWords => ("average-sentence-words", "words per sentence", false),
            Metric::FleschReadingEase => (
                "flesch-reading-ease",
                "Flesch reading ease (higher is easier)",
                false,
            ),
            Metric::FleschKincaidGrade => {
                ("flesch-kincaid-grade", "Flesch–Kincaid grade level", false)
            }
            Metric::Quantities => (
                "quantities",
                "numbers and quantities, calendar years excluded",
                false,
            ),
            Metric::RepeatedSentences => (
                "repeated-sentences",
                "sentences that repeat an earlier one",
                false,
            ),
            Metric::FillersPer100Words => {
                ("fillers-per-100-words", "filler words per 100 words", false)
            }
            Metric::HedgesPer100Words => ("hedges-per-100-words", "hedges per 100 words", false),
            Metric::SpeakingSeconds => (
                "speaking-seconds",
                "the candidate's speaking time, seconds",
                true,
            ),
            Metric::PaceWpm => (
                "pace-wpm",
                "the candidate's words per minute (needs timestamps)",
                true,
            ),
            Metric::FillersPerMinute => (
                "fillers-per-minute",
                "filler words per minute of speech",
                true,
            ),
            Metric::Pauses => (
                "pauses",
                "silences over 3 s between cues (0 when not measurable)",
                true,
            ),
            Metric::TalkShare => (
                "talk-share",
                "the candidate's share of all words spoken, percent",
                true,
            ),
            Metric::LongestMonologueSeconds => (
                "longest-monologue-seconds",
                "the candidate's longest turn, seconds",
                true,
            ),
            Metric::WordsPerTurn => ("words-per-turn", "the candidate's words per turn", true),
        }
    }

    /// The delivery target, for the metrics a speech coach sets one for.
    pub fn target(self) -> Option<Target> {
        let target = |low, high, text| Some(Target { low, high, text });
        match self {
            // Comfortable interview pace.
            Metric::PaceWpm => target(Some(130.0), Some(175.0), "130–175 words per minute"),
            // More fillers than this distract.
            Metric::FillersPer100Words => target(None, Some(5.0), "fewer than 5 per 100 words"),
            // More hedges than this sound unsure.
            Metric::HedgesPer100Words => target(None, Some(3.0), "fewer than 3 per 100 words"),
            // The candidate should hold at least half of the words.
            Metric::TalkShare => target(Some(50.0), None, "at least 50% of the words"),
            // A single turn longer than this loses the listener.
            Metric::LongestMonologueSeconds => target(None, Some(180.0), "at most 3 minutes"),
            _ => None,
        }
    }

    /// The metric's value for this analysis; `None` for a delivery metric of a written
    /// answer (or a pace with no timestamps).
    pub fn value(self, analysis: &Analysis) -> Option<f64> {
        let per_100 = |n: usize| 100.0 * n as f64 / analysis.word_count().max(1) as f64;
        let r = &analysis.readability;
        let written = match self {
            Metric::Words => analysis.word_count() as f64,
            Metric::Sentences => analysis.sentences.len() as f64,
            Metric::AverageSentenceWords => r.average_sentence_words,
            Metric::FleschReadingEase => r.flesch_reading_ease,
            Metric::FleschKincaidGrade => r.flesch_kincaid_grade,
            Metric::Quantities => analysis
                .quantities
                .iter()
                .filter(|q| q.kind != QuantityKind::Year)
                .count() as f64,
            Metric::RepeatedSentences => analysis.repeated_sentences as f64,
            Metric::FillersPer100Words => per_100(analysis.fillers.len()),
            Metric::HedgesPer100Words => per_100(analysis.hedges.len()),
            _ => return self.delivery_value(analysis),
        };
        Some(written)
    }

    fn delivery_value(self, analysis: &Analysis) -> Option<f64> {
        let delivery = analysis.delivery.as_ref()?;
        match self {
            Metric::SpeakingSeconds => Some(delivery.speaking_seconds),
            Metric::PaceWpm => delivery.pace_wpm,
            Metric::FillersPerMinute => Some(delivery.fillers.per_minute),
            Metric::Pauses => Some(delivery.pauses.as_ref().map_or(0, Vec::len) as f64),
            Metric::TalkShare => Some(
                delivery
                    .talk_share
                    .iter()
                    .find(|s| s.speaker == delivery.speaker)
                    .map_or(0.0, |s| s.share),
            ),
            Metric::LongestMonologueSeconds => Some(
                delivery
                    .longest_monologue
                    .as_ref()
                    .map_or(0.0, |m| m.seconds),
            ),
            Metric::WordsPerTurn => Some(delivery.words_per_turn),
            _ => None,
        }
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
        for &metric in METRICS.iter().filter(|&&m| m != Metric::PaceWpm) {
            assert!(metric.value(&spoken).is_some(), "{}", metric.name());
            assert_eq!(
                metric.value(&written).is_some(),
                !metric.transcript_only(),
                "{}",
                metric.name()
            );
        }
        assert_eq!(Metric::Words.value(&spoken), Some(10.0));
        assert_eq!(Metric::Quantities.value(&written), Some(2.0));
    }

    #[test]
    fn names_round_trip() {
        for &metric in METRICS {
            assert_eq!(Metric::from_name(metric.name()), Some(metric));
        }
        assert_eq!(Metric::from_name("pace"), None);
    }
}
