//! The outside check: ../shared/dev-set holds answers written outside the team, labelled by
//! an expert's tier (3 strong, 2 medium, 1 weak). Per rubric, scores must order the pairs of
//! different tiers correctly at least 75% of the time (a tie in score counts as half).
//! Skipped, and says so, where the folder does not exist.

use grade::calibrate::stats::{pairs_ordered, spearman};
use grade::grade_text;
use grade::rubric::builtin;
use std::collections::BTreeMap;
use std::path::Path;

const MIN_PAIR_SHARE: f64 = 0.75;

#[test]
fn scores_order_the_outside_answers_as_the_expert_did() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev-set");
    let Ok(labels) = std::fs::read_to_string(dev.join("labels.csv")) else {
        println!("dev-set: skipped, {} does not exist", dev.display());
        return;
    };
    let mut by_rubric: BTreeMap<String, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for line in labels.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let (file, rubric_id, tier) = (fields[0], fields[1], fields[2]);
        let Ok(rubric) = builtin::load_builtin(rubric_id) else {
            println!("dev-set: {rubric_id} is not a built-in rubric yet; {file} skipped");
            continue;
        };
        let text = std::fs::read_to_string(dev.join(file)).unwrap();
        let entry = by_rubric.entry(rubric_id.to_owned()).or_default();
        entry.0.push(tier.parse().unwrap());
        entry.1.push(grade_text(&text, &rubric).score);
    }
    let mut failures = Vec::new();
    let (mut share_sum, mut rho_sum) = (0.0, 0.0);
    for (rubric, (tiers, scores)) in &by_rubric {
        let share = pairs_ordered(tiers, scores).unwrap_or(0.0);
        let rho = spearman(tiers, scores).unwrap_or(0.0);
        share_sum += share;
        rho_sum += rho;
        println!("dev-set: {rubric:<20} pairs ordered {share:.2}  spearman {rho:.2}");
        if share < MIN_PAIR_SHARE {
            failures.push(format!(
                "{rubric}: {share:.2} of pairs ordered, below {MIN_PAIR_SHARE}"
            ));
        }
    }
    let n = by_rubric.len() as f64;
    println!(
        "dev-set: mean pairs ordered {:.2}  mean spearman {:.2}",
        share_sum / n,
        rho_sum / n
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
