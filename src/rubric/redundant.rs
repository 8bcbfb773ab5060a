//! Entries a phrase list does not need: two entries of one list that the matcher compares as
//! the same pattern (the same stems, the same prefix, the same quoted words, or one a
//! spelling of the other with a contraction said in full), so that the second adds
//! nothing ("cancel" and "cancelled", "i'd ask" and "i would ask"). `grade rubrics check`
//! warns about them and a test keeps the built-in rubrics free of them.

use crate::text::phrase::phrase_patterns;
use std::collections::BTreeMap;

/// An entry that an earlier entry of the same list already covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redundant {
    /// The list's key, dotted from the top of the file (`criterion.signal.phrases`).
    pub key: String,
    /// The entry that stays.
    pub kept: String,
    /// The entry it makes redundant.
    pub redundant: String,
}

/// Every redundant entry of every phrase list in a rubric's TOML source, in file order.
/// Example sentences (`examples.hit`, `examples.miss`) are not phrase lists. A source that
/// does not parse has none (the loader reports why).
pub fn redundant_entries(source: &str) -> Vec<Redundant> {
    let mut found = Vec::new();
    if let Ok(value) = toml::from_str::<toml::Value>(source) {
        walk(&value, "", &mut found);
    }
    found
}

fn walk(value: &toml::Value, key: &str, found: &mut Vec<Redundant>) {
    match value {
        toml::Value::Table(table) => {
            for (name, value) in table {
                if matches!(name.as_str(), "examples" | "hit" | "miss") {
                    continue;
                }
                let key = if key.is_empty() {
                    name.clone()
                } else {
                    format!("{key}.{name}")
                };
                walk(value, &key, found);
            }
        }
        toml::Value::Array(items) => {
            let mut seen: BTreeMap<_, &str> = BTreeMap::new();
            for item in items {
                match item {
                    toml::Value::String(phrase) => {
                        let patterns = phrase_patterns(phrase);
                        let Some(own) = patterns.first() else {
                            continue;
                        };
                        // An earlier entry covers this one when one of its spellings is
                        // this one ("i'd ask" covers "i would ask").
                        match seen.get(own) {
                            Some(kept) => found.push(Redundant {
                                key: key.to_owned(),
                                kept: (*kept).to_owned(),
                                redundant: phrase.clone(),
                            }),
                            None => {
                                for pattern in patterns {
                                    seen.entry(pattern).or_insert(phrase);
                                }
                            }
                        }
                    }
                    other => walk(other, key, found),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contraction_said_in_full_is_the_same_entry() {
        let source = r#"topic = ["i'd ask", "i would ask", "do not", "don't", "i would"]"#;
        let found: Vec<String> = redundant_entries(source)
            .into_iter()
            .map(|r| r.redundant)
            .collect();
        assert_eq!(found, ["i would ask", "don't"]);
    }

    #[test]
    fn finds_entries_with_the_same_stems() {
        let source = r#"
            topic = ["cancel", "cancelled", "cancel*", '"cancelled"', "price", "priced"]
            [[criterion]]
            phrases = ["the members", "the member's", "member"]
            examples.hit = ["cancel", "cancels"]
        "#;
        let found: Vec<(String, String)> = redundant_entries(source)
            .into_iter()
            .map(|r| (r.key, r.redundant))
            .collect();
        assert_eq!(
            found,
            [
                ("criterion.phrases".into(), "the member's".into()),
                ("topic".into(), "cancelled".into()),
                ("topic".into(), "priced".into()),
            ]
        );
    }

    #[test]
    fn no_builtin_rubric_lists_an_entry_twice() {
        let found: Vec<String> = super::super::builtin::SOURCES
            .iter()
            .flat_map(|(id, source)| {
                redundant_entries(source).into_iter().map(move |r| {
                    format!(
                        "{id}: {}: {:?} adds nothing to {:?}",
                        r.key, r.redundant, r.kept
                    )
                })
            })
            .collect();
        assert!(found.is_empty(), "redundant entries:\n{}", found.join("\n"));
    }
}
