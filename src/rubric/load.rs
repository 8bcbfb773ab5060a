//! Loading a rubric: parse the TOML, check everything, report every problem with its
//! line:column and the id involved, and compile what passes.

use super::concepts;
use super::schema::{CriterionDef, MistakeDef, RubricFile, SignalDef};
use super::*;
use crate::error::RubricError;
use crate::rules::compile::{ConditionCompiler, Lists, Problems, SignalCompiler};
use crate::rules::signals;
use crate::text::phrase::Scans;
use std::collections::BTreeSet;
use toml::Spanned;

/// Bands used when a rubric declares none.
const DEFAULT_BANDS: &[(f64, &str)] = &[
    (75.0, "Strong"),
    (50.0, "Good"),
    (20.0, "Developing"),
    (0.0, "Weak"),
];

/// Parses and validates a rubric's TOML source, for grading many texts.
pub fn load(source: &str) -> Result<CompiledRubric, RubricError> {
    load_for(source, Scans::Many)
}

/// [`load`] with the rubric's automata built for `scans` texts: [`Scans::Few`] when one
/// answer is graded as a process, which pays for every automaton it builds.
pub fn load_for(source: &str, scans: Scans) -> Result<CompiledRubric, RubricError> {
    let mut problems = Problems::new(source);
    let file: RubricFile = match toml::from_str(source) {
        Ok(file) => file,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            problems.add(span, None, error.message().trim().to_owned());
            return Err(RubricError::Invalid {
                problems: problems.list,
            });
        }
    };
    // The built-in concepts' phrases, from build.rs: rubrics/concepts.toml is compiled in,
    // and tests/concepts.rs keeps it loading, so a rubric's load does not parse it again.
    let mut known = concepts::builtin_map();
    let own = concepts::compile(&file.concepts, &known, &mut problems);
    known.extend(own.iter().map(|c| (c.id.clone(), c.phrases.clone())));
    let mut lists = Lists::new(known);
    let rubric = compile(&file, &mut problems, &mut lists, scans);
    if problems.list.is_empty() {
        let matcher = PhraseMatcher::for_scans(lists.lists.iter(), scans);
        Ok(CompiledRubric {
            matcher,
            lists: lists.lists,
            readings: lists.readings,
            shown: lists.shown,
            concepts: own,
            ..rubric
        })
    } else {
        Err(RubricError::Invalid {
            problems: problems.list,
        })
    }
}

fn compile(
    file: &RubricFile,
    problems: &mut Problems,
    lists: &mut Lists,
    scans: Scans,
) -> CompiledRubric {
    let rubric_id = file.id.get_ref().as_str();
    if rubric_id.trim().is_empty() {
        problems.add(file.id.span(), None, "the rubric's `id` is empty");
    }
    if file.criteria.is_empty() {
        problems.add(
            0..0,
            Some(rubric_id),
            "a rubric needs at least one [[criterion]]",
        );
    }

    let bands = compile_bands(file, problems);
    let mut criterion_ids = BTreeSet::new();
    let mut criteria = Vec::new();
    for criterion in &file.criteria {
        let def = criterion.get_ref();
        let id = def.id.get_ref().as_str();
        if !criterion_ids.insert(id) {
            problems.add(def.id.span(), Some(id), "duplicate criterion id");
        }
        criteria.push(compile_criterion(def, problems, lists));
    }

    let mut mistake_ids = BTreeSet::new();
    let mut mistakes = Vec::new();
    for mistake in &file.mistakes {
        let def = mistake.get_ref();
        let id = def.id.get_ref().as_str();
        if !mistake_ids.insert(id) {
            problems.add(def.id.span(), Some(id), "duplicate mistake id");
        }
        mistakes.push(compile_mistake(def, &criteria, problems, lists));
    }

    let topic = file.topic.as_ref().map(|list| {
        problems.check_phrases(list, "topic", rubric_id);
        let (phrases, unknown) = lists.expand(list.get_ref());
        for name in unknown {
            problems.unknown_concept(&name, list.span(), rubric_id, &lists.concepts);
        }
        PhraseMatcher::for_scans([phrases.iter()], scans)
    });

    CompiledRubric {
        id: rubric_id.to_owned(),
        title: file.title.clone(),
        version: file.version,
        question: file.question.clone(),
        summary: file.summary.clone(),
        match_phrases: file.match_phrases.clone(),
        match_matcher: std::sync::OnceLock::new(),
        scans,
        topic,
        bands,
        criteria,
        mistakes,
        matcher: PhraseMatcher::new(std::iter::empty::<&[String]>()),
        lists: Vec::new(),
        readings: Vec::new(),
        shown: Vec::new(),
        concepts: Vec::new(),
    }
}

fn compile_bands(file: &RubricFile, problems: &mut Problems) -> Vec<Band> {
    if file.bands.is_empty() {
        return DEFAULT_BANDS
            .iter()
            .map(|&(min, label)| Band {
                min,
                label: label.to_owned(),
            })
            .collect();
    }
    let mut previous: Option<f64> = None;
    let mut bands = Vec::new();
    for band in &file.bands {
        let def = band.get_ref();
        let min = *def.min.get_ref();
        if !(0.0..=100.0).contains(&min) {
            problems.add(
                def.min.span(),
                Some(&def.label),
                "a band's `min` must be within 0–100",
            );
        }
        if previous.is_some_and(|p| min >= p) {
            problems.add(
                def.min.span(),
                Some(&def.label),
                "bands out of order: list them from the highest `min` to the lowest",
            );
        }
        previous = Some(min);
        bands.push(Band {
            min,
            label: def.label.clone(),
        });
    }
    bands
}

fn positive(problems: &mut Problems, value: &Spanned<f64>, id: &str, key: &str) {
    let v = *value.get_ref();
    if !(v > 0.0 && v.is_finite()) {
        problems.add(
            value.span(),
            Some(id),
            format!("`{key}` must be a positive number, not {v}"),
        );
    }
}

fn compile_criterion(def: &CriterionDef, problems: &mut Problems, lists: &mut Lists) -> Criterion {
    let id = def.id.get_ref().as_str();
    positive(problems, &def.weight, id, "weight");
    positive(problems, &def.max, id, "max");
    if def.signals.is_empty() {
        problems.add(
            def.id.span(),
            Some(id),
            "a criterion needs at least one [[criterion.signal]]",
        );
    }
    let mut signal_ids = BTreeSet::new();
    let signals = def
        .signals
        .iter()
        .filter_map(|signal| {
            let signal_id = signal.get_ref().id.get_ref().as_str();
            let qualified = format!("{id}.{signal_id}");
            if !signal_ids.insert(signal_id) {
                problems.add(
                    signal.get_ref().id.span(),
                    Some(&qualified),
                    "duplicate signal id in this criterion",
                );
            }
            load_signal(signal.get_ref(), &qualified, problems, lists)
        })
        .collect();
    let applies_to = match def
        .applies_to
        .as_ref()
        .map(|a| (a.get_ref().as_str(), a.span()))
    {
        None | Some(("any", _)) => AppliesTo::Any,
        Some(("transcript", _)) => AppliesTo::Transcript,
        Some(("written", _)) => AppliesTo::Written,
        Some((other, span)) => {
            problems.add(
                span,
                Some(id),
                format!(
                    "unknown `applies-to` value `{other}`; expected transcript, written or any"
                ),
            );
            AppliesTo::Any
        }
    };
    Criterion {
        id: id.to_owned(),
        name: def.name.clone(),
        weight: *def.weight.get_ref(),
        max: *def.max.get_ref(),
        advice: def.advice.clone(),
        applies_to,
        core: def.core,
        signals,
    }
}

/// Checks the keys every signal has, then hands its own keys to its kind's compile step.
fn load_signal(
    def: &SignalDef,
    id: &str,
    problems: &mut Problems,
    lists: &mut Lists,
) -> Option<Signal> {
    let at = def.kind.span();
    let kind_name = def.kind.get_ref().as_str();
    let Some(kind) = signals::find(kind_name) else {
        let names: Vec<&str> = signal_kinds().collect();
        problems.add(
            at,
            Some(id),
            format!(
                "unknown signal kind `{kind_name}`; expected one of: {}",
                names.join(", ")
            ),
        );
        return None;
    };
    // Keys given that this kind does not read are mistakes worth naming.
    let (keys, stray): (Vec<_>, Vec<_>) = def
        .keys
        .iter()
        .cloned()
        .partition(|(key, _)| (kind.keys)().contains(key));
    for (key, _) in stray {
        problems.add(
            at.clone(),
            Some(id),
            format!("`{key}` does not apply to a `{kind_name}` signal"),
        );
    }
    let points = *def.points.get_ref();
    if !(points > 0.0 && points.is_finite()) {
        problems.add(
            def.points.span(),
            Some(id),
            format!("`points` must be a positive number, not {points}"),
        );
    }
    let cap = def.cap.as_ref().map_or(1, |c| *c.get_ref());
    if cap == 0 {
        let span = def.cap.as_ref().map_or(at.clone(), |c| c.span());
        problems.add(span, Some(id), "`cap` must be at least 1");
    }
    let first_list = lists.len();
    let mut cx = SignalCompiler {
        problems,
        lists,
        id,
        at,
        keys,
    };
    let compiled = (kind.compile)(&mut cx)?;
    if def.negation_tolerant {
        lists.tolerate_negation_from(first_list);
    }
    let examples = def.examples.as_ref();
    Some(Signal {
        id: def.id.get_ref().clone(),
        kind: compiled,
        points,
        cap: cap.max(1),
        missing: def.missing.clone(),
        examples: Examples {
            hit: examples.map(|e| e.hit.clone()).unwrap_or_default(),
            miss: examples.map(|e| e.miss.clone()).unwrap_or_default(),
        },
    })
}

fn compile_mistake(
    def: &MistakeDef,
    criteria: &[Criterion],
    problems: &mut Problems,
    lists: &mut Lists,
) -> Mistake {
    let id = def.id.get_ref().as_str();
    positive(problems, &def.penalty, id, "penalty");
    let criteria: Vec<(&str, Vec<&str>)> = criteria
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.signals.iter().map(|s| s.id.as_str()).collect(),
            )
        })
        .collect();
    let first_list = lists.len();
    let mut cx = ConditionCompiler {
        problems,
        lists,
        id,
        criteria: &criteria,
    };
    let when = def.when.get_ref().compile(&mut cx);
    if def.counts_problems {
        lists.commit_problems_from(first_list);
    }
    if when.is_empty() {
        problems.add(
            def.when.span(),
            Some(id),
            "`when` needs at least one condition",
        );
    }
    Mistake {
        id: id.to_owned(),
        message: def.message.clone(),
        penalty: *def.penalty.get_ref(),
        advice: def.advice.clone(),
        when,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id = \"x\"\ntitle = \"X\"\n\n[[criterion]]\nid = \"c\"\nname = \"C\"\nweight = 1\nmax = 1\nadvice = \"a\"\n";

    #[test]
    fn metric_signals_and_applies_to_are_checked() {
        let good = format!(
            "{HEAD}applies-to = \"transcript\"\n\n  [[criterion.signal]]\n  id = \"s\"\n  kind = \"metric\"\n  metric = \"pace-wpm\"\n  above = 130\n  below = 175\n"
        );
        let rubric = load(&good).unwrap();
        assert_eq!(rubric.criteria[0].applies_to, AppliesTo::Transcript);
        let bad = format!(
            "{HEAD}applies-to = \"spoken\"\n\n  [[criterion.signal]]\n  id = \"s\"\n  kind = \"metric\"\n  metric = \"pace\"\n"
        );
        let Err(RubricError::Invalid { problems }) = load(&bad) else {
            panic!("should fail")
        };
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("10:14: `c`: unknown `applies-to`")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m
                    .starts_with("15:12: `c.s`: unknown metric `pace`; expected one of: words")),
            "{messages:?}"
        );
    }
}
