//! Grades the held-out plain-words answers in `benches/holdout/` and prints how grade's
//! criterion scores agree with the team's judgement in `labels.txt`: the check on answers
//! the rubrics were never tuned on. Measure only; never tune on these answers.
//! `cargo run --release --example holdout -- [DIR]` (another folder of the same layout,
//! such as a probe set of your own, by its path). In `labels.txt` a token `!id` names a
//! mistake the answer really commits: any other mistake charged counts as a false one.

use grade::rubric::builtin;
use std::path::{Path, PathBuf};

/// A criterion counts as a gap when grade gives it under this share of its max.
const GAP_SHARE: f64 = 0.5;

/// The tallies over the whole folder.
#[derive(Default)]
struct Totals {
    gaps: usize,
    covered: usize,
    false_fired: usize,
    missed: usize,
}

/// One labelled line: the answer's file stem, its rubric, the expert's criterion levels and
/// the mistakes it commits.
struct Label<'a> {
    stem: &'a str,
    rubric_id: &'a str,
    expert: Vec<(&'a str, u32)>,
    commits: Vec<&'a str>,
}

fn parse_label(line: &str) -> Label<'_> {
    let mut fields = line.split_whitespace();
    let (Some(stem), Some(rubric_id)) = (fields.next(), fields.next()) else {
        panic!("labels.txt: `{line}` needs a file stem and a rubric id");
    };
    let (mut expert, mut commits) = (Vec::new(), Vec::new());
    for field in fields {
        if let Some(mistake) = field.strip_prefix('!') {
            commits.push(mistake);
        } else {
            let (id, score) = field.split_once('=').expect("criterion=score");
            expert.push((id, score.parse().expect("0, 1 or 2")));
        }
    }
    Label {
        stem,
        rubric_id,
        expert,
        commits,
    }
}

fn grade_one(dir: &Path, label: &Label<'_>, totals: &mut Totals) {
    let text = std::fs::read_to_string(dir.join(format!("{}.md", label.stem))).expect("answer");
    let rubric = builtin::load_builtin(label.rubric_id).expect("built-in rubric");
    let document = grade::parse(&text);
    let grade = grade::score(&document, &grade::analyze(&document), &rubric);
    let mut gaps = Vec::new();
    for (id, score) in &label.expert {
        let criterion = grade
            .criteria
            .iter()
            .find(|c| c.id == *id)
            .expect("criterion");
        if *score == 2 {
            totals.covered += 1;
            if criterion.score < GAP_SHARE * criterion.max {
                totals.gaps += 1;
                gaps.push(format!("{id} {:.1}/{:.0}", criterion.score, criterion.max));
            }
        }
    }
    let fired: Vec<&str> = grade.mistakes.iter().map(|m| m.id.as_str()).collect();
    let wrong: Vec<&str> = fired
        .iter()
        .copied()
        .filter(|id| !label.commits.contains(id))
        .collect();
    let missed: Vec<&str> = label
        .commits
        .iter()
        .copied()
        .filter(|id| !fired.contains(id))
        .collect();
    totals.false_fired += wrong.len();
    totals.missed += missed.len();
    println!(
        "{:<16} {:>5.1} {:<10} gaps: {:<48} false mistakes: {:<24} missed: {}",
        label.stem,
        grade.score,
        grade.band,
        gaps.join(", "),
        wrong.join(", "),
        missed.join(", ")
    );
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "benches/holdout".to_owned()),
    );
    let labels = std::fs::read_to_string(dir.join("labels.txt")).expect("labels.txt");
    let mut totals = Totals::default();
    for line in labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        grade_one(&dir, &parse_label(line), &mut totals);
    }
    println!(
        "covered criteria scored under half: {}/{} ({:.0}%); mistakes charged that the answers do not commit: {}; committed, missed: {}",
        totals.gaps,
        totals.covered,
        100.0 * totals.gaps as f64 / totals.covered.max(1) as f64,
        totals.false_fired,
        totals.missed
    );
}
