//! The wording of a batch's cohort paragraph, shared by the text summary and Markdown:
//! how many files were graded, failed or broke a bound, the score figures, files per band.
//! Each format passes its own emphasis for counts and separator between figures.

use std::fmt::Display;

/// How a format writes the cohort's figures.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CohortWording {
    /// How a count stands out (`3`, `**3**`).
    pub count: fn(usize) -> String,
    /// Between two figures of a line (` · `, `, `).
    pub separator: &'static str,
}

impl CohortWording {
    /// `2 graded, 1 could not be graded, 1 broke a bound`, the last two only when not zero.
    pub(crate) fn outcomes(self, graded: usize, failed: usize, out_of_bounds: usize) -> String {
        let mut out = format!("{} graded", (self.count)(graded));
        if failed > 0 {
            out.push_str(&format!(", {} could not be graded", (self.count)(failed)));
        }
        if out_of_bounds > 0 {
            out.push_str(&format!(", {} broke a bound", (self.count)(out_of_bounds)));
        }
        out
    }

    /// `mean 61.0 · median 60.5 · min 12.0 · max 90.0`, one decimal each.
    pub(crate) fn score(self, [mean, median, min, max]: [f64; 4]) -> String {
        let sep = self.separator;
        format!("mean {mean:.1}{sep}median {median:.1}{sep}min {min:.1}{sep}max {max:.1}")
    }

    /// `Strong 2 · Weak 1`: each band and its files.
    pub(crate) fn bands(self, bands: impl IntoIterator<Item = (impl Display, usize)>) -> String {
        bands
            .into_iter()
            .map(|(band, files)| format!("{band} {files}"))
            .collect::<Vec<_>>()
            .join(self.separator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: CohortWording = CohortWording {
        count: |n| n.to_string(),
        separator: " · ",
    };
    const STRONG: CohortWording = CohortWording {
        count: |n| format!("**{n}**"),
        separator: ", ",
    };

    #[test]
    fn outcomes_leave_out_zero_failures_and_breaks() {
        assert_eq!(PLAIN.outcomes(3, 0, 0), "3 graded");
        assert_eq!(
            STRONG.outcomes(2, 1, 1),
            "**2** graded, **1** could not be graded, **1** broke a bound"
        );
    }

    #[test]
    fn score_and_bands_use_the_separator() {
        assert_eq!(
            PLAIN.score([61.04, 60.5, 12.0, 90.0]),
            "mean 61.0 · median 60.5 · min 12.0 · max 90.0"
        );
        assert_eq!(
            STRONG.bands([("Strong", 2), ("Weak", 1)]),
            "Strong 2, Weak 1"
        );
    }
}
