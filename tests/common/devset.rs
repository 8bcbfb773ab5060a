//! The dev set (../shared/dev-set) graded and set beside the expert: per answer its tier
//! and score, per criterion the expert's 0/1/2 beside grade's share of the max, the
//! mistakes fired beside those committed, and whether the first next step is on a
//! criterion the expert marked below 2. Read by tests/devset.rs.

use grade::calibrate::{Label, parse_labels};
use grade::grade_text;
use grade::rubric::builtin;
use grade::scoring::Grade;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One criterion of one answer: the expert's level and grade's share of the max.
#[derive(Clone, Debug)]
pub struct CriterionPair {
    pub id: String,
    pub expert: i64,
    pub share: f64,
}

/// One graded dev-set answer beside its labels.
#[derive(Clone, Debug)]
pub struct Answer {
    pub file: String,
    pub rubric: String,
    pub tier: f64,
    pub score: f64,
    /// The criteria the expert judged, less those grade left out of this answer.
    pub criteria: Vec<CriterionPair>,
    pub fired: Vec<String>,
    /// The flags raised on it: none, on answers written in earnest.
    pub flags: Vec<&'static str>,
    pub committed: Vec<String>,
    /// Whether the first next step that names a criterion is on one the expert marked
    /// below 2; None when no next step names a criterion.
    pub first_step_on_a_gap: Option<bool>,
}

/// The dev set's folder.
pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev-set")
}

/// Every answer of labels.csv graded under its rubric, with criteria.csv's judgements;
/// None when the folder does not exist. Panics on a rubric that is not built in, an answer
/// criteria.csv does not cover, or a criterion the rubric does not have.
pub fn load(dev: &Path) -> Option<Vec<Answer>> {
    let tiers = std::fs::read_to_string(dev.join("labels.csv")).ok()?;
    let criteria = std::fs::read_to_string(dev.join("criteria.csv")).unwrap();
    let expert = parse_labels(&criteria).unwrap_or_else(|e| panic!("criteria.csv:{e}"));
    let by_file: BTreeMap<&str, &Label> =
        expert.rows.iter().map(|r| (r.file.as_str(), r)).collect();
    let mut out = Vec::new();
    for line in tiers.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split(',').collect();
        let (file, rubric_id, tier) = (fields[0], fields[1], fields[2]);
        let rubric = builtin::load_builtin(rubric_id)
            .unwrap_or_else(|_| panic!("{file}: `{rubric_id}` is not a built-in rubric"));
        let text = std::fs::read_to_string(dev.join(file)).unwrap();
        let grade = grade_text(&text, &rubric);
        let label = by_file
            .get(file)
            .unwrap_or_else(|| panic!("criteria.csv does not judge {file}"));
        out.push(answer(
            file,
            tier.parse().unwrap(),
            &grade,
            label,
            &expert.criteria,
        ));
    }
    Some(out)
}

fn answer(file: &str, tier: f64, grade: &Grade, label: &Label, columns: &[String]) -> Answer {
    let mut criteria = Vec::new();
    for (id, expert) in columns.iter().zip(&label.criteria) {
        let Some(expert) = *expert else { continue };
        let graded = grade
            .criteria
            .iter()
            .find(|c| &c.id == id)
            .unwrap_or_else(|| panic!("{file}: `{id}` is not a criterion of {}", grade.rubric.id));
        if graded.left_out.is_some() {
            continue;
        }
        criteria.push(CriterionPair {
            id: id.clone(),
            expert,
            share: graded.score / graded.max.max(f64::MIN_POSITIVE),
        });
    }
    let first_step_on_a_gap = grade
        .next_steps
        .iter()
        .find_map(|s| s.criterion.as_deref())
        .map(|id| criteria.iter().any(|c| c.id == id && c.expert < 2));
    Answer {
        file: file.to_owned(),
        rubric: grade.rubric.id.clone(),
        tier,
        score: grade.score,
        criteria,
        fired: grade.mistakes.iter().map(|m| m.id.clone()).collect(),
        flags: grade.flags.iter().map(|f| f.id).collect(),
        committed: label
            .mistakes
            .clone()
            .unwrap_or_else(|| panic!("criteria.csv gives no `mistakes` row for {file}")),
        first_step_on_a_gap,
    }
}
