//! The grade of one answer: the data every renderer reads. Field names and meanings are
//! the JSON schema `grade-report/1`, documented in the README.

use super::{round1, round2};
use crate::analysis::Analysis;
use crate::document::TranscriptInfo;
use serde::Serialize;

pub const SCHEMA: &str = "grade-report/1";

#[derive(Clone, Debug, Serialize)]
pub struct Grade {
    pub schema: &'static str,
    /// The answer's file, as the caller named it (`-` for stdin); set at the edge.
    pub file: Option<String>,
    pub rubric: RubricRef,
    /// How `--rubric auto` picked the rubric; null when it was named.
    pub selected: Option<crate::rubric::auto::Selection>,
    pub question: Option<String>,
    /// 0–100 after penalties, one decimal.
    pub score: f64,
    /// 0–100 from the criteria alone, before penalties.
    pub points: f64,
    pub penalties: f64,
    /// The multiplier for an answer made mostly of repeated sentences (1 otherwise).
    pub repetition_factor: f64,
    /// The rubric's band for the score, or "Needs review" when a flag fired.
    pub band: String,
    /// Reasons the score may not mean what it says; any flag sets the band to "Needs review".
    pub flags: Vec<super::Flag>,
    pub criteria: Vec<CriterionGrade>,
    pub mistakes: Vec<MistakeFound>,
    pub next_steps: Vec<NextStep>,
    pub discounted: Vec<Discounted>,
    pub stats: Stats,
    /// For a transcript: its form, its speakers, and whose words were graded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<TranscriptInfo>,
    /// For a transcript: pace, fillers, pauses and talk share against their targets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<crate::analysis::Delivery>,
    /// Problems in the input that grading worked around, with their lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::document::Warning>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RubricRef {
    pub id: String,
    pub title: String,
    pub version: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct CriterionGrade {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub max: f64,
    pub score: f64,
    /// The rubric's advice, when the criterion is short of its max.
    pub advice: Option<String>,
    pub signals: Vec<SignalGrade>,
    /// Why the criterion is not in this answer's total (it applies only to transcripts,
    /// or only to written answers); absent when it counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_out: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SignalGrade {
    pub id: String,
    pub kind: &'static str,
    pub earned: f64,
    pub max_points: f64,
    pub evidence: Vec<Evidence>,
    /// What a whole-answer signal measured ("312 words (wanted 150–600)").
    pub note: Option<String>,
    /// What to add, when the signal earned less than it could.
    pub missing: Option<String>,
}

/// A quoted sentence with where it is and the words that matched.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Evidence {
    pub line: usize,
    pub column: usize,
    pub quote: String,
    pub matched: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MistakeFound {
    pub id: String,
    pub message: String,
    pub penalty: f64,
    pub advice: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NextStep {
    /// Overall points this change could win.
    pub gain: f64,
    pub criterion: Option<String>,
    pub action: String,
}

/// A sentence with rubric vocabulary that earned nothing, and why.
#[derive(Clone, Debug, Serialize)]
pub struct Discounted {
    /// Why, in words: "repeats an earlier sentence", "under a negation", "rejected by
    /// 'I wouldn't' at 3:12", "rejected under 'What I wouldn't do' at 24:1", "the
    /// alternative set aside by 'instead of' at 5:20", "the problem fixed at 9:1".
    pub reason: String,
    pub evidence: Evidence,
    /// For a phrase set aside by its stance: "negated", "rejected", "contrasted" or
    /// "problem".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<&'static str>,
    /// What set it aside and where: the frame, the heading or lead-in of the scope, or
    /// the sentence that fixes the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
}

/// The words that give a phrase its stance, and where they start.
#[derive(Clone, Debug, Serialize)]
pub struct Cue {
    /// Its line, from 1.
    pub line: usize,
    /// Its column, from 1.
    pub column: usize,
    /// Its words, white space folded, a long sentence cut with "…".
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub repeated_sentences: usize,
    pub quantities: usize,
    pub fillers: usize,
    pub hedges: usize,
    pub flesch_reading_ease: f64,
    pub flesch_kincaid_grade: f64,
    pub average_sentence_words: f64,
}

impl Stats {
    pub fn new(analysis: &Analysis) -> Self {
        let r = &analysis.readability;
        Stats {
            words: analysis.word_count(),
            sentences: analysis.sentences.len(),
            repeated_sentences: analysis.repeated_sentences,
            quantities: analysis
                .quantities
                .iter()
                .filter(|q| q.kind != crate::analysis::QuantityKind::Year)
                .count(),
            fillers: analysis.fillers.len(),
            hedges: analysis.hedges.len(),
            flesch_reading_ease: round1(r.flesch_reading_ease),
            flesch_kincaid_grade: round1(r.flesch_kincaid_grade),
            average_sentence_words: round1(r.average_sentence_words),
        }
    }
}

impl CriterionGrade {
    pub fn fraction(&self) -> f64 {
        if self.max > 0.0 {
            round2(self.score / self.max)
        } else {
            0.0
        }
    }
}
