//! Mistake conditions, one per file: each `when` key of a `[mistake]` is one kind with its
//! definition, compile step, check, docs and tests. `condition_kinds!` at the bottom
//! registers them: adding a condition is its file and one line there. Every condition
//! given must hold for the mistake to count.
//!
//! To add a condition: write `src/rules/conditions/<condition>.rs` with a struct
//! implementing [`ConditionKind`] (its `when` key, its value type read with spans, its
//! compile and check), ruff-style docs and tests through `test::assert_condition`; add
//! its `module::Type` line to `condition_kinds!` below; regenerate the schema and give it
//! a row in docs/rubrics.md.

use crate::rules::compile::ListId;
use crate::rules::compile::{ConditionCompiler, KeySeed};
use crate::rules::context::{Context, Hit};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

/// The points a signal earned, by (criterion, signal) index; `None` when the criterion
/// does not apply to this answer.
pub(crate) type Earned<'a> = dyn Fn(usize, usize) -> Option<f64> + 'a;

/// One kind of `when` condition.
pub(crate) trait ConditionKind: Sized {
    /// Its key in `when`.
    const KEY: &'static str;
    /// One line on when it holds, for the schema and the docs.
    const SUMMARY: &'static str;
    /// Its value in `when`, read with its spans.
    type Def: for<'de> Deserialize<'de> + JsonSchema;
    /// Checks the definition, reporting problems with the mistake's id, and compiles it.
    fn compile(def: &Self::Def, cx: &mut ConditionCompiler) -> Self;
    /// Whether it holds for this answer; `earned(criterion, signal)` gives a signal's
    /// points (none for a criterion left out of this answer).
    fn holds(&self, context: &Context, earned: &Earned) -> bool;
    /// Two lists counted against each other (who speaks, not what the answer is about).
    fn compared(&self) -> Option<[ListId; 2]> {
        None
    }
    /// The lists whose asserted hits it counts, so that a hit of theirs set aside by its
    /// stance is worth reporting as not counted.
    fn committed_lists(&self) -> Vec<ListId> {
        Vec::new()
    }
    /// Where the answer said it: the asserted hits that make it hold, in document order.
    /// Not always the hits of [`ConditionKind::committed_lists`]: a follow-up list is
    /// counted, but what was said is the thing it failed to follow. None for a condition
    /// of absence or of the whole answer (a ratio, a length, no numbers), which no
    /// sentence commits.
    fn said_in(&self, _context: &Context, _earned: &Earned) -> Vec<Hit> {
        Vec::new()
    }
}

/// Registers the condition kinds: one `module::Type` line each. Generates the module
/// declarations, the compiled [`Condition`] enum with its dispatch, how `when` is read and
/// its schema.
macro_rules! condition_kinds {
    ($($module:ident :: $kind:ident),* $(,)?) => {
        $(mod $module;)*

        /// A compiled mistake condition: one variant per registered kind.
        #[derive(Clone, Debug)]
        pub enum Condition {
            $(
                #[doc = concat!("A `", stringify!($module), "` condition.")]
                $kind($module::$kind),
            )*
        }

        /// A condition as `when` writes it, before it is compiled.
        #[derive(Debug)]
        enum ConditionDef {
            $($kind(<$module::$kind as ConditionKind>::Def),)*
        }

        /// Every `when` key, in registration order.
        pub(crate) const KEYS: &[&str] = &[$(<$module::$kind as ConditionKind>::KEY),*];

        impl Condition {
            /// Whether it holds for this answer; see [`ConditionKind::holds`].
            pub(crate) fn holds(&self, context: &Context, earned: &Earned) -> bool {
                match self {
                    $(Condition::$kind(c) => c.holds(context, earned),)*
                }
            }

            /// Two lists counted against each other, for a condition that compares lists.
            pub fn compared(&self) -> Option<[ListId; 2]> {
                match self {
                    $(Condition::$kind(c) => c.compared(),)*
                }
            }

            /// The lists whose asserted hits it counts.
            pub fn committed_lists(&self) -> Vec<ListId> {
                match self {
                    $(Condition::$kind(c) => c.committed_lists(),)*
                }
            }

            /// Where the answer said it; see [`ConditionKind::said_in`].
            pub(crate) fn said_in(&self, context: &Context, earned: &Earned) -> Vec<Hit> {
                match self {
                    $(Condition::$kind(c) => c.said_in(context, earned),)*
                }
            }
        }

        impl ConditionDef {
            fn compile(&self, cx: &mut ConditionCompiler) -> Condition {
                match self {
                    $(ConditionDef::$kind(def) => {
                        Condition::$kind(<$module::$kind as ConditionKind>::compile(def, cx))
                    })*
                }
            }

            /// Reads the value of `key` (one of [`KEYS`]) from the map.
            fn read<'de, A: MapAccess<'de>>(key: &str, map: &mut A) -> Result<Self, A::Error> {
                $(if key == <$module::$kind as ConditionKind>::KEY {
                    return map.next_value().map(ConditionDef::$kind);
                })*
                Err(serde::de::Error::unknown_field(key, KEYS))
            }
        }

        /// The schema of `when`: one optional key per condition kind, at least one.
        fn when_schema(generator: &mut SchemaGenerator) -> Schema {
            let mut properties = serde_json::Map::new();
            $({
                let mut schema = generator.subschema_for::<<$module::$kind as ConditionKind>::Def>();
                schema.insert(
                    "description".into(),
                    <$module::$kind as ConditionKind>::SUMMARY.into(),
                );
                properties.insert(
                    <$module::$kind as ConditionKind>::KEY.into(),
                    schema.to_value(),
                );
            })*
            schemars::json_schema!({
                "type": "object",
                "description": "Every condition given must hold for the mistake to count.",
                "additionalProperties": false,
                "minProperties": 1,
                "properties": properties,
            })
        }
    };
}

condition_kinds! {
    absent::Absent,
    present::Present,
    ratio::Ratio,
    at_least::AtLeast,
    words_below::WordsBelow,
    words_above::WordsAbove,
    numbers_below::NumbersBelow,
    missing_signals::MissingSignals,
    unfollowed::Unfollowed,
    no_label::NoLabel,
    not_together::NotTogether,
    together::Together,
    long_list::LongList,
    any::Any,
}

/// A mistake's `when` table as written: its conditions in registration order.
#[derive(Debug)]
pub struct WhenDef(Vec<ConditionDef>);

impl<'de> Deserialize<'de> for WhenDef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct When;
        impl<'de> Visitor<'de> for When {
            type Value = WhenDef;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table of conditions")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<WhenDef, A::Error> {
                let mut defs = Vec::new();
                // Unknown keys fail in the key seed, so the error points at the key.
                while let Some(key) = map.next_key_seed(KeySeed(KEYS))? {
                    defs.push((key, ConditionDef::read(key, &mut map)?));
                }
                // Registration order, whatever order the file uses: problems read the same.
                defs.sort_by_key(|(key, _)| KEYS.iter().position(|k| k == key));
                Ok(WhenDef(defs.into_iter().map(|(_, def)| def).collect()))
            }
        }
        deserializer.deserialize_map(When)
    }
}

impl JsonSchema for WhenDef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "when".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        when_schema(generator)
    }
}

impl WhenDef {
    /// Compiles every condition; the mistake's problems go to `cx`.
    pub(crate) fn compile(&self, cx: &mut ConditionCompiler) -> Vec<Condition> {
        self.0.iter().map(|def| def.compile(cx)).collect()
    }
}

/// The helper every condition's tests use: does the mistake of one condition fire on a
/// text, under a small rubric with one phrases signal `c.s` (phrases "retention").
#[cfg(test)]
pub(crate) mod test {
    const HEAD: &str = "id = \"t\"\ntitle = \"T\"\n\n[[criterion]]\nid = \"c\"\nname = \"C\"\nweight = 1\nmax = 1\nadvice = \"a\"\n\n  [[criterion.signal]]\n  id = \"s\"\n  kind = \"phrases\"\n  phrases = [\"retention\"]\n\n[[mistake]]\nid = \"m\"\nmessage = \"M\"\npenalty = 5\n\n[mistake.when]\n";

    /// The rubric with `when` holding `condition` (line 22 on).
    pub fn rubric(condition: &str) -> String {
        format!("{HEAD}{condition}\n")
    }

    /// Asserts whether the one mistake fires on `text`.
    #[track_caller]
    pub fn assert_condition(condition: &str, text: &str, fires: bool) {
        let rubric = crate::rubric::load(&rubric(condition))
            .unwrap_or_else(|e| panic!("the rubric does not load: {e}"));
        let grade = crate::grade_text(text, &rubric);
        assert_eq!(!grade.mistakes.is_empty(), fires, "{condition}\non: {text}");
    }

    /// The problems of the rubric, as `line:column: message` strings.
    pub fn problems(condition: &str) -> Vec<String> {
        match crate::rubric::load(&rubric(condition)) {
            Err(crate::error::RubricError::Invalid { problems }) => {
                problems.iter().map(ToString::to_string).collect()
            }
            _ => Vec::new(),
        }
    }
}
