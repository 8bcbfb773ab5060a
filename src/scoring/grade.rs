//! The grade of one answer: the data every renderer reads. Field names and meanings are
//! the JSON schema `grade-report/1`, documented in the README.

use super::{round1, round2};
use crate::analysis::Analysis;
use crate::document::{Document, TranscriptInfo};
use serde::Serialize;

/// The report schema's name, in every JSON report.
pub const SCHEMA: &str = "grade-report/1";

/// The grade of one answer.
#[derive(Clone, Debug, Serialize)]
pub struct Grade {
    /// [`SCHEMA`].
    pub schema: &'static str,
    /// The answer's file, as the caller named it (`-` for stdin); set at the edge.
    pub file: Option<String>,
    /// The rubric it was graded against.
    pub rubric: RubricRef,
    /// How `--rubric auto` picked the rubric; null when it was named.
    pub selected: Option<crate::rubric::auto::Selection>,
    /// The question from the answer's front matter.
    pub question: Option<String>,
    /// 0–100 after penalties, one decimal.
    pub score: f64,
    /// 0–100 from the criteria alone, before penalties.
    pub points: f64,
    /// Points taken off for mistakes.
    pub penalties: f64,
    /// The multiplier for an answer made mostly of repeated sentences (1 otherwise).
    pub repetition_factor: f64,
    /// The rubric's band for the score, or "Needs review" when a flag fired.
    pub band: String,
    /// Reasons the score may not mean what it says; any flag sets the band to "Needs review".
    pub flags: Vec<super::Flag>,
    /// Each criterion's grade, in rubric order.
    pub criteria: Vec<CriterionGrade>,
    /// The rubric's mistakes the answer makes.
    pub mistakes: Vec<MistakeFound>,
    /// The changes that would win the most points.
    pub next_steps: Vec<NextStep>,
    /// Sentences with rubric words that earned nothing, and why.
    pub discounted: Vec<Discounted>,
    /// Facts about the text.
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
    /// The graded text, for renderers that show the answer; not in the JSON report, and
    /// dropped by a batch whose renderer does not ask for it.
    #[serde(skip)]
    pub source: Option<std::sync::Arc<super::Source>>,
}

impl Grade {
    /// The grade with the answer's text kept beside it (see [`super::Source`]).
    pub fn with_source(mut self, document: Document, analysis: &Analysis) -> Grade {
        self.source = Some(std::sync::Arc::new(super::Source::of(document, analysis)));
        self
    }
}

/// Which rubric graded the answer.
#[derive(Clone, Debug, Serialize)]
pub struct RubricRef {
    /// The rubric's id.
    pub id: String,
    /// The rubric's title.
    pub title: String,
    /// The rubric's version.
    pub version: u32,
}

/// One criterion's grade.
#[derive(Clone, Debug, Serialize)]
pub struct CriterionGrade {
    /// The criterion's id.
    pub id: String,
    /// The criterion's name.
    pub name: String,
    /// Its weight in the overall score.
    pub weight: f64,
    /// The most points it can earn.
    pub max: f64,
    /// The points earned, at most `max`.
    pub score: f64,
    /// The rubric's advice, when the criterion is short of its max.
    pub advice: Option<String>,
    /// Each signal's grade.
    pub signals: Vec<SignalGrade>,
    /// Why the criterion is not in this answer's total (it applies only to transcripts,
    /// or only to written answers); absent when it counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_out: Option<String>,
}

/// One signal's grade.
#[derive(Clone, Debug, Serialize)]
pub struct SignalGrade {
    /// The signal's id.
    pub id: String,
    /// Its kind.
    pub kind: &'static str,
    /// Points earned.
    pub earned: f64,
    /// The most it can earn.
    pub max_points: f64,
    /// The sentences that earned it.
    pub evidence: Vec<Evidence>,
    /// What a whole-answer signal measured ("312 words (wanted 150–600)").
    pub note: Option<String>,
    /// What to add, when the signal earned less than it could.
    pub missing: Option<String>,
}

/// A quoted sentence with where it is and the words that matched.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Evidence {
    /// The sentence's line, from 1.
    pub line: usize,
    /// The sentence's column, from 1.
    pub column: usize,
    /// The sentence, white space folded, long ones cut at a word.
    pub quote: String,
    /// The words that matched.
    pub matched: Vec<String>,
}

/// A named mistake the answer makes.
#[derive(Clone, Debug, Serialize)]
pub struct MistakeFound {
    /// The mistake's id.
    pub id: String,
    /// What the report says.
    pub message: String,
    /// What it costs, overall points.
    pub penalty: f64,
    /// How to fix it.
    pub advice: Option<String>,
    /// Where the answer said it: the sentences whose asserted phrases made it hold, the
    /// earliest [`SAID_IN_MAX`](super::SAID_IN_MAX), with the phrases matched. Empty for a
    /// mistake no sentence commits: an absence, or a measure of the whole answer (a ratio,
    /// its length, no numbers). The language server puts its warning there too.
    pub said_in: Vec<Evidence>,
}

/// A change that would win points.
#[derive(Clone, Debug, Serialize)]
pub struct NextStep {
    /// Overall points this change could win.
    pub gain: f64,
    /// The criterion it helps; none for removing a mistake.
    pub criterion: Option<String>,
    /// The signal it would earn, within that criterion; none for removing a mistake.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signal: Option<String>,
    /// What to do.
    pub action: String,
}

/// A sentence with rubric vocabulary that earned nothing, and why.
#[derive(Clone, Debug, Serialize)]
pub struct Discounted {
    /// Why, in words: "repeats an earlier sentence", "under a negation", "rejected by
    /// 'I wouldn't' at 3:12", "rejected under 'What I wouldn't do' at 24:1", "the
    /// alternative set aside by 'instead of' at 5:20", "the problem fixed at 9:1".
    pub reason: String,
    /// The sentence.
    pub evidence: Evidence,
    /// For a phrase set aside by its stance: "negated", "rejected", "contrasted",
    /// "felt" or "problem".
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

/// Facts about the graded text.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    /// Words graded.
    pub words: usize,
    /// Sentences graded.
    pub sentences: usize,
    /// Sentences that repeat an earlier one.
    pub repeated_sentences: usize,
    /// Numbers and quantities, calendar years excluded.
    pub quantities: usize,
    /// Filler words.
    pub fillers: usize,
    /// Hedges.
    pub hedges: usize,
    /// Flesch reading ease (higher is easier).
    pub flesch_reading_ease: f64,
    /// Flesch–Kincaid grade level.
    pub flesch_kincaid_grade: f64,
    /// Words per sentence.
    pub average_sentence_words: f64,
}

impl Stats {
    /// The stats of an analysis.
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
    /// The share of `max` earned, two decimals.
    pub fn fraction(&self) -> f64 {
        if self.max > 0.0 {
            round2(self.score / self.max)
        } else {
            0.0
        }
    }
}
