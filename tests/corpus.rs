//! The benchmark corpus generator: the same seed writes the same bytes, a pinned
//! fingerprint catches any change to the generated text, and the answers look like the
//! inputs `grade` is for (every form, every topic, 200–800 words, gradable).

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use corpus::{Form, MAX_WORDS, MIN_WORDS};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("grade-corpus-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read_dir_sorted(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn same_seed_writes_the_same_bytes() {
    let (a, b, c) = (TempDir::new("a"), TempDir::new("b"), TempDir::new("c"));
    corpus::write_corpus(&a.0, 20, 7).unwrap();
    corpus::write_corpus(&b.0, 20, 7).unwrap();
    corpus::write_corpus(&c.0, 20, 8).unwrap();
    let (first, second) = (read_dir_sorted(&a.0), read_dir_sorted(&b.0));
    assert_eq!(first.len(), 20);
    assert_eq!(first, second);
    assert_ne!(first, read_dir_sorted(&c.0), "another seed, another corpus");
}

#[test]
fn a_larger_corpus_starts_with_the_smaller_one() {
    let small = corpus::generate(10, 3);
    let large = corpus::generate(20, 3);
    for (s, l) in small.iter().zip(&large) {
        assert_eq!((&s.name, &s.text), (&l.name, &l.text));
    }
}

/// Changing the generator changes every benchmark figure: do it on purpose, then update
/// this value (`cargo test --test corpus` prints the new one).
#[test]
fn generated_text_is_pinned() {
    let fingerprint = corpus::fingerprint(&corpus::generate(30, 1));
    assert_eq!(
        fingerprint, 0x0f0f_2e8d_11e5_5647,
        "corpus changed: new fingerprint {fingerprint:#018x}"
    );
}

#[test]
fn answers_look_like_real_inputs() {
    let answers = corpus::generate(150, 1);
    let forms: BTreeSet<Form> = answers.iter().map(|a| a.form).collect();
    assert_eq!(forms.len(), 5, "every form appears: {forms:?}");
    let topics: BTreeSet<&str> = answers.iter().map(|a| a.topic).collect();
    let builtin: BTreeSet<&str> = grade::rubric::builtin::ids().collect();
    assert_eq!(topics, builtin, "one topic per built-in rubric");

    let rubric = grade::rubric::builtin::load_builtin("product-pitch").unwrap();
    for answer in &answers {
        let name = &answer.name;
        assert!(
            (MIN_WORDS..=MAX_WORDS).contains(&answer.candidate_words),
            "{name}: {} words",
            answer.candidate_words
        );
        let text = &answer.text;
        match answer.form {
            Form::Markdown => assert!(text.contains("## ") || text.contains("### "), "{name}"),
            Form::Transcript => {
                assert!(text.contains("Interviewer: ") || text.contains("INTERVIEWER: "));
                assert!(
                    text.lines().filter(|l| l.contains(": ")).count() >= 2,
                    "{name}"
                );
            }
            Form::Srt => {
                assert!(text.starts_with("1\n") && text.contains(",") && text.contains(" --> "))
            }
            Form::Vtt => assert!(text.starts_with("WEBVTT\n\n") && text.contains(" --> ")),
            Form::Prose => assert!(!text.contains("## ") && !text.contains(" --> "), "{name}"),
        }
        let spoken = matches!(answer.form, Form::Transcript | Form::Srt | Form::Vtt);
        let has_filler = [" um", " uh", "you know,"].iter().any(|f| text.contains(f));
        // Long spoken answers always stumble somewhere; written ones never do.
        if !spoken {
            assert!(!has_filler, "{name}: filler in a written answer");
        } else if answer.candidate_words > 300 {
            assert!(has_filler, "{name}: no filler in a spoken answer");
        }
        let decoded = grade::decode(text.as_bytes().to_vec(), grade::document::DEFAULT_MAX_BYTES)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let graded = grade::grade_text(&decoded, &rubric);
        if !spoken {
            let words = graded.stats.words;
            let expected = answer.candidate_words;
            assert!(
                words * 4 >= expected * 3 && words * 4 <= expected * 5,
                "{name}: grade counts {words} words, generator wrote {expected}"
            );
        }
    }
    let all: String = answers.iter().map(|a| a.text.as_str()).collect();
    for typography in ['“', '”', '’', '—', '–', '%', 'é', 'ø', 'Ł', 'ễ', '€'] {
        assert!(all.contains(typography), "no {typography} in the corpus");
    }
}
