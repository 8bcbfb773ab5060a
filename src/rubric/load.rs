//! Loading a rubric: parse the TOML, check everything, report every problem with its
//! line:column and the id involved, and compile what passes.

use super::schema::{RubricFile, SignalDef, WhenDef};
use super::*;
use crate::error::{RubricError, RubricProblem};
use crate::span::LineIndex;
use regex::RegexBuilder;
use std::collections::BTreeSet;
use std::ops::Range;
use toml::Spanned;

/// Bands used when a rubric declares none.
const DEFAULT_BANDS: &[(f64, &str)] = &[
    (75.0, "Strong"),
    (50.0, "Good"),
    (20.0, "Developing"),
    (0.0, "Weak"),
];

struct Problems<'a> {
    source: &'a str,
    index: LineIndex,
    list: Vec<RubricProblem>,
}

impl Problems<'_> {
    fn add(&mut self, span: Range<usize>, id: Option<&str>, message: impl Into<String>) {
        let location = (span.start < span.end || span.start > 0)
            .then(|| self.index.line_col(self.source, span.start));
        self.list.push(RubricProblem {
            location,
            id: id.map(str::to_owned),
            message: message.into(),
        });
    }
}

/// Lists the rubric's phrase lists as they are compiled.
#[derive(Default)]
struct Lists {
    lists: Vec<Vec<String>>,
}

impl Lists {
    fn add(&mut self, phrases: &[String]) -> ListId {
        self.lists.push(phrases.to_vec());
        (self.lists.len() - 1) as ListId
    }
}

/// Parses and validates a rubric's TOML source.
pub fn load(source: &str) -> Result<CompiledRubric, RubricError> {
    let mut problems = Problems {
        source,
        index: LineIndex::new(source),
        list: Vec::new(),
    };
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
    let mut lists = Lists::default();
    let rubric = compile(&file, &mut problems, &mut lists);
    if problems.list.is_empty() {
        let matcher = PhraseMatcher::new(lists.lists.iter());
        Ok(CompiledRubric {
            matcher,
            lists: lists.lists,
            ..rubric
        })
    } else {
        Err(RubricError::Invalid {
            problems: problems.list,
        })
    }
}

fn compile(file: &RubricFile, problems: &mut Problems, lists: &mut Lists) -> CompiledRubric {
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
                compile_signal(signal.get_ref(), &qualified, problems, lists)
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
        criteria.push(Criterion {
            id: id.to_owned(),
            name: def.name.clone(),
            weight: *def.weight.get_ref(),
            max: *def.max.get_ref(),
            advice: def.advice.clone(),
            applies_to,
            signals,
        });
    }

    let mut mistake_ids = BTreeSet::new();
    let mut mistakes = Vec::new();
    for mistake in &file.mistakes {
        let def = mistake.get_ref();
        let id = def.id.get_ref().as_str();
        if !mistake_ids.insert(id) {
            problems.add(def.id.span(), Some(id), "duplicate mistake id");
        }
        positive(problems, &def.penalty, id, "penalty");
        let when = compile_when(&def.when, id, &criteria, problems, lists);
        mistakes.push(Mistake {
            id: id.to_owned(),
            message: def.message.clone(),
            penalty: *def.penalty.get_ref(),
            advice: def.advice.clone(),
            when,
        });
    }

    let topic = file.topic.as_ref().map(|list| {
        check_phrases(list, "topic", rubric_id, problems);
        PhraseMatcher::new([list.get_ref().iter()])
    });

    CompiledRubric {
        id: rubric_id.to_owned(),
        title: file.title.clone(),
        version: file.version,
        question: file.question.clone(),
        summary: file.summary.clone(),
        match_phrases: file.match_phrases.clone(),
        match_matcher: PhraseMatcher::new([file.match_phrases.iter()]),
        topic,
        bands,
        criteria,
        mistakes,
        matcher: PhraseMatcher::new(std::iter::empty::<Vec<String>>()),
        lists: Vec::new(),
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

/// Checks a phrase list (present, non-empty, no empty phrase) and adds it.
fn phrase_list(
    list: &Option<Spanned<Vec<String>>>,
    key: &str,
    id: &str,
    at: Range<usize>,
    problems: &mut Problems,
    lists: &mut Lists,
) -> Option<ListId> {
    let Some(list) = list else {
        problems.add(at, Some(id), format!("this signal kind needs `{key}`"));
        return None;
    };
    check_phrases(list, key, id, problems);
    Some(lists.add(list.get_ref()))
}

fn check_phrases(list: &Spanned<Vec<String>>, key: &str, id: &str, problems: &mut Problems) {
    if list.get_ref().is_empty() {
        problems.add(
            list.span(),
            Some(id),
            format!("`{key}` is an empty phrase list"),
        );
    }
    if list
        .get_ref()
        .iter()
        .any(|p| p.trim().trim_end_matches('*').trim().is_empty())
    {
        problems.add(
            list.span(),
            Some(id),
            format!("`{key}` holds an empty phrase"),
        );
    }
}

fn compile_signal(
    def: &SignalDef,
    id: &str,
    problems: &mut Problems,
    lists: &mut Lists,
) -> Option<Signal> {
    let at = def.kind.span();
    let kind_name = def.kind.get_ref().as_str();
    // Keys given that this kind does not read are mistakes worth naming.
    let given: [(&str, bool); 13] = [
        ("phrases", def.phrases.is_some()),
        ("with", def.with.is_some()),
        ("near", def.near.is_some()),
        ("to", def.to.is_some()),
        ("steps", def.steps.is_some()),
        ("units", def.units.is_some()),
        ("pattern", def.pattern.is_some()),
        ("min-words", def.min_words.is_some()),
        ("max-words", def.max_words.is_some()),
        ("above", def.above.is_some()),
        ("below", def.below.is_some()),
        ("min-count", def.min_count.is_some()),
        ("metric", def.metric.is_some()),
    ];
    let allowed: &[&str] = match kind_name {
        "phrases" => &["phrases"],
        "regex" => &["pattern"],
        "quantity" => &["near", "units"],
        "together" => &["phrases", "with"],
        "length" => &["min-words", "max-words"],
        "sequence" => &["steps"],
        "ratio" => &["phrases", "to", "above", "below", "min-count"],
        "metric" => &["metric", "above", "below"],
        other => {
            problems.add(
                at,
                Some(id),
                format!(
                    "unknown signal kind `{other}`; expected one of: {}",
                    SIGNAL_KINDS.join(", ")
                ),
            );
            return None;
        }
    };
    for (key, present) in given {
        if present && !allowed.contains(&key) {
            problems.add(
                at.clone(),
                Some(id),
                format!("`{key}` does not apply to a `{kind_name}` signal"),
            );
        }
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

    let kind = match kind_name {
        "phrases" => SignalKind::Phrases {
            list: phrase_list(&def.phrases, "phrases", id, at, problems, lists)?,
        },
        "regex" => {
            let Some(pattern) = &def.pattern else {
                problems.add(at, Some(id), "this signal kind needs `pattern`");
                return None;
            };
            match RegexBuilder::new(pattern.get_ref())
                .case_insensitive(true)
                .size_limit(1 << 22)
                .build()
            {
                Ok(regex) => SignalKind::Regex {
                    regex: Box::new(regex),
                },
                Err(error) => {
                    let message = error.to_string().replace('\n', "\n    ");
                    problems.add(
                        pattern.span(),
                        Some(id),
                        format!("invalid regex: {message}"),
                    );
                    return None;
                }
            }
        }
        "quantity" => {
            let near = phrase_list(&def.near, "near", id, at, problems, lists)?;
            let mut units = Vec::new();
            if let Some(names) = &def.units {
                for name in names.get_ref() {
                    match QuantityKind::from_name(name) {
                        Some(kind) => units.push(kind),
                        None => problems.add(
                            names.span(),
                            Some(id),
                            format!("unknown unit `{name}`; expected money, percent, multiplier, duration, count or year"),
                        ),
                    }
                }
            }
            SignalKind::Quantity { near, units }
        }
        "together" => SignalKind::Together {
            first: phrase_list(&def.phrases, "phrases", id, at.clone(), problems, lists)?,
            second: phrase_list(&def.with, "with", id, at, problems, lists)?,
        },
        "length" => {
            if def.min_words.is_none() && def.max_words.is_none() {
                problems.add(
                    at.clone(),
                    Some(id),
                    "a `length` signal needs `min-words` or `max-words`",
                );
            }
            if let (Some(min), Some(max)) = (def.min_words, def.max_words)
                && min > max
            {
                problems.add(at, Some(id), "`min-words` is above `max-words`");
            }
            SignalKind::Length {
                min_words: def.min_words,
                max_words: def.max_words,
            }
        }
        "sequence" => {
            let Some(steps) = &def.steps else {
                problems.add(at, Some(id), "this signal kind needs `steps`");
                return None;
            };
            if steps.get_ref().len() < 2 {
                problems.add(
                    steps.span(),
                    Some(id),
                    "a sequence needs at least two steps",
                );
            }
            let mut ids = Vec::new();
            for step in steps.get_ref() {
                if step.is_empty() || step.iter().any(|p| p.trim().is_empty()) {
                    problems.add(
                        steps.span(),
                        Some(id),
                        "a sequence step is an empty phrase list or holds an empty phrase",
                    );
                }
                ids.push(lists.add(step));
            }
            SignalKind::Sequence { steps: ids }
        }
        "ratio" => {
            if def.above.is_none() && def.below.is_none() {
                problems.add(
                    at.clone(),
                    Some(id),
                    "a `ratio` signal needs `above` or `below`",
                );
            }
            SignalKind::Ratio {
                of: phrase_list(&def.phrases, "phrases", id, at.clone(), problems, lists)?,
                to: phrase_list(&def.to, "to", id, at, problems, lists)?,
                above: def.above,
                below: def.below,
                min_count: def.min_count.unwrap_or(1),
            }
        }
        "metric" => {
            let Some(metric) = &def.metric else {
                problems.add(at, Some(id), "this signal kind needs `metric`");
                return None;
            };
            let Some(found) = crate::analysis::metrics::find(metric.get_ref()) else {
                let names: Vec<&str> = crate::analysis::metrics::METRICS
                    .iter()
                    .map(|m| m.name)
                    .collect();
                problems.add(
                    metric.span(),
                    Some(id),
                    format!(
                        "unknown metric `{}`; expected one of: {}",
                        metric.get_ref(),
                        names.join(", ")
                    ),
                );
                return None;
            };
            if def.above.is_none() && def.below.is_none() {
                problems.add(
                    at.clone(),
                    Some(id),
                    "a `metric` signal needs `above` or `below`",
                );
            }
            if let (Some(above), Some(below)) = (def.above, def.below)
                && above >= below
            {
                problems.add(at, Some(id), "`above` is not below `below`: no value fits");
            }
            SignalKind::Metric {
                name: found.name,
                above: def.above,
                below: def.below,
            }
        }
        _ => unreachable!("kind names were checked above"),
    };
    let examples = def.examples.as_ref();
    Some(Signal {
        id: def.id.get_ref().clone(),
        kind,
        points,
        cap: cap.max(1),
        missing: def.missing.clone(),
        examples: Examples {
            hit: examples.map(|e| e.hit.clone()).unwrap_or_default(),
            miss: examples.map(|e| e.miss.clone()).unwrap_or_default(),
        },
    })
}

fn compile_when(
    when: &Spanned<WhenDef>,
    id: &str,
    criteria: &[Criterion],
    problems: &mut Problems,
    lists: &mut Lists,
) -> Vec<Condition> {
    let def = when.get_ref();
    let mut conditions = Vec::new();
    if let Some(list) = &def.absent {
        check_phrases(list, "absent", id, problems);
        conditions.push(Condition::Absent(lists.add(list.get_ref())));
    }
    if let Some(list) = &def.present {
        check_phrases(list, "present", id, problems);
        conditions.push(Condition::Present(lists.add(list.get_ref())));
    }
    if let Some(ratio) = &def.ratio {
        check_phrases(&ratio.of, "ratio.of", id, problems);
        check_phrases(&ratio.to, "ratio.to", id, problems);
        conditions.push(Condition::Ratio {
            of: lists.add(ratio.of.get_ref()),
            to: lists.add(ratio.to.get_ref()),
            above: ratio.above,
            min_count: ratio.min_count.unwrap_or(1),
        });
    }
    if let Some(at_least) = &def.at_least {
        check_phrases(&at_least.phrases, "at-least.phrases", id, problems);
        if at_least.count == 0 {
            problems.add(
                at_least.phrases.span(),
                Some(id),
                "`at-least.count` must be at least 1",
            );
        }
        conditions.push(Condition::AtLeast(
            lists.add(at_least.phrases.get_ref()),
            at_least.count,
        ));
    }
    if let Some(n) = def.words_below {
        conditions.push(Condition::WordsBelow(n));
    }
    if let Some(n) = def.words_above {
        conditions.push(Condition::WordsAbove(n));
    }
    if let Some(names) = &def.missing_signals {
        let mut resolved = Vec::new();
        for name in names.get_ref() {
            let found = name.split_once('.').and_then(|(c, s)| {
                let ci = criteria.iter().position(|x| x.id == c)?;
                let si = criteria[ci].signals.iter().position(|x| x.id == s)?;
                Some((ci, si))
            });
            match found {
                Some(pair) => resolved.push(pair),
                None => problems.add(
                    names.span(),
                    Some(id),
                    format!("`missing-signals` names `{name}`, which is no `criterion.signal` of this rubric"),
                ),
            }
        }
        conditions.push(Condition::MissingSignals(resolved));
    }
    if conditions.is_empty() {
        problems.add(when.span(), Some(id), "`when` needs at least one condition");
    }
    conditions
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
