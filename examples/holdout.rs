//! Grades the held-out plain-words answers in `benches/holdout/` and prints how grade's
//! criterion scores agree with the team's judgement in `labels.txt`: the check on answers
//! the rubrics were never tuned on. Measure only; never tune on these answers.
//! `cargo run --release --example holdout -- [DIR]`

use grade::rubric::builtin;
use std::path::PathBuf;

/// A criterion counts as a gap when grade gives it under this share of its max.
const GAP_SHARE: f64 = 0.5;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "benches/holdout".to_owned()),
    );
    let labels = std::fs::read_to_string(dir.join("labels.txt")).expect("labels.txt");
    let (mut gaps, mut covered, mut fired) = (0, 0, 0);
    for line in labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split_whitespace();
        let (Some(stem), Some(rubric_id)) = (fields.next(), fields.next()) else {
            panic!("labels.txt: `{line}` needs a file stem and a rubric id");
        };
        let expert: Vec<(&str, u32)> = fields
            .map(|f| {
                let (id, score) = f.split_once('=').expect("criterion=score");
                (id, score.parse().expect("0, 1 or 2"))
            })
            .collect();
        let text = std::fs::read_to_string(dir.join(format!("{stem}.md"))).expect("answer");
        let rubric = builtin::load_builtin(rubric_id).expect("built-in rubric");
        let document = grade::parse(&text);
        let grade = grade::score(&document, &grade::analyze(&document), &rubric);
        let mut missed = Vec::new();
        for (id, score) in &expert {
            let criterion = grade
                .criteria
                .iter()
                .find(|c| c.id == *id)
                .expect("criterion");
            if *score == 2 {
                covered += 1;
                if criterion.score < GAP_SHARE * criterion.max {
                    gaps += 1;
                    missed.push(format!("{id} {:.1}/{:.0}", criterion.score, criterion.max));
                }
            }
        }
        let mistakes: Vec<&str> = grade.mistakes.iter().map(|m| m.id.as_str()).collect();
        fired += mistakes.len();
        println!(
            "{stem:<16} {:>5.1} {:<10} gaps: {:<48} mistakes: {}",
            grade.score,
            grade.band,
            missed.join(", "),
            mistakes.join(", ")
        );
    }
    println!(
        "covered criteria scored under half: {gaps}/{covered} ({:.0}%); mistakes charged on these strong answers: {fired}",
        100.0 * gaps as f64 / covered.max(1) as f64
    );
}
