//! Grades the held-out plain-words answers in `benches/holdout/` and prints how grade agrees
//! with the team's judgement in `labels.txt`: covered criteria scored under half, mistakes
//! charged but not committed and committed but missed, and the pairs of answers to one rubric
//! that grade orders as the labels do. The check on answers the rubrics were never tuned on.
//! Measure only; never tune on these answers.
//! `cargo run --release --example holdout -- [DIR]` (another folder of the same layout,
//! such as a probe set of one's own). In `labels.txt`, `mistakes=a,b` or `!a !b` name the
//! mistakes an answer really commits; any other mistake charged counts as a false one.

use grade::rubric::builtin;
use std::path::PathBuf;

/// A criterion counts as a gap when grade gives it under this share of its max.
const GAP_SHARE: f64 = 0.5;

/// One labelled answer: its rubric, the team's criterion scores and committed mistakes.
struct Label {
    stem: String,
    rubric: String,
    criteria: Vec<(String, u32)>,
    mistakes: Vec<String>,
}

fn parse(line: &str) -> Label {
    let mut fields = line.split_whitespace();
    let (Some(stem), Some(rubric)) = (fields.next(), fields.next()) else {
        panic!("labels.txt: `{line}` needs a file stem and a rubric id");
    };
    let mut label = Label {
        stem: stem.to_owned(),
        rubric: rubric.to_owned(),
        criteria: Vec::new(),
        mistakes: Vec::new(),
    };
    for field in fields {
        // `!id` is a committed mistake too, the form a probe set of one's own may use.
        if let Some(mistake) = field.strip_prefix('!') {
            label.mistakes.push(mistake.to_owned());
            continue;
        }
        let (id, value) = field.split_once('=').expect("criterion=score");
        if id == "mistakes" {
            label.mistakes.extend(value.split(',').map(str::to_owned));
        } else {
            label
                .criteria
                .push((id.to_owned(), value.parse().expect("0, 1 or 2")));
        }
    }
    label
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "benches/holdout".to_owned()),
    );
    let labels = std::fs::read_to_string(dir.join("labels.txt")).expect("labels.txt");
    let (mut gaps, mut covered, mut false_fires, mut missed_mistakes, mut committed) =
        (0, 0, 0, 0, 0);
    // Per answer: rubric, the labels' total, grade's score.
    let mut scored: Vec<(String, u32, f64)> = Vec::new();
    for label in labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(parse)
    {
        let text = std::fs::read_to_string(dir.join(format!("{}.md", label.stem))).expect("answer");
        let rubric = builtin::load_builtin(&label.rubric).expect("built-in rubric");
        let document = grade::parse(&text);
        let grade = grade::score(&document, &grade::analyze(&document), &rubric);
        let mut missed = Vec::new();
        for (id, score) in &label.criteria {
            let criterion = grade
                .criteria
                .iter()
                .find(|c| &c.id == id)
                .expect("criterion");
            if *score == 2 {
                covered += 1;
                if criterion.score < GAP_SHARE * criterion.max {
                    gaps += 1;
                    missed.push(format!("{id} {:.1}/{:.0}", criterion.score, criterion.max));
                }
            }
        }
        let fired: Vec<&str> = grade.mistakes.iter().map(|m| m.id.as_str()).collect();
        let wrong: Vec<&str> = fired
            .iter()
            .copied()
            .filter(|id| !label.mistakes.iter().any(|m| m == id))
            .collect();
        let unseen: Vec<&str> = label
            .mistakes
            .iter()
            .map(String::as_str)
            .filter(|m| !fired.contains(m))
            .collect();
        false_fires += wrong.len();
        missed_mistakes += unseen.len();
        committed += label.mistakes.len();
        println!(
            "{:<16} {:>5.1} {:<10} gaps: {:<48} mistakes not committed: {:<20} missed: {}",
            label.stem,
            grade.score,
            grade.band,
            missed.join(", "),
            wrong.join(", "),
            unseen.join(", ")
        );
        let total = label.criteria.iter().map(|(_, s)| s).sum();
        scored.push((label.rubric, total, grade.score));
    }
    let (mut pairs, mut ordered) = (0, 0);
    for (i, a) in scored.iter().enumerate() {
        for b in &scored[i + 1..] {
            if a.0 == b.0 && a.1 != b.1 {
                pairs += 1;
                if (a.1 > b.1) == (a.2 > b.2) {
                    ordered += 1;
                }
            }
        }
    }
    println!(
        "covered criteria scored under half: {gaps}/{covered} ({:.0}%)",
        100.0 * gaps as f64 / covered.max(1) as f64
    );
    println!(
        "mistakes charged but not committed: {false_fires}; committed but missed: {missed_mistakes}/{committed}"
    );
    println!("pairs of one rubric ordered as the labels order them: {ordered}/{pairs}");
}
