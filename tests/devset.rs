//! The outside check: ../shared/dev-set holds answers written outside the team, labelled by
//! an expert's tier (labels.csv: 3 strong, 2 medium, 1 weak) and, per criterion, by the
//! expert's 0 missing / 1 partial / 2 covered, with the mistakes each answer really commits
//! (criteria.csv, the long form `grade calibrate` reads). Prints per rubric and overall:
//! criterion kappa, false gaps, mistakes fired but not committed and committed but missed,
//! how often the first next step is on a real gap, pairs ordered and Spearman; and enforces
//! the floors. Skipped, and says so, where the folder does not exist.

mod common;

use common::devset::{Answer, folder, load};
use grade::calibrate::stats::{pairs_ordered, quadratic_weighted_kappa, spearman};
use grade::calibrate::to_scale;
use std::collections::BTreeMap;

/// Least criterion kappa, over every judged criterion of every answer.
const MIN_KAPPA: f64 = 0.70;
/// Most share of covered criteria (expert 2) that grade scores under half their max.
const MAX_FALSE_GAPS: f64 = 0.10;
/// A criterion under this share of its max is reported as missing or weak: a false gap
/// when the expert marked it covered.
const GAP_SHARE: f64 = 0.5;
/// Least share of cross-tier pairs ordered, per rubric.
const MIN_PAIRS: f64 = 0.95;

/// Floors the engine does not meet yet, by name as the test prints them. The test prints
/// each as "FLOOR NOT MET" instead of failing, and fails when one of them is met: remove it
/// then, so that the list only shrinks.
const NOT_YET_MET: &[&str] = &[];

/// The figures of a set of answers (one rubric, or all).
struct Figures {
    kappa: Option<f64>,
    /// (covered criteria scored under half, covered criteria).
    false_gaps: (usize, usize),
    /// (file, mistake id).
    fired_not_committed: Vec<(String, String)>,
    committed_missed: Vec<(String, String)>,
    /// (answers whose first criterion step is on a criterion the expert marked below 2,
    /// answers with a criterion step).
    first_step_on_a_gap: (usize, usize),
    pairs: Option<f64>,
    spearman: Option<f64>,
}

impl Figures {
    fn of(answers: &[&Answer]) -> Figures {
        let judged: Vec<_> = answers.iter().flat_map(|a| &a.criteria).collect();
        let expert: Vec<i64> = judged.iter().map(|c| c.expert).collect();
        let mapped: Vec<i64> = judged
            .iter()
            .map(|c| to_scale(c.share, 1.0, (0, 2)))
            .collect();
        let covered: Vec<_> = judged.iter().filter(|c| c.expert == 2).collect();
        let gaps = covered.iter().filter(|c| c.share < GAP_SHARE).count();
        let difference = |of: &Vec<String>, not_in: &Vec<String>, file: &str| {
            of.iter()
                .filter(|m| !not_in.contains(m))
                .map(|m| (file.to_owned(), m.clone()))
                .collect::<Vec<_>>()
        };
        let steps: Vec<bool> = answers
            .iter()
            .filter_map(|a| a.first_step_on_a_gap)
            .collect();
        let tiers: Vec<f64> = answers.iter().map(|a| a.tier).collect();
        let scores: Vec<f64> = answers.iter().map(|a| a.score).collect();
        Figures {
            kappa: quadratic_weighted_kappa(&expert, &mapped, 0, 2),
            false_gaps: (gaps, covered.len()),
            fired_not_committed: answers
                .iter()
                .flat_map(|a| difference(&a.fired, &a.committed, &a.file))
                .collect(),
            committed_missed: answers
                .iter()
                .flat_map(|a| difference(&a.committed, &a.fired, &a.file))
                .collect(),
            first_step_on_a_gap: (steps.iter().filter(|&&s| s).count(), steps.len()),
            pairs: pairs_ordered(&tiers, &scores),
            spearman: spearman(&tiers, &scores),
        }
    }

    fn false_gap_rate(&self) -> f64 {
        self.false_gaps.0 as f64 / self.false_gaps.1.max(1) as f64
    }

    /// One line of the table.
    fn line(&self, name: &str) -> String {
        let opt = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"));
        let share = |(hit, of): (usize, usize)| format!("{hit}/{of}");
        format!(
            "{name:<20} {:>6} {:>7} {:>5.0}% {:>6} {:>6} {:>7} {:>6} {:>8}",
            opt(self.kappa),
            share(self.false_gaps),
            self.false_gap_rate() * 100.0,
            self.fired_not_committed.len(),
            self.committed_missed.len(),
            share(self.first_step_on_a_gap),
            opt(self.pairs),
            opt(self.spearman),
        )
    }
}

/// The table's header, aligned with [`Figures::line`].
fn header() -> String {
    format!(
        "{:<20} {:>6} {:>14} {:>6} {:>6} {:>7} {:>6} {:>8}",
        "rubric", "kappa", "false gaps", "fired", "missed", "on gap", "pairs", "spearman"
    )
}

/// A floor, whether it is met, and the figure it was judged on.
struct Floor {
    name: String,
    met: bool,
    figure: String,
}

fn floors(overall: &Figures, by_rubric: &BTreeMap<String, Figures>) -> Vec<Floor> {
    let mut out = vec![
        Floor {
            name: "no mistake fired that is not committed".to_owned(),
            met: overall.fired_not_committed.is_empty(),
            figure: format!("{} fired", overall.fired_not_committed.len()),
        },
        Floor {
            name: format!("false gaps at most {:.0}%", MAX_FALSE_GAPS * 100.0),
            met: overall.false_gap_rate() <= MAX_FALSE_GAPS,
            figure: format!("{:.0}%", overall.false_gap_rate() * 100.0),
        },
        Floor {
            name: format!("criterion kappa at least {MIN_KAPPA:.2} overall"),
            met: overall.kappa.is_some_and(|k| k >= MIN_KAPPA),
            figure: format!("{:.2}", overall.kappa.unwrap_or(f64::NAN)),
        },
    ];
    for (rubric, figures) in by_rubric {
        out.push(Floor {
            name: format!("pairs ordered at least {MIN_PAIRS:.2}: {rubric}"),
            met: figures.pairs.is_some_and(|p| p >= MIN_PAIRS),
            figure: format!("{:.2}", figures.pairs.unwrap_or(f64::NAN)),
        });
    }
    out
}

/// The failures: a floor broken and not listed in NOT_YET_MET, a listed floor that is met,
/// and a listed name that is no floor. Prints the listed floors still broken.
fn judge(floors: &[Floor]) -> Vec<String> {
    let mut failures = Vec::new();
    for floor in floors {
        let listed = NOT_YET_MET.contains(&floor.name.as_str());
        match (floor.met, listed) {
            (false, true) => println!("FLOOR NOT MET: {} ({})", floor.name, floor.figure),
            (false, false) => {
                failures.push(format!("floor broken: {} ({})", floor.name, floor.figure))
            }
            (true, true) => failures.push(format!(
                "floor met, remove it from NOT_YET_MET: {} ({})",
                floor.name, floor.figure
            )),
            (true, false) => {}
        }
    }
    for name in NOT_YET_MET {
        if !floors.iter().any(|f| f.name == *name) {
            failures.push(format!("NOT_YET_MET names no floor: {name}"));
        }
    }
    failures
}

/// Each false gap (expert 2, grade under half), so that a change can be judged on them.
fn print_false_gaps(answers: &[Answer]) {
    for answer in answers {
        for c in answer
            .criteria
            .iter()
            .filter(|c| c.expert == 2 && c.share < GAP_SHARE)
        {
            println!(
                "dev-set: false gap: {} {} expert {} grade {:.2}",
                answer.file, c.id, c.expert, c.share
            );
        }
    }
}

/// With DEVSET_ALL set, every criterion where grade's mapped 0/1/2 differs from the
/// expert's: what the kappa is made of.
fn print_all(answers: &[Answer]) {
    if std::env::var_os("DEVSET_ALL").is_none() {
        return;
    }
    for answer in answers {
        for c in &answer.criteria {
            let m = to_scale(c.share, 1.0, (0, 2));
            if m != c.expert {
                println!(
                    "DIS {} {} expert {} grade {} ({:.2})",
                    answer.file, c.id, c.expert, m, c.share
                );
            }
        }
    }
}

fn print_mistakes(overall: &Figures) {
    for (label, list) in [
        ("fired, not committed", &overall.fired_not_committed),
        ("committed, missed", &overall.committed_missed),
    ] {
        for (file, id) in list {
            println!("dev-set: mistake {label}: {file} {id}");
        }
    }
}

#[test]
fn grade_agrees_with_the_expert_on_the_outside_answers() {
    let Some(answers) = load(&folder()) else {
        println!("dev-set: skipped, {} does not exist", folder().display());
        return;
    };
    let mut grouped: BTreeMap<String, Vec<&Answer>> = BTreeMap::new();
    for answer in &answers {
        grouped
            .entry(answer.rubric.clone())
            .or_default()
            .push(answer);
    }
    let by_rubric: BTreeMap<String, Figures> = grouped
        .iter()
        .map(|(rubric, answers)| (rubric.clone(), Figures::of(answers)))
        .collect();
    let mut overall = Figures::of(&answers.iter().collect::<Vec<_>>());
    // Scores of different rubrics do not compare: overall, pairs and Spearman are the
    // means of the rubrics' figures, as before.
    let mean = |f: fn(&Figures) -> Option<f64>| {
        let values: Vec<f64> = by_rubric.values().map(|x| f(x).unwrap_or(0.0)).collect();
        Some(values.iter().sum::<f64>() / values.len().max(1) as f64)
    };
    overall.pairs = mean(|f| f.pairs);
    overall.spearman = mean(|f| f.spearman);
    println!("{}", header());
    for (rubric, figures) in &by_rubric {
        println!("{}", figures.line(rubric));
    }
    println!("{}", overall.line("overall"));
    println!(
        "(false gaps: expert 2, grade under half; fired: not committed; missed: committed; on gap: first next step on a criterion the expert marked below 2; overall pairs and spearman: mean per rubric)"
    );
    print_false_gaps(&answers);
    print_all(&answers);
    print_mistakes(&overall);
    // Every dev-set answer was written in earnest: no flag may fire on any of them.
    let flagged: Vec<String> = answers
        .iter()
        .filter(|a| !a.flags.is_empty())
        .map(|a| format!("{}: {:?}", a.file, a.flags))
        .collect();
    assert!(flagged.is_empty(), "flags on dev-set answers: {flagged:?}");
    let failures = judge(&floors(&overall, &by_rubric));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
