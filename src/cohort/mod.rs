//! Per-file results and cohort figures: what a batch hands each renderer. The batch fills
//! these types and the renderers read them; this module imports neither.

mod file;
mod summary;

pub use file::{Bound, FileError, FileReport, Violation};
pub use summary::{
    BandCount, Cohort, CriterionMean, CriterionScore, Row, RowError, ScoreStats, Summary,
    SummaryBuilder,
};
