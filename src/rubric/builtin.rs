//! The rubrics compiled into the binary. Only the one in use is compiled, once.

use super::{CompiledRubric, load_for};
use crate::error::RubricError;
use crate::text::phrase::Scans;

/// (id, TOML source) of every built-in rubric, in the order `rubrics list` shows them.
pub const SOURCES: &[(&str, &str)] = &[
    (
        "product-pitch",
        include_str!("../../rubrics/product-pitch.toml"),
    ),
    (
        "ux-vs-business",
        include_str!("../../rubrics/ux-vs-business.toml"),
    ),
    (
        "technical-design",
        include_str!("../../rubrics/technical-design.toml"),
    ),
    (
        "failure-story",
        include_str!("../../rubrics/failure-story.toml"),
    ),
    (
        "culture-fit",
        include_str!("../../rubrics/culture-fit.toml"),
    ),
    (
        "salary-negotiation",
        include_str!("../../rubrics/salary-negotiation.toml"),
    ),
    ("metrics", include_str!("../../rubrics/metrics.toml")),
];

/// The built-in rubrics' ids, in order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|(id, _)| *id)
}

/// The TOML source of a built-in rubric.
pub fn source(id: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(i, _)| *i == id).map(|(_, s)| *s)
}

/// Compiles a built-in rubric by id; an unknown id lists the rubrics and the closest one.
pub fn load_builtin(id: &str) -> Result<CompiledRubric, RubricError> {
    load_builtin_for(id, Scans::Many)
}

/// [`load_builtin`] with the rubric's automata built for `scans` texts.
pub fn load_builtin_for(id: &str, scans: Scans) -> Result<CompiledRubric, RubricError> {
    match source(id) {
        Some(source) => load_for(source, scans),
        None => Err(RubricError::Unknown {
            id: id.to_owned(),
            suggestion: closest(id),
            available: ids().map(str::to_owned).collect(),
        }),
    }
}

/// The built-in id nearest to `id` by edit distance, when near enough to be a typo.
fn closest(id: &str) -> Option<String> {
    ids()
        .map(|candidate| (edit_distance(id, candidate), candidate))
        .filter(|&(distance, candidate)| distance <= candidate.len() / 2 || candidate.contains(id))
        .min()
        .map(|(_, candidate)| candidate.to_owned())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_of_every_builtin_has_its_patterns_from_build_rs() {
        for (id, _) in SOURCES {
            let rubric = load_builtin(id).unwrap();
            let phrases = rubric.lists.iter().flatten().chain(&rubric.match_phrases);
            for phrase in phrases {
                assert!(crate::text::phrase::precomputed(phrase), "{id}: {phrase:?}");
            }
        }
    }

    #[test]
    fn every_builtin_compiles() {
        for id in ids() {
            load_builtin(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        }
    }

    #[test]
    fn unknown_id_suggests_the_closest() {
        match load_builtin("product-pich") {
            Err(RubricError::Unknown { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("product-pitch"))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
