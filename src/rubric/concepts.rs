//! Shared concepts: word families (members, retention outcomes, experiments, …) defined
//! once, in `rubrics/concepts.toml`, and referenced as `@id` from any phrase list of any
//! rubric. A rubric may add its own in `[[concept]]` tables. A concept cannot reference
//! another, so there are no cycles to follow.

use super::schema::ConceptDef;
use super::{CompiledRubric, Examples, load};
use crate::error::RubricProblem;
use crate::rules::compile::{Concepts, Problems, concept_ref};
use std::sync::LazyLock;
use toml::Spanned;

/// The built-in concepts' source.
pub const SOURCE: &str = include_str!("../../rubrics/concepts.toml");

/// A concept: a named phrase list with its own examples.
#[derive(Clone, Debug)]
pub struct Concept {
    /// Its name, referenced as `@id`.
    pub id: String,
    /// What the family stands for.
    pub description: Option<String>,
    /// Its phrases.
    pub phrases: Vec<String>,
    /// Sentences that should and should not hold one of its phrases.
    pub examples: Examples,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptsFile {
    #[serde(default)]
    concept: Vec<Spanned<ConceptDef>>,
}

static BUILTIN: LazyLock<Result<Vec<Concept>, Vec<RubricProblem>>> = LazyLock::new(|| {
    let mut problems = Problems::new(SOURCE);
    match toml::from_str::<ConceptsFile>(SOURCE) {
        Ok(file) => {
            let concepts = compile(&file.concept, &Concepts::new(), &mut problems);
            if problems.list.is_empty() {
                return Ok(concepts);
            }
        }
        Err(error) => problems.add(
            error.span().unwrap_or(0..0),
            None,
            error.message().trim().to_owned(),
        ),
    }
    Err(problems.list)
});

/// The built-in concepts, in the order `rubrics/concepts.toml` defines them; the problems
/// of that file if it does not load (a test keeps it loading).
pub fn builtin() -> Result<&'static [Concept], &'static [RubricProblem]> {
    BUILTIN.as_deref().map_err(Vec::as_slice)
}

// `CONCEPT_PHRASES`: (id, phrases) of every built-in concept, read out of
// rubrics/concepts.toml by build.rs, so that loading a rubric parses no TOML but its own.
include!(concat!(env!("OUT_DIR"), "/concept_phrases.rs"));

/// The built-in concepts by id, for expanding references: the phrases [`builtin`] reads,
/// taken from build.rs's table without parsing rubrics/concepts.toml (a test holds the two
/// to each other, and keeps the file loading).
pub fn builtin_map() -> Concepts {
    CONCEPT_PHRASES
        .iter()
        .map(|&(id, phrases)| {
            let phrases = phrases.iter().map(|&p| p.to_owned()).collect();
            (id.to_owned(), phrases)
        })
        .collect()
}

/// Checks and compiles concept definitions: ids unique and new to `known`, phrase lists
/// not empty and without references.
pub(super) fn compile(
    defs: &[Spanned<ConceptDef>],
    known: &Concepts,
    problems: &mut Problems,
) -> Vec<Concept> {
    let mut concepts: Vec<Concept> = Vec::new();
    for def in defs.iter().map(Spanned::get_ref) {
        let id = def.id.get_ref().trim();
        if id.is_empty() || id.starts_with('@') || id.contains(char::is_whitespace) {
            problems.add(
                def.id.span(),
                Some(id),
                "a concept's `id` is one word, written without the `@`",
            );
        }
        if known.contains_key(id) {
            problems.add(
                def.id.span(),
                Some(id),
                "a built-in concept has this id; choose another",
            );
        } else if concepts.iter().any(|c| c.id == id) {
            problems.add(def.id.span(), Some(id), "duplicate concept id");
        }
        problems.check_phrases(&def.phrases, "phrases", id);
        if let Some(nested) = def.phrases.get_ref().iter().find_map(|p| concept_ref(p)) {
            problems.add(
                def.phrases.span(),
                Some(id),
                format!(
                    "a concept cannot reference another concept (`@{nested}`); list its phrases"
                ),
            );
        }
        let examples = def.examples.as_ref();
        concepts.push(Concept {
            id: id.to_owned(),
            description: def.description.clone(),
            phrases: def.phrases.get_ref().clone(),
            examples: Examples {
                hit: examples.map(|e| e.hit.clone()).unwrap_or_default(),
                miss: examples.map(|e| e.miss.clone()).unwrap_or_default(),
            },
        });
    }
    concepts
}

/// A one-signal rubric whose signal is the concept's phrases and whose examples are the
/// concept's, so that the concept's examples run through the real scorer.
pub fn probe(concept: &Concept) -> Result<CompiledRubric, crate::error::RubricError> {
    use toml::{Table, Value};
    let strings = |list: &[String]| Value::Array(list.iter().cloned().map(Value::String).collect());
    let text = |s: &str| Value::String(s.to_owned());
    let table = |pairs: Vec<(&str, Value)>| {
        Value::Table(Table::from_iter(
            pairs.into_iter().map(|(k, v)| (k.to_owned(), v)),
        ))
    };
    let examples = table(vec![
        ("hit", strings(&concept.examples.hit)),
        ("miss", strings(&concept.examples.miss)),
    ]);
    let signal = table(vec![
        ("id", text(&concept.id)),
        ("kind", text("phrases")),
        ("phrases", strings(&concept.phrases)),
        ("examples", examples),
    ]);
    let criterion = table(vec![
        ("id", text("concept")),
        ("name", text("Concept")),
        ("weight", Value::Integer(1)),
        ("max", Value::Integer(1)),
        ("advice", text("-")),
        ("signal", Value::Array(vec![signal])),
    ]);
    let rubric = table(vec![
        ("id", text(&format!("@{}", concept.id))),
        ("title", text("Concept")),
        ("criterion", Value::Array(vec![criterion])),
    ]);
    load(&toml::to_string(&rubric).unwrap_or_default())
}
