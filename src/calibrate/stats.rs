//! Agreement statistics between human and machine scores, as automated-scoring studies
//! report them: quadratic weighted kappa, exact and adjacent agreement, Spearman's rho, the
//! standardised mean difference, and the share of pairs ordered alike.

/// Quadratic weighted kappa of two integer ratings on the scale `min..=max`:
/// 1 − Σ w·observed / Σ w·expected, with w = (i − j)² / (k − 1)². 1 when every rating agrees;
/// 0 when agreement is what chance gives; None when the expected disagreement is zero
/// (all ratings on one level), where kappa is undefined.
pub fn quadratic_weighted_kappa(human: &[i64], machine: &[i64], min: i64, max: i64) -> Option<f64> {
    let k = (max - min + 1) as usize;
    if human.is_empty() || human.len() != machine.len() || k < 2 {
        return None;
    }
    let n = human.len() as f64;
    let level = |x: i64| (x.clamp(min, max) - min) as usize;
    let mut observed = vec![vec![0.0; k]; k];
    let (mut hist_h, mut hist_m) = (vec![0.0; k], vec![0.0; k]);
    for (&h, &m) in human.iter().zip(machine) {
        observed[level(h)][level(m)] += 1.0;
        hist_h[level(h)] += 1.0;
        hist_m[level(m)] += 1.0;
    }
    let (mut num, mut den) = (0.0, 0.0);
    for i in 0..k {
        for j in 0..k {
            let w = ((i as f64 - j as f64) / (k as f64 - 1.0)).powi(2);
            num += w * observed[i][j];
            den += w * hist_h[i] * hist_m[j] / n;
        }
    }
    (den > 0.0).then(|| 1.0 - num / den)
}

/// The share of items rated the same, and the share within one point.
pub fn agreement(human: &[i64], machine: &[i64]) -> (f64, f64) {
    let n = human.len().max(1) as f64;
    let exact = human.iter().zip(machine).filter(|(h, m)| h == m).count();
    let adjacent = human
        .iter()
        .zip(machine)
        .filter(|(h, m)| (*h - *m).abs() <= 1)
        .count();
    (exact as f64 / n, adjacent as f64 / n)
}

/// Spearman's rho: Pearson's correlation of the ranks, ties given their average rank.
pub fn spearman(a: &[f64], b: &[f64]) -> Option<f64> {
    pearson(&ranks(a), &ranks(b))
}

/// Pearson correlation; `None` when either side is constant or too short.
pub fn pearson(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() || a.len() < 2 {
        return None;
    }
    let (ma, mb) = (mean(a), mean(b));
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        cov += (x - ma) * (y - mb);
        va += (x - ma).powi(2);
        vb += (y - mb).powi(2);
    }
    (va > 0.0 && vb > 0.0).then(|| cov / (va * vb).sqrt())
}

/// 1-based ranks; tied values share the mean of the ranks they span.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut out = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        let rank = (start + end + 1) as f64 / 2.0; // mean of start+1 ..= end
        for &i in &order[start..end] {
            out[i] = rank;
        }
        start = end;
    }
    out
}

/// (mean machine − mean human) / pooled standard deviation, √((s²_h + s²_m) / 2), with
/// sample variances. Positive when the machine scores higher. None without spread.
pub fn standardised_mean_difference(human: &[f64], machine: &[f64]) -> Option<f64> {
    if human.len() < 2 || machine.len() < 2 {
        return None;
    }
    let pooled = ((variance(human) + variance(machine)) / 2.0).sqrt();
    (pooled > 0.0).then(|| (mean(machine) - mean(human)) / pooled)
}

/// Of the pairs the human rated differently, the share the machine orders the same way; a
/// machine tie counts as half. None when every item has the same human rating.
pub fn pairs_ordered(human: &[f64], machine: &[f64]) -> Option<f64> {
    let (mut agree, mut pairs) = (0.0, 0usize);
    for i in 0..human.len() {
        for j in i + 1..human.len() {
            if human[i] == human[j] {
                continue;
            }
            pairs += 1;
            let human_order = human[i].total_cmp(&human[j]);
            agree += match machine[i].total_cmp(&machine[j]) {
                std::cmp::Ordering::Equal => 0.5,
                order if order == human_order => 1.0,
                _ => 0.0,
            };
        }
    }
    (pairs > 0).then(|| agree / pairs as f64)
}

/// The arithmetic mean (0 for no values).
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn variance(values: &[f64]) -> f64 {
    let m = mean(values);
    values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (values.len() as f64 - 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Hand-computed: human [1,2,3,4], machine [1,2,4,4] on 1–4. Observed weighted
    /// disagreement: one item off by one, w = 1/9, so Σ w·O = 1/9. Histograms h = [1,1,1,1],
    /// m = [1,1,0,2]; E_ij = h_i·m_j / 4; Σ w·E = (1/4)·Σ_i Σ_j w_ij·m_j
    /// = (1/4)·[(0+1/9·1+0+9/9·2) + (1/9+0+0+4/9·2) + (4/9+1/9+0+1/9·2) + (9/9+4/9+0+0)]
    /// = (1/4)·(19/9 + 9/9 + 7/9 + 13/9) = (1/4)·(48/9) = 4/3. κ = 1 − (1/9)/(4/3) = 11/12.
    #[test]
    fn kappa_matches_a_hand_computation() {
        let k = quadratic_weighted_kappa(&[1, 2, 3, 4], &[1, 2, 4, 4], 1, 4).unwrap();
        assert!(close(k, 11.0 / 12.0), "{k}");
    }

    #[test]
    fn kappa_is_one_for_perfect_agreement_and_undefined_without_spread() {
        assert!(close(
            quadratic_weighted_kappa(&[1, 3, 5], &[1, 3, 5], 1, 5).unwrap(),
            1.0
        ));
        assert_eq!(quadratic_weighted_kappa(&[2, 2], &[2, 2], 1, 5), None);
    }

    /// Reversed ratings on a 1–3 scale: Σ w·O = 2·1 = 2 (the two ends swapped, w = 1);
    /// h = m = [1,1,1], Σ w·E = (1/3)·(0+1/4+1 + 1/4+0+1/4 + 1+1/4+0) = (1/3)·3 = 1.
    /// κ = 1 − 2/1 = −1.
    #[test]
    fn kappa_of_reversed_ratings_is_minus_one() {
        let k = quadratic_weighted_kappa(&[1, 2, 3], &[3, 2, 1], 1, 3).unwrap();
        assert!(close(k, -1.0), "{k}");
    }

    #[test]
    fn agreement_counts_exact_and_adjacent() {
        // Off by 0, 1, 2, 0: exact 2/4, adjacent 3/4.
        assert_eq!(agreement(&[1, 2, 3, 4], &[1, 3, 5, 4]), (0.5, 0.75));
    }

    /// Ranks of [10, 20, 20, 40] are [1, 2.5, 2.5, 4]. Against [1, 2, 3, 4]: means 2.5 and
    /// 2.5; deviations [-1.5, 0, 0, 1.5] and [-1.5, -0.5, 0.5, 1.5]; cov = 4.5,
    /// var_a = 4.5, var_b = 5; rho = 4.5 / √22.5 = 0.948683…
    #[test]
    fn spearman_averages_tied_ranks() {
        assert_eq!(ranks(&[10.0, 20.0, 20.0, 40.0]), [1.0, 2.5, 2.5, 4.0]);
        let rho = spearman(&[10.0, 20.0, 20.0, 40.0], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!(close(rho, 4.5 / 22.5f64.sqrt()), "{rho}");
    }

    /// Human [1,2,3] (mean 2, s² 1), machine [2,3,4] (mean 3, s² 1): pooled 1, SMD = 1.
    #[test]
    fn smd_is_the_mean_gap_over_the_pooled_spread() {
        let smd = standardised_mean_difference(&[1.0, 2.0, 3.0], &[2.0, 3.0, 4.0]).unwrap();
        assert!(close(smd, 1.0), "{smd}");
    }

    /// Human [1,2,3], machine [10,30,30]: pairs (1,2) agree, (1,3) agree, (2,3) machine tie.
    #[test]
    fn pairs_ordered_counts_ties_as_half() {
        let share = pairs_ordered(&[1.0, 2.0, 3.0], &[10.0, 30.0, 30.0]).unwrap();
        assert!(close(share, 2.5 / 3.0), "{share}");
    }
}
