//! Work one answer graded as a process would otherwise pay in full, done ahead of time.
//! Stems every word of the built-in rubrics: loading a rubric stems its phrases, and
//! Snowball costs thousands of instructions a word. Writes `$OUT_DIR/rubric_stems.rs`,
//! (word, stem) sorted by word, with the very function the crate stems with
//! (`src/text/snowball.rs`). And reads the built-in concepts' phrases out of
//! `rubrics/concepts.toml` (parsing its TOML, examples and all, cost more than building a
//! rubric's automata): `$OUT_DIR/concept_phrases.rs`. And computes the patterns every
//! phrase of those files is matched as, with the crate's own `src/text/normal.rs`:
//! `$OUT_DIR/phrase_patterns.rs`.

// The crate's own files, self-contained: siblings here as in `src/text/`, so that
// `normal` finds `super::contractions` in both.
#[path = "src/text/contractions.rs"]
#[allow(dead_code)]
mod contractions;
#[path = "src/text/normal.rs"]
#[allow(dead_code)]
mod normal;
#[path = "src/text/snowball.rs"]
#[allow(dead_code)]
mod snowball;

use normal::PhraseKind;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

fn main() {
    println!("cargo::rerun-if-changed=rubrics");
    for file in ["snowball", "normal", "contractions"] {
        println!("cargo::rerun-if-changed=src/text/{file}.rs");
    }
    let mut paths: Vec<_> = std::fs::read_dir("rubrics")
        .expect("rubrics/ is readable")
        .map(|entry| entry.expect("rubrics/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut stems = BTreeMap::new();
    let mut phrases = BTreeSet::new();
    for path in &paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(path).expect("a rubric is UTF-8");
        if let Ok(table) = source.parse::<toml::Table>() {
            list_strings(&toml::Value::Table(table), &mut phrases);
        }
        for word in words(&source) {
            // The crate stems a word of two bytes or fewer as itself, without asking.
            if word.len() > 2 && !stems.contains_key(&word) {
                let stem = snowball::stem_word(&word).into_owned();
                stems.insert(word, stem);
            }
        }
    }
    let mut out =
        String::from("/// (word, stem) of every word of the built-in rubrics, sorted by word.\n");
    out.push_str("static RUBRIC_STEMS: &[(&str, &str)] = &[\n");
    for (word, stem) in &stems {
        writeln!(out, "    ({word:?}, {stem:?}),").expect("writing to a String");
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{dir}/rubric_stems.rs"), out).expect("OUT_DIR is writable");
    std::fs::write(format!("{dir}/concept_phrases.rs"), concept_phrases())
        .expect("OUT_DIR is writable");
    std::fs::write(
        format!("{dir}/phrase_patterns.rs"),
        phrase_patterns(&phrases),
    )
    .expect("OUT_DIR is writable");
}

/// Every string of every array in `value` but its examples (sentences, not phrases): each
/// phrase list, and a few arrays that are not phrases, which only cost a table entry.
fn list_strings(value: &toml::Value, out: &mut BTreeSet<String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                if key != "examples" {
                    list_strings(value, out);
                }
            }
        }
        toml::Value::Array(items) => {
            for item in items {
                match item.as_str() {
                    Some(phrase) => {
                        out.insert(phrase.to_owned());
                    }
                    None => list_strings(item, out),
                }
            }
        }
        _ => {}
    }
}

/// The phrase table (src/text/phrase/table.rs): `PHRASE_TEXT`, every phrase and pattern
/// end to end; `PHRASES`, (start, end, first pattern, pattern count) sorted by phrase;
/// `PATTERNS`, (start, end, kind). Each phrase's patterns are `normal::patterns` of it for a
/// phrase list (stemmed unless marked), with the crate's stem of each word.
fn phrase_patterns(phrases: &BTreeSet<String>) -> String {
    let mut stem = |word: &str, out: &mut String| out.push_str(&snowball::stem_word(word));
    let mut text = String::new();
    let mut place = |s: &str| {
        text.push_str(s);
        (text.len() - s.len(), text.len())
    };
    let (mut rows, mut patterns) = (String::new(), String::new());
    let mut count = 0;
    for phrase in phrases {
        let (start, end) = place(phrase);
        let found = normal::patterns(phrase, PhraseKind::Stem, &mut stem);
        writeln!(rows, "    ({start}, {end}, {count}, {}),", found.len()).expect("a String");
        for (pattern, kind) in &found {
            let (start, end) = place(pattern);
            writeln!(patterns, "    ({start}, {end}, PhraseKind::{kind:?}),").expect("a String");
        }
        count += found.len();
    }
    format!(
        "static PHRASE_TEXT: &str = {text:?};\n\
         static PHRASES: &[(u32, u32, u32, u32)] = &[\n{rows}];\n\
         static PATTERNS: &[(u32, u32, PhraseKind)] = &[\n{patterns}];\n"
    )
}

/// `CONCEPT_PHRASES`: (id, phrases) of each `[[concept]]` of rubrics/concepts.toml, in its
/// order, as the crate's loader reads them (the id trimmed, the phrases as written). A file
/// that does not parse, or a concept without an id or phrases, writes an empty table: the
/// loader's own test reports what is wrong with the file.
fn concept_phrases() -> String {
    let source = std::fs::read_to_string("rubrics/concepts.toml").expect("concepts.toml is UTF-8");
    let concepts: Vec<(String, Vec<String>)> = source
        .parse::<toml::Table>()
        .ok()
        .and_then(|table| {
            let list = table.get("concept")?.as_array()?;
            list.iter()
                .map(|concept| {
                    let id = concept.get("id")?.as_str()?.trim().to_owned();
                    let phrases = concept.get("phrases")?.as_array()?;
                    let phrases = phrases
                        .iter()
                        .map(|p| p.as_str().map(str::to_owned))
                        .collect::<Option<Vec<_>>>()?;
                    Some((id, phrases))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = String::from(
        "/// (id, phrases) of every built-in concept, in the order rubrics/concepts.toml\n\
         /// defines them.\nstatic CONCEPT_PHRASES: &[(&str, &[&str])] = &[\n",
    );
    for (id, phrases) in &concepts {
        writeln!(out, "    ({id:?}, &{phrases:?}),").expect("writing to a String");
    }
    out.push_str("];\n");
    out
}

/// Candidate words of a rubric's text, lower-cased as folding does: each run of word
/// characters and apostrophes, and its parts between apostrophes. A candidate the crate
/// never looks up costs a table entry, nothing else; the table is only a shortcut.
fn words(source: &str) -> Vec<String> {
    let folded: String = source
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = Vec::new();
    for run in folded.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\'')) {
        let trimmed = run.trim_start_matches('\'');
        out.push(trimmed.to_owned());
        out.push(trimmed.trim_end_matches('\'').to_owned());
        out.extend(trimmed.split('\'').map(str::to_owned));
    }
    out
}
