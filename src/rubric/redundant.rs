//! Entries a phrase list does not need: two entries of one list that the matcher compares as
//! the same pattern (the same stems, the same prefix, the same quoted words), so that the
//! second adds nothing ("cancel" and "cancelled"). `grade rubrics check` warns about them
//! and a test keeps the built-in rubrics free of them.

use crate::text::phrase::normalize_phrase;
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
                        let pattern = normalize_phrase(phrase);
                        if pattern.0.is_empty() {
                            continue;
                        }
                        match seen.get(&pattern) {
                            Some(kept) => found.push(Redundant {
                                key: key.to_owned(),
                                kept: (*kept).to_owned(),
                                redundant: phrase.clone(),
                            }),
                            None => {
                                seen.insert(pattern, phrase);
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
                    format!("{id}: {}: {:?} is {:?} stemmed", r.key, r.redundant, r.kept)
                })
            })
            .collect();
        assert!(found.is_empty(), "redundant entries:\n{}", found.join("\n"));
    }
}
