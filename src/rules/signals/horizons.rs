//! `horizons`: a short stretch of time set against a long one, in one sentence or two in a
//! row, read from the durations the answer names.

use super::{Found, Kind};
use crate::analysis::time_spans::{TimeSpan, time_spans};
use crate::rules::compile::{ListId, PhraseList, SignalCompiler};
use crate::rules::context::Context;
use crate::text::span::Span;
use schemars::JsonSchema;
use serde::Deserialize;

/// The keys of a `horizons` signal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HorizonsDef {
    /// A stretch of at most this many days is the short one (default 14).
    #[serde(default)]
    pub short_days: Option<u32>,
    /// A stretch of at least this many days is the long one (default 60).
    #[serde(default)]
    pub long_days: Option<u32>,
    /// What the stretches must be about: one of the contrast's sentences holds one of
    /// these phrases. Optional.
    #[serde(default)]
    #[schemars(with = "Option<PhraseList>")]
    pub about: Option<Vec<String>>,
}

/// ## What it does
/// Earns `points` for each place, up to `cap`, where the answer sets a short stretch of
/// time against a long one: "this week" and "over a season", "three months, not three
/// days", "short-term it rose; over ten weeks people left", in one sentence or in two
/// sentences in a row. The stretches are read from the words (a number or "a", "this",
/// "next" before a day, week, month, quarter, season or year; "month four"; "right now";
/// "short term", "long run"), not from a phrase list. A stretch of four weeks or more is
/// also long against a short one a quarter of its length or less ("week one … by week
/// four"): the first days set against a month on.
///
/// ## Why
/// Weighing now against later is an argument about time, and people make it in their own
/// words: a list of "short term" and "long term" misses "the first week looks great, but
/// by month four they are gone". Durations say it whatever the wording.
///
/// ## Keys
/// - `short-days`: the longest stretch that counts as short (default 14).
/// - `long-days`: the shortest stretch that counts as long (default 60).
/// - `about` (optional): phrases one of the contrast's sentences must hold, so that the
///   stretches time what the rubric judges ("the first week lifts upgrades, by month
///   three they cancel") and not a hobby ("over a few seasons … a few days earlier").
///
/// ## Example
/// ```toml
/// kind = "horizons"
/// short-days = 14
/// long-days = 90
/// about = ["@retention", "revenue"]
/// ```
#[derive(Clone, Debug)]
pub struct Horizons {
    short_days: f64,
    long_days: f64,
    about: Option<ListId>,
}

impl Kind for Horizons {
    const NAME: &'static str = "horizons";
    const SUMMARY: &'static str =
        "A short stretch of time set against a long one, in one sentence or two in a row.";
    type Def = HorizonsDef;

    fn compile(def: HorizonsDef, cx: &mut SignalCompiler) -> Option<Self> {
        let short_days = def.short_days.unwrap_or(14);
        let long_days = def.long_days.unwrap_or(60);
        if short_days >= long_days {
            cx.problem(
                cx.span("long-days"),
                format!("`long-days` ({long_days}) must be more than `short-days` ({short_days})"),
            );
            return None;
        }
        let about = match def.about {
            Some(list) => Some(cx.phrases(Some(&list), "about")?),
            None => None,
        };
        Some(Horizons {
            short_days: f64::from(short_days),
            long_days: f64::from(long_days),
            about,
        })
    }

    fn evaluate(&self, context: &Context) -> Found {
        let analysis = context.analysis;
        let (mut sentences, mut contrasts) = (Vec::<(usize, Vec<Span>)>::new(), 0);
        // The stretches of the sentence before, unless it joined a contrast.
        let mut before: Option<(usize, Vec<TimeSpan>)> = None;
        for (index, sentence) in analysis.sentences.iter().enumerate() {
            if !context.counts(index) {
                before = None;
                continue;
            }
            let spans = time_spans(context.text, &analysis.words[sentence.words.clone()]);
            if self.contrast(&spans, &spans) && self.is_about(context, &[index]) {
                contrasts += 1;
                sentences.push((index, self.marked(&spans)));
                before = None;
                continue;
            }
            let paired = before.take().filter(|(previous, earlier)| {
                (self.contrast(earlier, &spans) || self.contrast(&spans, earlier))
                    && self.is_about(context, &[*previous, index])
            });
            match paired {
                Some((previous, earlier)) => {
                    contrasts += 1;
                    sentences.push((previous, self.marked(&earlier)));
                    sentences.push((index, self.marked(&spans)));
                }
                None => before = Some((index, spans)),
            }
        }
        Found {
            units: Some(contrasts),
            sentences,
            note: None,
        }
    }

    fn describe(&self, lists: &[Vec<String>]) -> String {
        let mut text = format!(
            "a stretch of {} days or less set against one of {} days or more, or of {} days \
             or more and {} times the short one",
            self.short_days, self.long_days, LONG_AGAINST_SHORT_MIN_DAYS, LONG_AGAINST_SHORT_FACTOR
        );
        if let Some(about) = self.about {
            text.push_str("\n      about one of: ");
            text.push_str(&lists[about as usize].join(", "));
        }
        text
    }
}

/// A later stretch at least this many times a short one is long against it ("week one …
/// by week four"), when it also reaches [`LONG_AGAINST_SHORT_MIN_DAYS`]: a first week set
/// against a month is the novelty that fades, whatever the rubric's `long-days`.
const LONG_AGAINST_SHORT_FACTOR: f64 = 4.0;

/// The least a stretch must reach to be long against a short one by the factor alone.
const LONG_AGAINST_SHORT_MIN_DAYS: f64 = 28.0;

impl Horizons {
    /// True when `shorts` holds a short stretch and `longs` one that is long against it.
    fn contrast(&self, shorts: &[TimeSpan], longs: &[TimeSpan]) -> bool {
        shorts.iter().filter(|s| s.days <= self.short_days).any(|short| {
            longs.iter().any(|long| {
                long.days >= self.long_days
                    || (long.days >= LONG_AGAINST_SHORT_MIN_DAYS
                        && long.days >= LONG_AGAINST_SHORT_FACTOR * short.days)
            })
        })
    }

    /// The stretches of a sentence that a contrast may be made of: the short ones and
    /// those of four weeks or more, in order.
    fn marked(&self, spans: &[TimeSpan]) -> Vec<Span> {
        let (short, long): (Vec<&TimeSpan>, Vec<&TimeSpan>) = (
            spans.iter().filter(|t| t.days <= self.short_days).collect(),
            spans
                .iter()
                .filter(|t| t.days >= self.long_days.min(LONG_AGAINST_SHORT_MIN_DAYS))
                .collect(),
        );
        short.into_iter().chain(long).map(|t| t.span).collect()
    }

    /// Whether one of `sentences` holds a phrase of `about`, or there is no `about`.
    fn is_about(&self, context: &Context, sentences: &[usize]) -> bool {
        self.about.is_none_or(|about| {
            sentences
                .iter()
                .any(|&sentence| context.hit_in(about, sentence).is_some())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test::{assert_problems, assert_signal};

    const SIGNAL: &str = "kind = \"horizons\"\ncap = 2";

    #[test]
    fn a_short_and_a_long_stretch_in_one_sentence_or_two() {
        assert_signal(SIGNAL, "I would follow both groups for three months, not three days.", 1);
        assert_signal(
            SIGNAL,
            "Short-term, finished series went up by a lot. Over ten weeks, more people left.",
            1,
        );
        assert_signal(SIGNAL, "It looks great right now, but they leave in month four.", 1);
        // Four weeks against one: long against it, though under `long-days`.
        assert_signal(
            SIGNAL,
            "It won in week one, but by week four people were opening the app less.",
            1,
        );
        assert_signal(SIGNAL, "The first week looked fine. A month later they had left.", 1);
    }

    #[test]
    fn stretches_of_one_length_or_far_apart_are_no_contrast() {
        assert_signal(SIGNAL, "We ran it for two weeks and read it after a week.", 0);
        // A month against two weeks: twice as long, not four times.
        assert_signal(SIGNAL, "We ran it for two weeks and read it after a month.", 0);
        assert_signal(SIGNAL, "We ran it for a quarter and read it after a year.", 0);
        assert_signal(
            SIGNAL,
            "We read it after a week. The design is simple. The team took a year.",
            0,
        );
    }

    #[test]
    fn each_contrast_counts_once_up_to_cap() {
        let text = "The first week looks good. A year on, they are gone. This week it rose, over a season it fell.";
        assert_signal(SIGNAL, text, 2);
        assert_signal("kind = \"horizons\"", text, 1);
    }

    #[test]
    fn with_about_the_contrast_must_hold_one_of_its_phrases() {
        let signal = "kind = \"horizons\"\nabout = [\"cancel\"]";
        assert_signal(signal, "The first week looks good, but by month four they cancel.", 1);
        assert_signal(signal, "The first week looks good. By month four, they cancel.", 1);
        assert_signal(signal, "Over a few seasons it grew. It now arrives a few days earlier.", 0);
    }

    #[test]
    fn the_bounds_must_leave_room_between_them() {
        assert_problems(
            "kind = \"horizons\"\nshort-days = 30\nlong-days = 30",
            &["15:15: `c.s`: `long-days` (30) must be more than `short-days` (30)"],
        );
    }
}
