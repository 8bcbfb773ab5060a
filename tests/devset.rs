//! The outside check: ../shared/dev-set holds answers written outside the team, labelled by
//! an expert's tier (3 strong, 2 medium, 1 weak). Per rubric, scores must order the pairs of
//! different tiers correctly at least 75% of the time (a tie in score counts as half).
//! Skipped, and says so, where the folder does not exist.

use grade::grade_text;
use grade::rubric::builtin;
use std::collections::BTreeMap;
use std::path::Path;

const MIN_PAIR_SHARE: f64 = 0.75;

fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        for k in i..=j {
            ranks[order[k]] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman's rho: the Pearson correlation of the ranks (ties get their mean rank).
fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = ra.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = rb.iter().map(|y| (y - mb).powi(2)).sum();
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va * vb).sqrt()
    }
}

/// Share of pairs with different tiers that the scores order the same way; ties count half.
fn pair_share(tiers: &[f64], scores: &[f64]) -> f64 {
    let (mut good, mut pairs) = (0.0, 0.0);
    for i in 0..tiers.len() {
        for j in i + 1..tiers.len() {
            if tiers[i] == tiers[j] {
                continue;
            }
            pairs += 1.0;
            let agree = (tiers[i] - tiers[j]) * (scores[i] - scores[j]);
            good += if agree > 0.0 {
                1.0
            } else if scores[i] == scores[j] {
                0.5
            } else {
                0.0
            };
        }
    }
    if pairs == 0.0 { 0.0 } else { good / pairs }
}

#[test]
fn measures_agree_with_hand_computed_values() {
    assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-12);
    assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
    // Tiers 1,1,2 against scores 5,6,7: pairs (1,3) and (2,3) both right.
    assert_eq!(pair_share(&[1.0, 1.0, 2.0], &[5.0, 6.0, 7.0]), 1.0);
    // One right, one tied: 1.5 of 2.
    assert_eq!(pair_share(&[1.0, 1.0, 2.0], &[5.0, 7.0, 7.0]), 0.75);
}

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
        let share = pair_share(tiers, scores);
        let rho = spearman(tiers, scores);
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
