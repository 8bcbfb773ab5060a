//! Delivery of a transcribed answer, as a speech coach measures it: speaking time, pace
//! overall and per turn, fillers and hedges per 100 words and per minute, pauses over 3 s
//! between cues, talk share, the longest monologue and words per turn — each checked
//! against a target range. A pure function of the document and its analysis.

use super::Analysis;
use super::metrics::Metric;
use crate::document::transcript::{Transcript, Turn};
use crate::document::{Document, InputForm};
use crate::number::round1;
use crate::text::span::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// Speaking rate used when the input has no timestamps.
pub const ESTIMATED_WPM: f64 = 150.0;
/// A silence longer than this between cues is a pause.
pub const PAUSE_MS: u64 = 3_000;
/// Pace is not computed from less timed speech than this: a few seconds (or cues of a
/// millisecond) give paces no listener would recognise.
pub const MIN_PACE_SECONDS: f64 = 10.0;
/// How many of the most frequent fillers and hedges are listed.
const TOP: usize = 5;

/// How a transcribed answer was delivered, each metric against its target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Delivery {
    /// The transcript form it was read from.
    pub form: InputForm,
    /// The speaker whose words were graded, and how they were chosen.
    pub speaker: String,
    /// How the graded speaker was chosen.
    pub chosen_by: &'static str,
    /// The candidate's words.
    pub words: usize,
    /// The candidate's speaking time, seconds.
    pub speaking_seconds: f64,
    /// True when some speaking time was estimated at 150 words per minute (no timestamps).
    pub speaking_time_estimated: bool,
    /// Words per minute; null when nothing is timed (an estimate would only restate 150).
    pub pace_wpm: Option<f64>,
    /// Why `pace_wpm` is null although some speech is timed (under 10 s of it); absent
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pace_note: Option<String>,
    /// The candidate's turns, in order.
    pub turns: Vec<TurnDelivery>,
    /// The candidate's words per turn.
    pub words_per_turn: f64,
    /// Filler words (um, like, you know).
    pub fillers: Rate,
    /// Hedges (I think, maybe, sort of).
    pub hedges: Rate,
    /// Silences over 3 s between cues; null when the input has no end times to measure them.
    pub pauses: Option<Vec<Pause>>,
    /// Every speaker's share of the words.
    pub talk_share: Vec<Share>,
    /// The candidate's longest turn.
    pub longest_monologue: Option<TurnDelivery>,
    /// Each metric against its target range.
    pub checks: Vec<Check>,
}

/// One of the candidate's turns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TurnDelivery {
    /// The line the turn starts on.
    pub line: usize,
    /// Words in the turn.
    pub words: usize,
    /// Its length, seconds.
    pub seconds: f64,
    /// True when some of its time was estimated at 150 words per minute.
    pub estimated: bool,
    /// Words per minute in the turn.
    pub wpm: f64,
}

/// How often a kind of phrase occurs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rate {
    /// Occurrences in all.
    pub count: usize,
    /// Occurrences per 100 words.
    pub per_100_words: f64,
    /// Occurrences per minute of speech.
    pub per_minute: f64,
    /// The most frequent, most first: (phrase, count).
    pub top: Vec<(String, usize)>,
}

/// A silence over 3 s between two cues.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pause {
    /// The line of the cue after the silence.
    pub line: usize,
    /// How long the silence lasted, seconds.
    pub seconds: f64,
    /// Who spoke before it.
    pub before: String,
    /// Who spoke after it.
    pub after: String,
}

/// One speaker's share of the words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    /// The speaker.
    pub speaker: String,
    /// Their words.
    pub words: usize,
    /// Percent of all words spoken.
    pub share: f64,
    /// Their timed seconds; null when some of their cues are untimed.
    pub seconds: Option<f64>,
}

/// A delivery metric against its target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// The metric's name.
    pub metric: &'static str,
    /// Its value, one decimal.
    pub value: f64,
    /// Its target, in words.
    pub target: &'static str,
    /// True when the value is within the target.
    pub within: bool,
    /// What to change, when outside the target.
    pub note: Option<String>,
}

/// Seconds of a turn: its cues' durations, or its words at 150 per minute where a cue has
/// no timing. Returns (seconds, estimated).
fn turn_seconds(turn: &Turn, words_in: impl Fn(Span) -> usize) -> (f64, bool) {
    let mut seconds = 0.0;
    let mut estimated = false;
    for segment in &turn.segments {
        match segment.duration_ms() {
            Some(ms) if segment.end_ms >= segment.start_ms => seconds += ms as f64 / 1000.0,
            _ => {
                estimated = true;
                seconds += words_in(segment.span) as f64 * 60.0 / ESTIMATED_WPM;
            }
        }
    }
    (seconds, estimated)
}

fn per_minute(count: usize, seconds: f64) -> f64 {
    if seconds > 0.0 {
        count as f64 * 60.0 / seconds
    } else {
        0.0
    }
}

fn per_100(count: usize, words: usize) -> f64 {
    100.0 * count as f64 / words.max(1) as f64
}

fn rate(spans: &[Span], text: &str, words: usize, seconds: f64) -> Rate {
    Rate {
        count: spans.len(),
        per_100_words: round1(per_100(spans.len(), words)),
        per_minute: round1(per_minute(spans.len(), seconds)),
        top: most_frequent(spans, text, TOP),
    }
}

/// The `n` most frequent phrases among the spans (white space, case and apostrophes
/// folded), most frequent first, ties in alphabetical order.
pub(crate) fn most_frequent(spans: &[Span], text: &str, n: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for span in spans {
        let phrase = span
            .text(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace('\u{2019}', "'");
        *counts.entry(phrase).or_default() += 1;
    }
    let mut top: Vec<(String, usize)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top.truncate(n);
    top
}

/// Delivery metrics of a transcript; `None` for a written answer.
pub fn measure(document: &Document, analysis: &Analysis) -> Option<Delivery> {
    let transcript = document.transcript.as_ref()?;
    let text = document.graded_text();
    let words_in = |span: Span| {
        let from = analysis.words.partition_point(|w| w.start < span.start);
        let to = analysis.words.partition_point(|w| w.start < span.end);
        to - from
    };
    let mut turns = Vec::new();
    let mut estimated = false;
    let mut speaking_seconds = 0.0;
    for turn in transcript.candidate_turns() {
        let words = words_in(turn.span());
        let (seconds, turn_estimated) = turn_seconds(turn, words_in);
        estimated |= turn_estimated;
        speaking_seconds += seconds;
        turns.push(TurnDelivery {
            line: turn.line(),
            words,
            seconds: round1(seconds),
            estimated: turn_estimated,
            wpm: round1(per_minute(words, seconds)),
        });
    }
    let words = analysis.word_count();
    let (pace_wpm, pace_note) = pace(transcript, per_minute(words, speaking_seconds));
    let fillers = rate(&analysis.fillers, text, words, speaking_seconds);
    let hedges = rate(&analysis.hedges, text, words, speaking_seconds);

    let pauses = transcript.has_end_times.then(|| pauses(transcript));
    let talk_share = talk_share(transcript);
    let candidate_share = talk_share
        .iter()
        .find(|s| s.speaker == transcript.candidate)
        .map_or(0.0, |s| s.share);
    let longest_monologue = turns
        .iter()
        .rev()
        .max_by(|a, b| a.seconds.total_cmp(&b.seconds))
        .cloned();
    let words_per_turn = round1(words as f64 / turns.len().max(1) as f64);

    let checks = checks(
        pace_wpm,
        fillers.per_100_words,
        hedges.per_100_words,
        candidate_share,
        longest_monologue.as_ref().map(|m| m.seconds),
    );
    Some(Delivery {
        form: transcript.form,
        speaker: transcript.candidate.clone(),
        chosen_by: transcript.chosen_by.describe(),
        words,
        speaking_seconds: round1(speaking_seconds),
        speaking_time_estimated: estimated,
        pace_wpm: pace_wpm.map(round1),
        pace_note,
        turns,
        words_per_turn,
        fillers,
        hedges,
        pauses,
        talk_share,
        longest_monologue,
        checks,
    })
}

/// The overall pace, when at least [`MIN_PACE_SECONDS`] of the candidate's speech is
/// timed; else why not (nothing at all timed needs no note: the report says so).
fn pace(transcript: &Transcript, pace: f64) -> (Option<f64>, Option<String>) {
    let timed_ms = transcript
        .candidate_turns()
        .flat_map(|t| &t.segments)
        .filter_map(|s| s.duration_ms())
        .reduce(u64::saturating_add);
    match timed_ms.map(|ms| ms as f64 / 1000.0) {
        None => (None, None),
        Some(timed) if timed < MIN_PACE_SECONDS => (
            None,
            Some(format!(
                "only {timed:.1} s of speech is timed; pace needs at least {MIN_PACE_SECONDS:.0} s"
            )),
        ),
        Some(_) => (Some(pace), None),
    }
}

/// Silences over 3 s between consecutive cues, whoever speaks.
fn pauses(transcript: &Transcript) -> Vec<Pause> {
    let segments: Vec<(&str, &crate::document::transcript::Segment)> = transcript
        .turns
        .iter()
        .flat_map(|t| t.segments.iter().map(move |s| (t.speaker.as_str(), s)))
        .collect();
    segments
        .windows(2)
        .filter_map(|pair| {
            let ((before, a), (after, b)) = (pair[0], pair[1]);
            let gap = b.start_ms?.checked_sub(a.end_ms?)?;
            (gap > PAUSE_MS).then(|| Pause {
                line: b.line,
                seconds: round1(gap as f64 / 1000.0),
                before: before.to_owned(),
                after: after.to_owned(),
            })
        })
        .collect()
}

/// Each speaker's share of the words, with their timed seconds when every cue is timed.
fn talk_share(transcript: &Transcript) -> Vec<Share> {
    let by_speaker = transcript.words_by_speaker.clone();
    let all_words: usize = by_speaker.iter().map(|(_, w)| w).sum();
    // Timed milliseconds per speaker, None once any of their cues is untimed; one pass
    // over the turns, since a transcript may have thousands of speakers.
    let index: std::collections::HashMap<&str, usize> = by_speaker
        .iter()
        .enumerate()
        .map(|(i, (s, _))| (s.as_str(), i))
        .collect();
    let mut timed_ms: Vec<Option<u64>> = vec![Some(0); by_speaker.len()];
    for turn in &transcript.turns {
        let total = &mut timed_ms[index[turn.speaker.as_str()]];
        for segment in &turn.segments {
            *total = total.zip(segment.duration_ms()).map(|(a, b)| a + b);
        }
    }
    by_speaker
        .into_iter()
        .zip(timed_ms)
        .map(|((speaker, words), ms)| Share {
            share: round1(100.0 * words as f64 / all_words.max(1) as f64),
            speaker,
            words,
            seconds: ms.map(|ms| round1(ms as f64 / 1000.0)),
        })
        .collect()
}

/// Each measured metric against its target, as [`Metric::target`] states it. A delivery
/// check counts the bound itself as within (130 wpm is a fine pace; 50% is half the talk).
fn checks(
    pace: Option<f64>,
    fillers: f64,
    hedges: f64,
    share: f64,
    longest: Option<f64>,
) -> Vec<Check> {
    let low = |m: Metric| m.target().and_then(|t| t.low).unwrap_or(f64::NEG_INFINITY);
    let high = |m: Metric| m.target().and_then(|t| t.high).unwrap_or(f64::INFINITY);
    let mut checks = Vec::new();
    if let Some(pace) = pace {
        let (slow, fast) = (low(Metric::PaceWpm), high(Metric::PaceWpm));
        checks.push(check(
            Metric::PaceWpm,
            pace,
            (slow..=fast).contains(&round1(pace)),
            if pace < slow {
                "slower than a listener expects; cut the pauses inside sentences"
            } else {
                "faster than a listener can follow; slow down and let key numbers land"
            },
        ));
    }
    checks.extend([
        check(
            Metric::FillersPer100Words,
            fillers,
            fillers < high(Metric::FillersPer100Words),
            "too many fillers; pause silently instead of saying um or like",
        ),
        check(
            Metric::HedgesPer100Words,
            hedges,
            hedges < high(Metric::HedgesPer100Words),
            "many hedges; state what you know plainly and hedge only real uncertainty",
        ),
        check(
            Metric::TalkShare,
            share,
            share >= low(Metric::TalkShare),
            "the interviewer did most of the talking; give fuller answers",
        ),
    ]);
    if let Some(longest) = longest {
        checks.push(check(
            Metric::LongestMonologueSeconds,
            longest,
            longest <= high(Metric::LongestMonologueSeconds),
            "one turn runs over 3 minutes; stop and check in with the interviewer",
        ));
    }
    checks
}

fn check(metric: Metric, value: f64, within: bool, note: &str) -> Check {
    Check {
        metric: metric.name(),
        value: round1(value),
        target: metric.target().map_or("", |t| t.text),
        within,
        note: (!within).then(|| note.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, parse};

    #[test]
    fn timed_captions_give_pace_pauses_and_share() {
        let text = "1\n00:00:00,000 --> 00:00:02,000\nInterviewer: Pitch me a feature.\n\n2\n00:00:06,000 --> 00:00:12,000\nCandidate: A shared watchlist so um families stop arguing over what to watch tonight.\n\n3\n00:00:12,500 --> 00:00:17,000\nIt would lift the hours families watch together every single week.\n";
        let document = parse(text);
        let analysis = analyze(&document);
        let delivery = analysis.delivery.as_ref().unwrap();
        assert_eq!(delivery.speaker, "Candidate");
        assert_eq!(delivery.words, 24);
        assert_eq!(delivery.speaking_seconds, 10.5);
        assert!(!delivery.speaking_time_estimated);
        assert_eq!(delivery.pace_wpm, Some(137.1));
        assert_eq!(delivery.pace_note, None);
        assert_eq!(delivery.fillers.count, 1);
        let pauses = delivery.pauses.as_ref().unwrap();
        assert_eq!(pauses.len(), 1);
        assert_eq!((pauses[0].line, pauses[0].seconds), (6, 4.0));
        assert_eq!(delivery.talk_share[0].words, 4);
        assert!(
            delivery.checks.iter().all(|c| c.within),
            "{:?}",
            delivery.checks
        );
    }

    #[test]
    fn under_ten_seconds_of_timed_speech_gives_no_pace_and_says_why() {
        let text = "1\n00:00:00,000 --> 00:00:04,000\nCandidate: A shared watchlist so families stop arguing.\n\n2\n00:00:04,000 --> 00:00:08,000\nIt would lift the hours they watch together.\n";
        let delivery = analyze(&parse(text)).delivery.unwrap();
        assert_eq!(delivery.speaking_seconds, 8.0);
        assert_eq!(delivery.pace_wpm, None);
        assert_eq!(
            delivery.pace_note.as_deref(),
            Some("only 8.0 s of speech is timed; pace needs at least 10 s")
        );
        assert!(delivery.checks.iter().all(|c| c.metric != "pace-wpm"));
    }

    #[test]
    fn untimed_turns_are_estimated_at_150_words_a_minute() {
        let text = "Interviewer: Tell me about a failure.\nCandidate: I shipped a redesign without testing it and retention fell by two points.\n";
        let analysis = analyze(&parse(text));
        let delivery = analysis.delivery.unwrap();
        assert!(delivery.speaking_time_estimated);
        assert_eq!(delivery.pace_wpm, None);
        assert_eq!(delivery.speaking_seconds, 5.2);
        assert!(delivery.pauses.is_none());
    }
}
