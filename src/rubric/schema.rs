//! The rubric file format as serde reads it, and as its JSON Schema describes it: the
//! schema is derived from these types (`grade rubrics schema`). Unknown keys are rejected;
//! values that need a location in error messages are kept `Spanned`. A signal's keys
//! beyond the common ones belong to its kind (src/rules/signals/), and a mistake's
//! `when` keys to the condition kinds (src/rules/conditions/). Validation lives in
//! `load.rs` and in each kind's compile step.

use crate::rules::compile::{KeySeed, PhraseList};
use crate::rules::conditions::WhenDef;
use crate::rules::signals::KINDS;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::sync::LazyLock;
use toml::Spanned;

/// A rubric file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(
    title = "grade rubric",
    description = "A rubric for `grade`: weighted criteria made of signals, named mistakes and bands.",
    extend("$id" = "grade-rubric/1")
)]
pub struct RubricFile {
    /// Used with --rubric.
    #[schemars(with = "String", length(min = 1))]
    pub id: Spanned<String>,
    /// The rubric's name in reports.
    pub title: String,
    /// Bumped when scoring changes.
    #[serde(default = "one")]
    #[schemars(range(min = 1))]
    pub version: u32,
    /// The interview question the rubric grades.
    #[serde(default)]
    pub question: Option<String>,
    /// What a strong answer does, in a sentence or two.
    #[serde(default)]
    pub summary: Option<String>,
    /// Phrases that identify this rubric's question, for `--rubric auto`.
    #[serde(default, rename = "match")]
    pub match_phrases: Vec<String>,
    /// Words an answer to this question can hardly avoid; an answer with few sentences that
    /// use any of them is flagged off-topic. Earns no points.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub topic: Option<Spanned<Vec<String>>>,
    /// Bands, from the highest `min` to the lowest (default Strong 75, Good 50, Developing
    /// 20, Weak 0).
    #[serde(default, rename = "band")]
    #[schemars(with = "Vec<BandDef>")]
    pub bands: Vec<Spanned<BandDef>>,
    /// The criteria, each a weighted sum of signals.
    #[serde(default, rename = "criterion")]
    #[schemars(with = "Vec<CriterionDef>", length(min = 1))]
    pub criteria: Vec<Spanned<CriterionDef>>,
    /// Named mistakes, each with a penalty and the condition that detects it.
    #[serde(default, rename = "mistake")]
    #[schemars(with = "Vec<MistakeDef>")]
    pub mistakes: Vec<Spanned<MistakeDef>>,
    /// The rubric's own concepts, referenced as `@id` from its phrase lists like the
    /// built-in ones.
    #[serde(default, rename = "concept")]
    #[schemars(with = "Vec<ConceptDef>")]
    pub concepts: Vec<Spanned<ConceptDef>>,
}

/// A concept: a word family that phrase lists reference by name (`"@retention"`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConceptDef {
    /// Its name, referenced as `@id`; unique, and not a built-in concept's.
    #[schemars(with = "String", length(min = 1))]
    pub id: Spanned<String>,
    /// What the family stands for, in a line.
    #[serde(default)]
    pub description: Option<String>,
    /// Its phrases, matched as any phrase list's; a concept cannot reference another.
    #[schemars(with = "PhraseList")]
    pub phrases: Spanned<Vec<String>>,
    /// Sentences that should and should not hold one of its phrases; `grade rubrics
    /// check` runs them.
    #[serde(default)]
    pub examples: Option<ExamplesDef>,
}

fn one() -> u32 {
    1
}

/// A band: the label of scores at or above `min`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BandDef {
    /// The lowest score of the band, 0–100.
    #[schemars(with = "f64", range(min = 0, max = 100))]
    pub min: Spanned<f64>,
    /// The band's name.
    pub label: String,
}

/// A criterion: signals whose points add up to at most `max`, weighted in the total.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CriterionDef {
    /// Unique among the criteria.
    #[schemars(with = "String", length(min = 1))]
    pub id: Spanned<String>,
    /// The criterion's name in reports.
    pub name: String,
    /// Its weight in the overall score.
    #[schemars(with = "f64", extend("exclusiveMinimum" = 0))]
    pub weight: Spanned<f64>,
    /// The most points its signals can earn.
    #[schemars(with = "f64", extend("exclusiveMinimum" = 0))]
    pub max: Spanned<f64>,
    /// What to tell the candidate when the criterion is short of its max.
    pub advice: String,
    /// Which answers the criterion scores; the others leave it out of their total.
    #[serde(default)]
    #[schemars(with = "Option<AppliesToDef>")]
    pub applies_to: Option<Spanned<String>>,
    /// True for a criterion an answer to the question cannot do without (what is proposed,
    /// and for whom): an answer that earns nothing here while it fills the others is
    /// flagged `one-sided`. Default false.
    #[serde(default)]
    pub core: bool,
    /// The criterion's signals.
    #[serde(default, rename = "signal")]
    #[schemars(with = "Vec<SignalDef>", length(min = 1))]
    pub signals: Vec<Spanned<SignalDef>>,
}

/// Which answers a criterion scores (default any). For the schema; the loader checks it.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum AppliesToDef {
    Any,
    Transcript,
    Written,
}

/// One signal: the keys every signal has, and the keys of its kind, each with the span of
/// its value. Read by hand so that the kind's keys keep their spans: serde's internally
/// tagged enums and `flatten` lose them.
#[derive(Debug)]
pub struct SignalDef {
    /// Unique within its criterion.
    pub id: Spanned<String>,
    /// The signal kind's name.
    pub kind: Spanned<String>,
    /// Points per sentence that shows it (default 1).
    pub points: Spanned<f64>,
    /// At most this many sentences count (default 1).
    pub cap: Option<Spanned<u32>>,
    /// What to tell the candidate when the signal is absent.
    pub missing: Option<String>,
    /// Sentences that should and should not earn the signal.
    pub examples: Option<ExamplesDef>,
    /// Negated mentions count too: for outcomes, where "they don't renew" names the
    /// outcome as surely as "they renew".
    pub negation_tolerant: bool,
    /// The kind's keys, in the file's order.
    pub keys: Vec<(&'static str, Spanned<toml::Value>)>,
}

/// A signal: the keys every signal has, and those of its kind (one `oneOf` branch per kind).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[allow(dead_code)]
struct SignalCommon {
    /// Unique within its criterion.
    #[schemars(length(min = 1))]
    id: String,
    /// The signal kind.
    kind: String,
    /// Points per sentence that shows it (default 1).
    #[schemars(extend("exclusiveMinimum" = 0))]
    points: Option<f64>,
    /// At most this many sentences count (default 1).
    #[schemars(range(min = 1))]
    cap: Option<u32>,
    /// What to tell the candidate when the signal is absent.
    missing: Option<String>,
    /// Sentences that should and should not earn the signal; `grade rubrics check` runs
    /// them.
    examples: Option<ExamplesDef>,
    /// Negated mentions count too (default false): for outcomes, where "they don't renew"
    /// or "members stop paying" names the outcome as surely as "they renew".
    negation_tolerant: Option<bool>,
}

/// Keys every signal has, before its kind's.
const COMMON_KEYS: &[&str] = &[
    "id",
    "kind",
    "points",
    "cap",
    "missing",
    "negation-tolerant",
];

/// Every key a signal may have: the common ones, then each kind's in registration order.
static SIGNAL_KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut keys = COMMON_KEYS.to_vec();
    for key in KINDS.iter().flat_map(|k| (k.keys)()) {
        if !keys.contains(key) {
            keys.push(key);
        }
    }
    keys.push("examples");
    keys
});

impl<'de> Deserialize<'de> for SignalDef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Signal;
        impl<'de> Visitor<'de> for Signal {
            type Value = SignalDef;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a signal table")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SignalDef, A::Error> {
                use serde::de::Error;
                let (mut id, mut kind, mut points, mut cap) = (None, None, None, None);
                let (mut missing, mut examples, mut keys) = (None, None, Vec::new());
                let mut negation_tolerant = false;
                while let Some(key) = map.next_key_seed(KeySeed(&SIGNAL_KEYS))? {
                    match key {
                        "id" => id = Some(map.next_value()?),
                        "kind" => kind = Some(map.next_value()?),
                        "points" => points = Some(map.next_value()?),
                        "cap" => cap = Some(map.next_value()?),
                        "missing" => missing = Some(map.next_value()?),
                        "examples" => examples = Some(map.next_value()?),
                        "negation-tolerant" => negation_tolerant = map.next_value()?,
                        other => keys.push((other, map.next_value()?)),
                    }
                }
                Ok(SignalDef {
                    id: id.ok_or_else(|| A::Error::missing_field("id"))?,
                    kind: kind.ok_or_else(|| A::Error::missing_field("kind"))?,
                    // The default has no span, so problems with it carry no location.
                    points: points.unwrap_or_else(|| Spanned::new(0..0, 1.0)),
                    cap,
                    missing,
                    examples,
                    negation_tolerant,
                    keys,
                })
            }
        }
        deserializer.deserialize_map(Signal)
    }
}

impl JsonSchema for SignalDef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "signal".into()
    }

    /// The common keys with `kind` one of the registered kinds, and one branch per kind
    /// (`oneOf`) holding the common keys and that kind's own.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let common = SignalCommon::json_schema(generator).to_value();
        let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
        let branches: Vec<serde_json::Value> = KINDS
            .iter()
            .map(|kind| {
                let mut branch = common.clone();
                let own = (kind.schema)(generator).to_value();
                branch["description"] = format!("`{}`: {}", kind.name, kind.summary).into();
                branch["properties"]["kind"] = serde_json::json!({ "const": kind.name });
                if let Some(properties) = own["properties"].as_object() {
                    for (key, value) in properties {
                        branch["properties"][key] = value.clone();
                    }
                }
                if let (Some(required), Some(own)) = (
                    branch["required"].as_array_mut(),
                    own["required"].as_array(),
                ) {
                    required.extend(own.iter().cloned());
                }
                branch
            })
            .collect();
        let mut schema = common;
        schema["properties"]["kind"] = serde_json::json!({ "enum": names });
        // The branches say which keys a kind takes; here any key of some kind may appear.
        if let Some(object) = schema.as_object_mut() {
            object.remove("additionalProperties");
        }
        schema["oneOf"] = branches.into();
        Schema::try_from(schema).unwrap_or_default()
    }
}

/// Sentences that should and should not earn a signal.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExamplesDef {
    /// Each should earn the signal.
    #[serde(default)]
    pub hit: Vec<String>,
    /// None should earn it.
    #[serde(default)]
    pub miss: Vec<String>,
}

/// A named mistake: a penalty when its condition holds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MistakeDef {
    /// Unique among the mistakes.
    #[schemars(with = "String", length(min = 1))]
    pub id: Spanned<String>,
    /// What the report says when the mistake is found.
    pub message: String,
    /// Points taken off the overall score.
    #[schemars(with = "f64", extend("exclusiveMinimum" = 0))]
    pub penalty: Spanned<f64>,
    /// How to fix it, as a next step.
    #[serde(default)]
    pub advice: Option<String>,
    /// The condition; every key given must hold.
    #[schemars(with = "WhenDef")]
    pub when: Spanned<WhenDef>,
    /// A mistake of the telling: a status quo the answer describes and then changes
    /// still commits it (blame is blame, however the story ends). Default false.
    #[serde(default)]
    pub counts_problems: bool,
}

/// The JSON Schema of the rubric format, derived from these types.
pub fn schema() -> String {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<RubricFile>().to_value();
    tidy(&mut schema);
    // Optional to serde (an empty rubric gets one error, not a parse error), but required.
    if let Some(required) = schema["required"].as_array_mut() {
        required.push("criterion".into());
    }
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}

/// TOML has no null: an optional key is one that may be left out. Drops the `null` that
/// schemars adds to every `Option`, and joins doc comments' wrapped lines.
fn tidy(value: &mut serde_json::Value) {
    use serde_json::Value;
    let Some(object) = value.as_object_mut() else {
        if let Some(items) = value.as_array_mut() {
            items.iter_mut().for_each(tidy);
        }
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            object.insert("type".into(), only);
        }
    }
    if object.get("default") == Some(&Value::Null) {
        object.remove("default");
    }
    let not_null = |v: &Value| v.get("type").and_then(Value::as_str) != Some("null");
    if let Some(Value::Array(options)) = object.get("anyOf")
        && options.len() == 2
        && options.iter().filter(|o| not_null(o)).count() == 1
        && let Some(Value::Object(only)) = options.iter().find(|o| not_null(o)).cloned()
    {
        object.remove("anyOf");
        object.extend(only);
    }
    if let Some(Value::String(text)) = object.get_mut("description") {
        *text = text
            .split("\n\n")
            .map(|p| p.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    object.values_mut().for_each(tidy);
}
