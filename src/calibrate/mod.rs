//! Calibration: how well grade's scores agree with a person's on the user's own labelled
//! answers. Reads a labels CSV, pairs each human score with grade's (graded by the caller),
//! and reports the agreement figures automated scoring is judged by, overall and per
//! criterion, with the band thresholds that would best fit the labels.

mod labels;
mod long;
mod pairing;
pub mod stats;

pub use labels::{Label, Labels, LabelsError};
pub use long::{MISTAKES, OVERALL};
pub use pairing::{CalibrateError, Pair, pair, pair_all, read_labels};

use serde::Serialize;

/// Usual acceptance bounds for automated scoring (Williamson, Xi & Breyer, 2012).
pub const MIN_KAPPA: f64 = 0.70;
/// Least Spearman correlation usually accepted.
pub const MIN_CORRELATION: f64 = 0.70;
/// Largest standardized mean difference usually accepted.
pub const MAX_ABS_SMD: f64 = 0.15;
/// Least exact agreement usually accepted.
pub const MIN_EXACT: f64 = 0.50;
/// Least adjacent agreement usually accepted.
pub const MIN_ADJACENT: f64 = 0.95;

/// Agreement on one scale (the overall score, or one criterion's column).
#[derive(Clone, Debug, Serialize)]
pub struct Agreement {
    /// `overall` or the criterion column's name.
    pub name: String,
    /// Pairs compared.
    pub n: usize,
    /// The human scale, lowest and highest label seen.
    pub scale: (i64, i64),
    /// Quadratic weighted kappa.
    pub qwk: Option<f64>,
    /// Share of pairs on the same level.
    pub exact: f64,
    /// Share of pairs at most one level apart.
    pub adjacent: f64,
    /// Spearman rank correlation.
    pub spearman: Option<f64>,
    /// Standardized mean difference, grade minus the person.
    pub smd: Option<f64>,
    /// Share of pairs of answers the two order the same way.
    pub pairs_ordered: Option<f64>,
    /// The figures outside the usual acceptance bounds, by name.
    pub outside: Vec<&'static str>,
}

/// Cut points on grade's 0–100 scale that best reproduce the human levels.
#[derive(Clone, Debug, Serialize)]
pub struct SuggestedBand {
    /// The human level.
    pub level: i64,
    /// The least grade score that maps to it.
    pub min: f64,
}

/// Agreement overall and per criterion, and the bands that would fit best.
#[derive(Clone, Debug, Serialize)]
pub struct Calibration {
    /// On the overall score; None when no label gives one (a long form without `overall`).
    pub overall: Option<Agreement>,
    /// On each criterion column that has labels.
    pub criteria: Vec<Agreement>,
    /// Cut points that best reproduce the human levels.
    pub suggested_bands: Vec<SuggestedBand>,
    /// Exact agreement if the suggested bands were used to map scores.
    pub suggested_exact: f64,
}

/// Parses a labels CSV in either form, told apart by the header: the wide form (one row
/// per answer, a column per criterion) or the long form (one row per answer and criterion,
/// a `criterion` column). Every error names its line and column.
pub fn parse_labels(text: &str) -> Result<Labels, LabelsError> {
    let mut lines = labels::content_lines(text);
    let Some((header_line, header)) = lines.next() else {
        let message = "the labels file is empty; expected a header `file,score`";
        return Err(labels::error(1, 1, message));
    };
    let names = labels::header_names(header, header_line)?;
    let labels = if long::is_long(&names) {
        long::parse_long(&names, header_line, lines)?
    } else {
        labels::parse_wide(header, header_line, lines)?
    };
    if labels.rows.is_empty() {
        let message = "no labelled answers below the header";
        return Err(labels::error(header_line, 1, message));
    }
    Ok(labels)
}

/// Maps a 0–`top` machine score linearly onto the human scale and rounds: the mapping the
/// figures are reported under. It is fixed in advance, not fitted to these labels, so the
/// figures are an honest estimate; the fitted thresholds come separately as a suggestion.
pub fn to_scale(score: f64, top: f64, (low, high): (i64, i64)) -> i64 {
    let fraction = (score / top).clamp(0.0, 1.0);
    (low as f64 + fraction * (high - low) as f64).round() as i64
}

/// Computes the agreement figures for the pairs; `criteria` names the criterion columns.
pub fn calibrate(pairs: &[Pair], criteria: &[String]) -> Calibration {
    let (human, machine): (Vec<i64>, Vec<f64>) = pairs
        .iter()
        .filter_map(|p| Some((p.human?, p.machine)))
        .unzip();
    let overall = (!human.is_empty()).then(|| agreement("overall", &human, &machine, 100.0));
    let per_criterion = criteria
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let (h, m): (Vec<i64>, Vec<f64>) = pairs.iter().filter_map(|p| p.criteria[i]).unzip();
            (!h.is_empty()).then(|| agreement(name, &h, &m, 1.0))
        })
        .collect();
    let (suggested_bands, suggested_exact) = fit_bands(&human, &machine);
    Calibration {
        overall,
        criteria: per_criterion,
        suggested_bands,
        suggested_exact,
    }
}

fn agreement(name: &str, human: &[i64], machine: &[f64], top: f64) -> Agreement {
    let scale = (
        human.iter().copied().min().unwrap_or(0),
        human.iter().copied().max().unwrap_or(0),
    );
    let mapped: Vec<i64> = machine.iter().map(|&m| to_scale(m, top, scale)).collect();
    let human_f: Vec<f64> = human.iter().map(|&h| h as f64).collect();
    let mapped_f: Vec<f64> = mapped.iter().map(|&m| m as f64).collect();
    let qwk = stats::quadratic_weighted_kappa(human, &mapped, scale.0, scale.1);
    let (exact, adjacent) = stats::agreement(human, &mapped);
    let spearman = stats::spearman(&human_f, machine);
    let smd = stats::standardised_mean_difference(&human_f, &mapped_f);
    let mut outside = Vec::new();
    if qwk.is_none_or(|k| k < MIN_KAPPA) {
        outside.push("qwk");
    }
    if spearman.is_none_or(|r| r < MIN_CORRELATION) {
        outside.push("spearman");
    }
    if smd.is_none_or(|d| d.abs() > MAX_ABS_SMD) {
        outside.push("smd");
    }
    if exact < MIN_EXACT {
        outside.push("exact");
    }
    if adjacent < MIN_ADJACENT {
        outside.push("adjacent");
    }
    Agreement {
        name: name.to_owned(),
        n: human.len(),
        scale,
        qwk,
        exact,
        adjacent,
        spearman,
        smd,
        pairs_ordered: stats::pairs_ordered(&human_f, machine),
        outside,
    }
}

/// The monotone cut points that make the most machine scores land on their human level:
/// dynamic programming over the answers sorted by score, each level taking a contiguous
/// run. Thresholds sit midway between the runs. Returns them with the exact agreement they
/// reach on these labels (an optimistic figure: fitted to the same data).
fn fit_bands(human: &[i64], machine: &[f64]) -> (Vec<SuggestedBand>, f64) {
    let (Some(&low), Some(&high)) = (human.iter().min(), human.iter().max()) else {
        return (Vec::new(), 0.0);
    };
    let levels = (high - low + 1) as usize;
    let mut order: Vec<usize> = (0..human.len()).collect();
    order.sort_by(|&i, &j| {
        machine[i]
            .total_cmp(&machine[j])
            .then(human[i].cmp(&human[j]))
    });
    let n = order.len();
    // best[i][l]: most matches among the first i answers, the i-th given level l;
    // levels never decrease along the sorted order.
    let mut best = vec![vec![0usize; levels]; n + 1];
    let mut from = vec![vec![0usize; levels]; n + 1];
    for i in 1..=n {
        let h = (human[order[i - 1]] - low) as usize;
        let mut prefix = (best[i - 1][0], 0); // the best of levels 0..=l, and which
        for l in 0..levels {
            if best[i - 1][l] > prefix.0 {
                prefix = (best[i - 1][l], l);
            }
            best[i][l] = prefix.0 + usize::from(h == l);
            from[i][l] = prefix.1;
        }
    }
    let (mut level, mut matches) = (0, 0);
    for (l, &value) in best[n].iter().enumerate() {
        if value > matches {
            (level, matches) = (l, value);
        }
    }
    let mut assigned = vec![0usize; n];
    for i in (1..=n).rev() {
        assigned[i - 1] = level;
        level = from[i][level];
    }
    let mut bands = Vec::new();
    for l in 1..levels {
        // A level no answer was fitted to gets no band of its own.
        let Some(first) = (0..n).find(|&i| assigned[i] == l) else {
            continue;
        };
        let below = if first > 0 {
            machine[order[first - 1]]
        } else {
            0.0
        };
        let min = ((machine[order[first]] + below) / 2.0 * 10.0).round() / 10.0;
        bands.push(SuggestedBand {
            level: low + l as i64,
            min,
        });
    }
    bands.reverse();
    (bands, matches as f64 / n.max(1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_mapping_onto_the_human_scale() {
        assert_eq!(to_scale(0.0, 100.0, (1, 5)), 1);
        assert_eq!(to_scale(50.0, 100.0, (1, 5)), 3);
        assert_eq!(to_scale(100.0, 100.0, (1, 5)), 5);
        assert_eq!(to_scale(0.62, 1.0, (0, 4)), 2); // 2.48 rounds to 2
    }

    #[test]
    fn fitted_bands_separate_cleanly_ordered_levels() {
        let human = [1, 1, 2, 2, 3, 3];
        let machine = [5.0, 15.0, 40.0, 50.0, 80.0, 90.0];
        let (bands, exact) = fit_bands(&human, &machine);
        assert_eq!(exact, 1.0);
        let cuts: Vec<(i64, f64)> = bands.iter().map(|b| (b.level, b.min)).collect();
        assert_eq!(cuts, [(3, 65.0), (2, 27.5)]);
    }

    #[test]
    fn fitted_bands_do_their_best_with_an_inversion() {
        // The 2 scored 60 sits above a 3 at 55: one of them must miss.
        let human = [1, 2, 3, 2, 3];
        let machine = [10.0, 40.0, 55.0, 60.0, 80.0];
        let (_, exact) = fit_bands(&human, &machine);
        assert_eq!(exact, 0.8);
    }

    #[test]
    fn figures_outside_the_bounds_are_named() {
        let pairs: Vec<Pair> = [(1, 90.0), (2, 50.0), (3, 10.0), (2, 60.0)]
            .into_iter()
            .map(|(human, machine)| Pair {
                human: Some(human),
                machine,
                criteria: Vec::new(),
            })
            .collect();
        let c = calibrate(&pairs, &[]);
        let overall = c.overall.unwrap();
        assert!(overall.outside.contains(&"qwk"));
        assert!(overall.outside.contains(&"spearman"));
        assert!(overall.spearman.unwrap() < 0.0);
    }
}
