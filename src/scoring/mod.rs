//! Scoring: evaluates a compiled rubric's criteria against an analysis and returns a
//! [`Grade`] — every point with the sentences that earned it, what is missing with the
//! rubric's advice, the named mistakes, the overall score and band, and the next steps.

mod evidence;
pub mod examples;
mod flags;
mod grade;
mod not_counted;
pub mod route;
mod source;

pub use crate::rules::context::Discount;
pub use flags::{Flag, NEEDS_REVIEW};
pub use grade::*;
pub use source::{Source, SourceTurn};

use crate::analysis::Analysis;
use crate::document::{Document, TranscriptInfo};
use crate::rubric::{CompiledRubric, Criterion, Signal};
use crate::rules::conditions::Earned;
use crate::rules::context::Context;
use crate::rules::signals::Found;
use crate::text::span::Span;

/// How many next steps a report offers.
const NEXT_STEPS: usize = 3;

pub(crate) use crate::number::{round1, round2};

/// Grades an analysed document under a rubric.
pub fn score(document: &Document, analysis: &Analysis, rubric: &CompiledRubric) -> Grade {
    let context = Context::new(
        analysis,
        document.graded_text(),
        &rubric.matcher,
        &rubric.readings,
    );
    let quote = |sentence: usize, matched: &[Span]| quote(document, analysis, sentence, matched);

    let spoken = document.transcript.is_some();
    let mut criteria = Vec::with_capacity(rubric.criteria.len());
    let mut earned_in = vec![false; analysis.sentences.len()];
    for criterion in &rubric.criteria {
        criteria.push(grade_criterion(
            criterion,
            spoken,
            &context,
            &quote,
            &mut earned_in,
        ));
    }

    let earned = |c: usize, s: usize| criteria[c].signals.get(s).map(|s| s.earned);
    let mistakes: Vec<MistakeFound> = rubric
        .mistakes
        .iter()
        .filter(|m| m.when.iter().all(|c| c.holds(&context, &earned)))
        .map(|m| found(m, &context, &earned, &quote))
        .collect();

    let total = rubric.weighted_max_for(spoken);
    let weighted: f64 = criteria.iter().map(|c| c.weight * c.score).sum();
    let points = if total > 0.0 {
        100.0 * weighted / total
    } else {
        0.0
    };
    let penalties: f64 = mistakes.iter().map(|m| m.penalty).sum();
    let repetition = repetition_factor(analysis);
    let score = round1((points - penalties).clamp(0.0, 100.0) * repetition);
    let next_steps = next_steps(rubric, &criteria, &mistakes, total);
    let discounted = not_counted::list(document, analysis, &context, rubric, &earned_in);
    let flag_input = flags::Input::new(document, analysis, &context, rubric, &earned_in, &criteria);
    let flags = flags::detect(&flag_input);
    let band = if flags.is_empty() {
        rubric.band_for(score).to_owned()
    } else {
        NEEDS_REVIEW.to_owned()
    };

    Grade {
        schema: SCHEMA,
        file: None,
        selected: None,
        rubric: RubricRef {
            id: rubric.id.clone(),
            title: rubric.title.clone(),
            version: rubric.version,
        },
        question: document.front_matter.clone().and_then(|f| f.question),
        score,
        points: round1(points),
        penalties: round1(penalties),
        repetition_factor: round2(repetition),
        band,
        flags,
        criteria,
        mistakes,
        next_steps,
        discounted,
        stats: Stats::new(analysis),
        transcript: document.transcript.as_ref().map(TranscriptInfo::new),
        delivery: analysis.delivery.clone(),
        warnings: document.warnings.clone(),
        source: None,
    }
}

/// Evaluates a signal: what its kind finds, with at most `cap` sentences kept, the ones
/// that show it best.
fn evaluate(signal: &Signal, context: &Context) -> Found {
    let mut found = signal.kind.evaluate(context);
    if found.units.is_none() {
        evidence::keep_best(&mut found, signal.cap as usize, context);
    }
    found
}

/// Points earned: `points` per sentence up to `cap`, or per unit for whole-answer kinds,
/// up to the most units the kind can earn.
pub(crate) fn earned(found: &Found, signal: &Signal) -> f64 {
    let units = found.units.map_or_else(
        || (found.sentences.len() as u32).min(signal.cap),
        |units| units.min(signal.kind.max_units(signal.cap)),
    );
    signal.points * f64::from(units)
}

/// What to tell a criterion short of its max. The rubric's advice asks for all of the
/// criterion's ideas; once any signal has earned, it would ask for what the answer has, so
/// the advice is then what the signal furthest from its points still needs (the first of
/// equals), from its quoted sentence when it has one.
fn criterion_advice(criterion: &Criterion, signals: &[SignalGrade]) -> String {
    if signals.iter().all(|s| s.earned <= 0.0) {
        return criterion.advice.clone();
    }
    signals
        .iter()
        .filter(|s| s.missing.is_some())
        // `min_by` keeps the first of equals; comparing b to a puts the largest shortfall first.
        .min_by(|a, b| (b.max_points - b.earned).total_cmp(&(a.max_points - a.earned)))
        .and_then(|s| s.missing.clone())
        .unwrap_or_else(|| criterion.advice.clone())
}

/// What to add for a signal short of its points. With partial credit it starts from what
/// the answer already shows, so feedback never asks for what is there: "Beyond 12:3 (“the
/// main risk is…”), one more: Name a risk or a cost."
fn missing_line(signal: &Signal, evidence: &[Evidence]) -> String {
    let advice = signal
        .missing
        .clone()
        .unwrap_or_else(|| format!("No sentence shows `{}`.", signal.id));
    match evidence.last() {
        Some(shown) => format!(
            "Beyond {}:{} (“{}”), one more: {advice}",
            shown.line,
            shown.column,
            opening(&shown.quote)
        ),
        None => advice,
    }
}

/// The first words of a quote, enough to recognise the sentence.
fn opening(quote: &str) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = quote.split_whitespace().collect();
    if words.len() <= WORDS {
        quote.trim_end_matches('…').to_owned()
    } else {
        format!("{}…", words[..WORDS].join(" "))
    }
}

/// One criterion's grade: its signals' points and evidence, or, for a criterion that does not
/// apply to this form of answer, why it is left out. Marks the sentences that earned points.
fn grade_criterion(
    criterion: &Criterion,
    spoken: bool,
    context: &Context,
    quote: &dyn Fn(usize, &[Span]) -> Evidence,
    earned_in: &mut [bool],
) -> CriterionGrade {
    let applies = criterion.applies_to.applies(spoken);
    let mut signals = Vec::with_capacity(if applies { criterion.signals.len() } else { 0 });
    let mut sum = 0.0;
    for signal in criterion.signals.iter().filter(|_| applies) {
        let found = evaluate(signal, context);
        let earned = earned(&found, signal);
        sum += earned;
        if earned > 0.0 {
            for (sentence, _) in &found.sentences {
                earned_in[*sentence] = true;
            }
        }
        let evidence: Vec<Evidence> = found
            .sentences
            .iter()
            .map(|(sentence, matched)| quote(*sentence, matched))
            .collect();
        let missing = (earned < signal.max_points()).then(|| missing_line(signal, &evidence));
        signals.push(SignalGrade {
            id: signal.id.clone(),
            kind: signal.kind.name(),
            earned: round2(earned),
            max_points: round2(signal.max_points()),
            evidence,
            note: found.note,
            missing,
        });
    }
    // A left-out criterion scores 0 with no advice: it is not in this answer's total.
    let score = if applies { sum.min(criterion.max) } else { 0.0 };
    CriterionGrade {
        id: criterion.id.clone(),
        name: criterion.name.clone(),
        weight: criterion.weight,
        max: criterion.max,
        score: round2(score),
        advice: (applies && score < criterion.max).then(|| criterion_advice(criterion, &signals)),
        signals,
        left_out: (!applies).then(|| {
            format!(
                "applies only to {} answers; left out of the total",
                if spoken { "written" } else { "transcribed" }
            )
        }),
    }
}

/// Above this share of repeated sentences, an answer is mostly padding by repetition.
const REPETITION_SHARE: f64 = 0.25;

/// The share of sentences that are not repeats, when repeats dominate; else 1. Repeats
/// already earn nothing, but an answer that is mostly one sentence again and again should
/// not keep the score of that one sentence either.
fn repetition_factor(analysis: &Analysis) -> f64 {
    let total = analysis.sentences.len();
    if total == 0 {
        return 1.0;
    }
    let repeated = analysis.repeated_sentences as f64 / total as f64;
    if repeated > REPETITION_SHARE {
        1.0 - repeated
    } else {
        1.0
    }
}

/// The changes that would win the most points: missing signals (weighted by what their
/// criterion can still gain) and mistakes to remove. Ties keep rubric order.
fn next_steps(
    rubric: &CompiledRubric,
    criteria: &[CriterionGrade],
    mistakes: &[MistakeFound],
    total: f64,
) -> Vec<NextStep> {
    let mut steps: Vec<NextStep> = Vec::new();
    for mistake in mistakes {
        steps.push(NextStep {
            gain: round1(mistake.penalty),
            criterion: None,
            signal: None,
            action: mistake
                .advice
                .clone()
                .unwrap_or_else(|| format!("Fix: {}", mistake.message)),
        });
    }
    for (criterion, graded) in rubric.criteria.iter().zip(criteria) {
        let room = criterion.max - graded.score;
        if room <= 0.0 || total <= 0.0 || graded.left_out.is_some() {
            continue;
        }
        for signal in &graded.signals {
            let short = signal.max_points - signal.earned;
            if short <= 0.0 {
                continue;
            }
            let gain = 100.0 * criterion.weight * short.min(room) / total;
            let action = signal.missing.clone().unwrap_or_default();
            steps.push(NextStep {
                gain: round1(gain),
                criterion: Some(criterion.id.clone()),
                signal: Some(signal.id.clone()),
                action,
            });
        }
    }
    // Stable: equal gains keep mistakes first, then rubric order.
    steps.sort_by(|a, b| b.gain.total_cmp(&a.gain));
    steps.truncate(NEXT_STEPS);
    steps
}

/// Longest quote shown, in characters; longer sentences are cut at a word boundary.
const QUOTE_CHARS: usize = 160;

/// At most this many sentences are quoted as where a mistake was said, the earliest: enough
/// to find it, few enough that a mistake said throughout does not fill the report.
pub const SAID_IN_MAX: usize = 3;

/// A mistake the answer makes, with the sentences that commit it.
fn found(
    mistake: &crate::rubric::Mistake,
    context: &Context,
    earned: &Earned,
    quote: &dyn Fn(usize, &[Span]) -> Evidence,
) -> MistakeFound {
    MistakeFound {
        id: mistake.id.clone(),
        message: mistake.message.clone(),
        penalty: mistake.penalty,
        advice: mistake.advice.clone(),
        said_in: said_in(mistake, context, earned, quote),
    }
}

/// The sentences that commit a mistake: the asserted hits each of its conditions says made
/// it hold (its `said_in`), one quote per sentence with every phrase of theirs in it, the
/// earliest [`SAID_IN_MAX`]. None for a mistake of absence or of the whole answer (a ratio,
/// a length, no numbers).
fn said_in(
    mistake: &crate::rubric::Mistake,
    context: &Context,
    earned: &Earned,
    quote: &dyn Fn(usize, &[Span]) -> Evidence,
) -> Vec<Evidence> {
    let mut hits: Vec<(usize, Span)> = mistake
        .when
        .iter()
        .flat_map(|c| c.said_in(context, earned))
        .map(|h| (h.sentence, h.span))
        .collect();
    // Two conditions may read one list: each phrase once, in document order.
    hits.sort_unstable_by_key(|&(sentence, span)| (sentence, span.start, span.end));
    hits.dedup();
    let mut said: Vec<(usize, Vec<Span>)> = Vec::new();
    for (sentence, span) in hits {
        let full = said.len() == SAID_IN_MAX;
        match said.last_mut() {
            Some((last, spans)) if *last == sentence => spans.push(span),
            _ if full => break,
            _ => said.push((sentence, vec![span])),
        }
    }
    said.iter()
        .map(|(sentence, spans)| quote(*sentence, spans))
        .collect()
}

pub(crate) fn quote(
    document: &Document,
    analysis: &Analysis,
    sentence: usize,
    matched: &[Span],
) -> Evidence {
    let span = analysis.sentences[sentence].span;
    let text = span.text(document.graded_text());
    let mut quote = single_spaced(text);
    if quote.chars().count() > QUOTE_CHARS {
        let cut = quote
            .char_indices()
            .take_while(|&(i, _)| i < QUOTE_CHARS)
            .filter(|&(_, c)| c == ' ')
            .map(|(i, _)| i)
            .last()
            .unwrap_or(QUOTE_CHARS.min(quote.len()));
        let cut = (0..=cut)
            .rev()
            .find(|&i| quote.is_char_boundary(i))
            .unwrap_or(0);
        quote.truncate(cut);
        quote.push('…');
    }
    let position = document.line_index.line_col(&document.text, span.start);
    Evidence {
        line: position.line,
        column: position.column,
        quote,
        matched: matched
            .iter()
            .map(|m| single_spaced(m.text(document.graded_text())))
            .collect(),
    }
}

/// `text`'s words joined by single spaces, as `split_whitespace` and `join(" ")` give them:
/// an ASCII text (nearly every sentence) is cut at ASCII white space byte by byte, with no
/// vector of words; any other goes through `split_whitespace`.
fn single_spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if !text.is_ascii() {
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        return out;
    }
    // The test `split_whitespace` makes, asked of an ASCII byte (\x0b is white space).
    let space = |b: &u8| char::from(*b).is_whitespace();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let start = at + bytes[at..].iter().take_while(|b| space(b)).count();
        let end = start + bytes[start..].iter().take_while(|b| !space(b)).count();
        if start < end {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text[start..end]);
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::conditions::test::rubric;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn single_spaced_is_split_and_joined(
            text in "(a|Bc|\\.|,| |  |\t|\n|\r\n|\u{b}|\u{c}|\u{a0}|\u{2009}|é){0,30}"
        ) {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(super::single_spaced(&text), joined);
        }
    }

    fn said_in(condition: &str, text: &str) -> Vec<(usize, usize)> {
        let rubric = crate::rubric::load(&rubric(condition)).unwrap();
        let grade = crate::grade_text(text, &rubric);
        assert_eq!(grade.mistakes.len(), 1, "the mistake fires");
        grade.mistakes[0]
            .said_in
            .iter()
            .map(|e| (e.line, e.column))
            .collect()
    }

    #[test]
    fn a_mistake_is_placed_on_the_sentences_that_commit_it() {
        let text = "I would never say take it or leave it to them.\nThen I told them to take it or leave it, and waited.";
        assert_eq!(
            said_in("present = [\"take it or leave it\"]", text),
            [(2, 1)]
        );
        let absent = "We looked at the numbers for a week and then decided together.";
        assert!(
            said_in("absent = [\"retention\"]", absent).is_empty(),
            "an absence has no sentence"
        );
        let ratio = "We built it. We shipped it. We tested it. We fixed it. We grew it. I led it.";
        let compared = "ratio = { of = [\"we\"], to = [\"i\"], above = 2.0, min-count = 3 }";
        assert!(
            said_in(compared, ratio).is_empty(),
            "proportions belong to the whole answer"
        );
    }

    #[test]
    fn an_unfollowed_mistake_quotes_what_was_said_not_the_follow_up() {
        let when = "unfollowed = { phrases = [\"lesson\"], by = [\"since then\"] }";
        // The follow-up comes before the lesson, so it does not count, and is not quoted.
        let text = "Since then I check the logs daily.\nThe lesson is to watch the logs.";
        assert_eq!(said_in(when, text), [(2, 1)]);
    }

    #[test]
    fn at_most_three_sentences_the_earliest() {
        let when = "at-least = { phrases = [\"synergy\"], count = 2 }";
        let text = "Synergy first, for all of us.\nMore synergy in the plan.\nSynergy and synergy again here.\nThen synergy at the end too.";
        assert_eq!(said_in(when, text), [(1, 1), (2, 1), (3, 1)]);
    }
}
