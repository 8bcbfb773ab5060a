//! What every compile step shares: the problems found so far (each with its line:column and
//! id), the rubric's phrase lists as they are added, and, for one signal, the keys its kind
//! reads. Signal kinds and mistake conditions compile through these.

use crate::error::RubricProblem;
use crate::text::span::LineIndex;
use serde::Deserializer;
use serde::de::{DeserializeOwned, DeserializeSeed, Visitor};
use std::ops::Range;
use toml::Spanned;

/// Index of a phrase list in the rubric's one matcher ([`super::CompiledRubric::matcher`]).
pub type ListId = u32;

/// The problems found in a rubric so far, located in its source.
pub struct Problems<'a> {
    source: &'a str,
    index: LineIndex,
    pub(crate) list: Vec<RubricProblem>,
}

impl<'a> Problems<'a> {
    /// No problems yet, in `source`.
    pub fn new(source: &'a str) -> Self {
        Problems {
            source,
            index: LineIndex::new(source),
            list: Vec::new(),
        }
    }

    /// Records a problem at `span` (no location for the empty span at 0, a default value),
    /// about the item `id`.
    pub fn add(&mut self, span: Range<usize>, id: Option<&str>, message: impl Into<String>) {
        let location = (span.start < span.end || span.start > 0)
            .then(|| self.index.line_col(self.source, span.start));
        self.list.push(RubricProblem {
            location,
            id: id.map(str::to_owned),
            message: message.into(),
        });
    }

    /// Records a reference to a concept that does not exist, at the reference itself when
    /// it can be found inside `span` (where its list is written).
    pub fn unknown_concept(&mut self, name: &str, span: Range<usize>, id: &str, known: &Concepts) {
        let written = self.source.get(span.clone()).unwrap_or("");
        let at = ["\"@", "'@"]
            .iter()
            .find_map(|quote| written.find(&format!("{quote}{name}")))
            .map_or(span.clone(), |i| {
                span.start + i..span.start + i + name.len() + 2
            });
        let names: Vec<&str> = known.keys().map(String::as_str).collect();
        self.add(
            at,
            Some(id),
            format!(
                "unknown concept `@{name}`; the concepts are: {}",
                names.join(", ")
            ),
        );
    }

    /// Checks a phrase list: not empty, no empty phrase.
    pub fn check_phrases(&mut self, list: &Spanned<Vec<String>>, key: &str, id: &str) {
        self.check_phrase_list(list.get_ref(), list.span(), key, id);
    }

    /// [`Problems::check_phrases`] for a list and the span it was written at.
    pub fn check_phrase_list(&mut self, list: &[String], span: Range<usize>, key: &str, id: &str) {
        if list.is_empty() {
            self.add(
                span.clone(),
                Some(id),
                format!("`{key}` is an empty phrase list"),
            );
        }
        if list.iter().any(|p| crate::text::phrase::is_empty_phrase(p)) {
            self.add(span, Some(id), format!("`{key}` holds an empty phrase"));
        }
    }
}

/// Shared concepts by id: named phrase lists that any phrase list may reference as `@id`.
pub type Concepts = std::collections::BTreeMap<String, Vec<String>>;

/// The concept a phrase references (`@retention` → `retention`), if it is a reference.
pub fn concept_ref(phrase: &str) -> Option<&str> {
    phrase.trim().strip_prefix('@').map(str::trim)
}

/// The rubric's phrase lists, in the order they are compiled; a list's index is its
/// [`ListId`] in the rubric's one matcher. Concept references are expanded as lists are
/// added.
#[derive(Default)]
pub struct Lists {
    /// Each list with its concept references expanded: the phrases the matcher looks for.
    pub(crate) lists: Vec<Vec<String>>,
    /// Each list as written, every reference followed by its expansion, for `rubrics show`.
    pub(crate) shown: Vec<Vec<String>>,
    /// The concepts references may name.
    pub(crate) concepts: Concepts,
    /// Per list: how its hits are read beyond their stance.
    pub(crate) readings: Vec<ListReading>,
}

/// How the hits of one list are read beyond their stance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListReading {
    /// Its negated hits count as content: a `negation-tolerant` signal's lists.
    pub negation_tolerant: bool,
    /// A status quo the answer describes and then changes still commits it: a
    /// `counts-problems` mistake's lists, a mistake of the telling.
    pub problems_commit: bool,
}

impl Lists {
    /// No lists yet; references may name `concepts`.
    pub fn new(concepts: Concepts) -> Self {
        Lists {
            concepts,
            ..Lists::default()
        }
    }

    /// A list with its references expanded (each phrase once, in order), and the names of
    /// the references that name no concept.
    pub fn expand(&self, phrases: &[String]) -> (Vec<String>, Vec<String>) {
        let (mut out, mut unknown) = (Vec::new(), Vec::new());
        for phrase in phrases {
            let members = match concept_ref(phrase) {
                Some(name) => match self.concepts.get(name) {
                    Some(members) => members.as_slice(),
                    None => {
                        unknown.push(name.to_owned());
                        continue;
                    }
                },
                None => std::slice::from_ref(phrase),
            };
            for member in members {
                if !out.contains(member) {
                    out.push(member.clone());
                }
            }
        }
        (out, unknown)
    }

    /// Adds a list written at `span`, expanding its references; a reference to no concept
    /// is a problem at the reference, about `id`. Returns the list's id.
    pub fn add(
        &mut self,
        phrases: &[String],
        span: Range<usize>,
        problems: &mut Problems,
        id: &str,
    ) -> ListId {
        let (expanded, unknown) = self.expand(phrases);
        for name in unknown {
            problems.unknown_concept(&name, span.clone(), id, &self.concepts);
        }
        let shown = phrases
            .iter()
            .map(|phrase| match concept_ref(phrase) {
                Some(name) => match self.concepts.get(name) {
                    Some(members) => format!("@{name} ({})", members.join(", ")),
                    None => phrase.clone(),
                },
                None => phrase.clone(),
            })
            .collect();
        self.lists.push(expanded);
        self.shown.push(shown);
        self.readings.push(ListReading::default());
        (self.lists.len() - 1) as ListId
    }

    /// How many lists there are: the id the next list will get.
    pub fn len(&self) -> usize {
        self.lists.len()
    }

    /// True before the first list.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// Lets negated hits of every list from `first` on count as content.
    pub fn tolerate_negation_from(&mut self, first: usize) {
        for reading in &mut self.readings[first..] {
            reading.negation_tolerant = true;
        }
    }

    /// Lets a described-then-changed status quo commit every list from `first` on.
    pub fn commit_problems_from(&mut self, first: usize) {
        for reading in &mut self.readings[first..] {
            reading.problems_commit = true;
        }
    }
}

/// One signal's kind-specific keys, each with the span of its value, as the loader read
/// them; and where to report what is wrong with them.
pub struct SignalCompiler<'p, 'a> {
    /// Problems found so far.
    pub problems: &'p mut Problems<'a>,
    /// The rubric's phrase lists.
    pub lists: &'p mut Lists,
    /// `criterion.signal`, the id every problem names.
    pub id: &'p str,
    /// The span of the signal's `kind` value: where problems of the signal as a whole go.
    pub at: Range<usize>,
    /// The keys the kind reads, with their values.
    pub keys: Vec<(&'static str, Spanned<toml::Value>)>,
}

impl SignalCompiler<'_, '_> {
    /// Records a problem about this signal.
    pub fn problem(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.problems.add(span, Some(self.id), message);
    }

    /// Where `key`'s value is written, or the `kind` value when it is not given.
    pub fn span(&self, key: &str) -> Range<usize> {
        self.keys
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(self.at.clone(), |(_, v)| v.span())
    }

    /// The kind's typed definition, read from its keys. A value of the wrong type is
    /// reported at that value, with serde's message, as a parse error would be.
    pub fn def<T: DeserializeOwned>(&mut self) -> Option<T> {
        let table = |keys: &[(&'static str, Spanned<toml::Value>)]| {
            let table: toml::Table = keys
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.get_ref().clone()))
                .collect();
            toml::Value::Table(table).try_into::<T>()
        };
        let error = match table(&self.keys) {
            Ok(def) => return Some(def),
            Err(error) => error,
        };
        // Every key of a kind is optional to serde, so the key that fails alone is the one.
        let Some((key, value)) = self
            .keys
            .iter()
            .find(|one| table(std::slice::from_ref(one)).is_err())
        else {
            self.problems
                .add(self.at.clone(), None, error.message().trim().to_owned());
            return None;
        };
        // Read that key again from the source, as the whole file was read, so that an error
        // inside the value (an array's third item) points where the file parse would.
        let span = value.span();
        let prefix = format!("{key} = ");
        let text = format!("{prefix}{}", &self.problems.source[span.clone()]);
        let (at, message) = match toml::from_str::<T>(&text) {
            Err(e) => {
                let shift = |i: usize| (i + span.start).saturating_sub(prefix.len());
                let at = e
                    .span()
                    .map_or(span.clone(), |s| shift(s.start)..shift(s.end));
                (at, e.message().trim().to_owned())
            }
            Ok(_) => (span, error.message().trim().to_owned()),
        };
        self.problems.add(at, None, message);
        None
    }

    /// A phrase list the kind needs: present, not empty, no empty phrase; added to the
    /// rubric's lists.
    pub fn phrases(&mut self, list: Option<&Vec<String>>, key: &str) -> Option<ListId> {
        let Some(list) = list else {
            self.problem(self.at.clone(), format!("this signal kind needs `{key}`"));
            return None;
        };
        let span = self.span(key);
        self.problems
            .check_phrase_list(list, span.clone(), key, self.id);
        Some(self.lists.add(list, span, self.problems, self.id))
    }

    /// A key the kind needs, or a problem saying so.
    pub fn needs<'v, T>(&mut self, value: Option<&'v T>, key: &str) -> Option<&'v T> {
        if value.is_none() {
            self.problem(self.at.clone(), format!("this signal kind needs `{key}`"));
        }
        value
    }
}

/// The field names of a struct as serde reads them (`rename_all` applied): a signal kind's
/// keys, taken from its definition type so that they are written once.
pub fn struct_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Fields(&'static [&'static str]);
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("stop")
        }
    }
    impl std::error::Error for Stop {}
    impl serde::de::Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Stop
        }
    }
    struct Catch<'f>(&'f mut Fields);
    impl<'de> serde::Deserializer<'de> for Catch<'_> {
        type Error = Stop;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0.0 = fields;
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut fields = Fields(&[]);
    let _ = T::deserialize(Catch(&mut fields));
    fields.0
}

/// A phrase list as a mistake condition reads it: the phrases and where they are written.
/// Its schema is the one every phrase list of a rubric has.
#[derive(Debug, serde::Deserialize)]
#[serde(transparent)]
pub struct PhraseList(pub Spanned<Vec<String>>);

impl schemars::JsonSchema for PhraseList {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "phrases".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "array",
            "minItems": 1,
            "items": { "type": "string", "minLength": 1 },
            "description": "Phrases, matched on word stems with case and typography folded; a trailing `*` marks a prefix, an entry in double quotes matches exactly, an entry that starts with a first-person pronoun keeps its form; `@id` stands for a concept's phrases."
        })
    }
}

/// What a mistake condition compiles with: the problems, the phrase lists, the mistake's
/// id and the criteria compiled before the mistakes.
pub struct ConditionCompiler<'p, 'a> {
    /// Problems found so far.
    pub problems: &'p mut Problems<'a>,
    /// The rubric's phrase lists.
    pub lists: &'p mut Lists,
    /// The mistake's id, which every problem names.
    pub id: &'p str,
    /// The rubric's criteria ids, each with its signals' ids, for conditions that name
    /// signals.
    pub criteria: &'p [(&'p str, Vec<&'p str>)],
}

impl ConditionCompiler<'_, '_> {
    /// Checks a phrase list written at `key` and adds it.
    pub fn phrases(&mut self, list: &PhraseList, key: &str) -> ListId {
        self.problems.check_phrases(&list.0, key, self.id);
        self.lists
            .add(list.0.get_ref(), list.0.span(), self.problems, self.id)
    }
}

/// Reads a key that must be one of a fixed list. An unknown key fails here, while it is
/// read, so that the error points at the key.
pub struct KeySeed(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = &'static str;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<&'static str, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = &'static str;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<&'static str, E> {
        self.0
            .iter()
            .find(|k| **k == key)
            .copied()
            .ok_or_else(|| E::unknown_field(key, self.0))
    }
}
