//! Text for `grade calibrate`: the agreement figures, marked where they fall outside the
//! usual bounds for automated scoring, and the suggested band thresholds.

use crate::calibrate::{
    Agreement, Calibration, MAX_ABS_SMD, MIN_ADJACENT, MIN_CORRELATION, MIN_EXACT, MIN_KAPPA,
};
use std::fmt::Write;

/// The calibration table: overall and per criterion, a `*` on each figure outside its bound.
pub fn render(calibration: &Calibration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<24} {:>4} {:>7} {:>7} {:>6} {:>9} {:>9} {:>7} {:>6}",
        "", "n", "scale", "QWK ", "exact ", "adjacent ", "spearman ", "SMD ", "pairs"
    );
    if let Some(overall) = &calibration.overall {
        row(&mut out, overall);
    }
    for criterion in &calibration.criteria {
        row(&mut out, criterion);
    }
    let _ = writeln!(
        out,
        "\nbounds: QWK ≥ {MIN_KAPPA:.2}, Spearman ≥ {MIN_CORRELATION:.2}, |SMD| ≤ {MAX_ABS_SMD:.2}, exact ≥ {:.0}%, adjacent ≥ {:.0}%; * marks a figure outside them.",
        MIN_EXACT * 100.0,
        MIN_ADJACENT * 100.0
    );
    let _ = writeln!(
        out,
        "grade's 0–100 score is mapped linearly onto the human scale, then rounded (criteria: their share of the criterion's max)."
    );
    if !calibration.suggested_bands.is_empty() {
        let cuts: Vec<String> = calibration
            .suggested_bands
            .iter()
            .map(|b| format!("{} from {:.1}", b.level, b.min))
            .collect();
        let _ = writeln!(
            out,
            "\nsuggested bands (fitted to these labels; exact agreement {:.0}% on them): {}",
            calibration.suggested_exact * 100.0,
            cuts.join(", ")
        );
    }
    out
}

fn row(out: &mut String, a: &Agreement) {
    let mark = |name: &str, text: String| {
        if a.outside.contains(&name) {
            format!("{text}*")
        } else {
            format!("{text} ")
        }
    };
    let opt = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"));
    let _ = writeln!(
        out,
        "{:<24} {:>4} {:>7} {:>7} {:>6} {:>9} {:>9} {:>7} {:>6}",
        a.name,
        a.n,
        format!("{}–{}", a.scale.0, a.scale.1),
        mark("qwk", opt(a.qwk)),
        mark("exact", format!("{:.0}%", a.exact * 100.0)),
        mark("adjacent", format!("{:.0}%", a.adjacent * 100.0)),
        mark("spearman", opt(a.spearman)),
        mark(
            "smd",
            a.smd.map_or_else(|| "–".to_owned(), |v| format!("{v:+.2}"))
        ),
        opt(a.pairs_ordered),
    );
}
