//! Rounding shared by every stage, so that reports print the same bytes everywhere.

/// Rounds to one decimal. Adding 0.0 turns -0.0 (the sum of nothing) into 0.0.
pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

/// Rounds to two decimals, -0.0 printed as 0.0 like [`round1`].
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_and_never_to_negative_zero() {
        assert_eq!(round1(2.25), 2.3);
        assert_eq!(round1(-0.04).to_string(), "0");
        assert_eq!(round2(1.005_1), 1.01);
        assert_eq!(round2(-0.001).to_string(), "0");
    }
}
