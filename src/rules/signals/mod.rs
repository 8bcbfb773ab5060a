//! Signal kinds, one per file: each holds its TOML definition, its compile step with its own
//! line:column messages, its evaluation, its description for reports, its docs and its
//! tests. `signal_kinds!` at the bottom registers them: adding a kind is its file and one
//! line there. A signal reads the shared [`Context`] and says which sentences showed it;
//! points follow from `points` and `cap`, the same for every kind.
//!
//! To add a kind: write `src/rules/signals/<kind>.rs` with its definition type (serde
//! `Deserialize` with `deny_unknown_fields`, every key optional, and `JsonSchema`), a
//! struct implementing [`Kind`] with ruff-style docs, and tests through
//! `test::assert_signal`; add its `module::Type` line to `signal_kinds!` below; then
//! regenerate the schema (`UPDATE_SCHEMA=1 cargo test --test schema`) and give it a row in
//! docs/rubrics.md (a test checks both).

use crate::rules::compile::{ListId, SignalCompiler, struct_fields};
use crate::rules::context::Context;
use crate::text::span::Span;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::DeserializeOwned;

/// What a signal found: the sentences that showed it, each with the spans that matched,
/// and for whole-answer signals (length, ratio, sequence) how many steps it reached.
#[derive(Debug, Default)]
pub struct Found {
    /// Sentences that showed the signal, each with the spans that matched.
    pub sentences: Vec<(usize, Vec<Span>)>,
    /// For signals judged on the whole answer: how many units of `points` were earned.
    pub units: Option<u32>,
    /// A short statement of what was measured, for whole-answer signals.
    pub note: Option<String>,
}

/// One signal kind: what its TOML says, how it compiles, what it finds in an answer.
pub(crate) trait Kind: Sized {
    /// The `kind` value that selects it.
    const NAME: &'static str;
    /// One line on what it rewards, for the schema and the docs.
    const SUMMARY: &'static str;
    /// Its keys besides the ones every signal has (`id`, `kind`, `points`, `cap`,
    /// `missing`, `examples`). Every field is optional to serde: the compile step says
    /// what is missing, with the signal's location.
    type Def: DeserializeOwned + JsonSchema;
    /// Checks the definition, reporting each problem at its key, and compiles it.
    fn compile(def: Self::Def, cx: &mut SignalCompiler) -> Option<Self>;
    /// What the signal finds in an answer.
    fn evaluate(&self, context: &Context) -> Found;
    /// What it looks for, for `grade rubrics show`; `lists` are the rubric's phrase lists.
    fn describe(&self, lists: &[Vec<String>]) -> String;
    /// How many units of `points` it can earn at most.
    fn max_units(&self, cap: u32) -> u32 {
        cap
    }
    /// Two lists counted against each other (who speaks, not what the answer is about).
    fn compared(&self) -> Option<[ListId; 2]> {
        None
    }
}

/// A registered kind as the loader sees it.
pub(crate) struct Entry {
    /// The `kind` value.
    pub name: &'static str,
    /// What it rewards, in one line.
    pub summary: &'static str,
    /// The keys its definition reads.
    pub keys: fn() -> &'static [&'static str],
    /// Reads the definition from the compiler's keys and compiles it.
    pub compile: fn(&mut SignalCompiler) -> Option<SignalKind>,
    /// The JSON Schema of its definition.
    pub schema: fn(&mut SchemaGenerator) -> Schema,
}

fn compile_kind<K: Kind>(cx: &mut SignalCompiler) -> Option<SignalKind>
where
    SignalKind: From<K>,
{
    let def = cx.def::<K::Def>()?;
    K::compile(def, cx).map(SignalKind::from)
}

fn def_schema<K: Kind>(generator: &mut SchemaGenerator) -> Schema {
    K::Def::json_schema(generator)
}

/// The registered kind named `name`.
pub(crate) fn find(name: &str) -> Option<&'static Entry> {
    KINDS.iter().find(|k| k.name == name)
}

/// Registers the signal kinds: one `module::Type` line each. Generates the module
/// declarations, the compiled [`SignalKind`] enum with its dispatch, and the [`KINDS`] list the
/// loader and the schema read.
macro_rules! signal_kinds {
    ($($module:ident :: $kind:ident),* $(,)?) => {
        $(mod $module;)*

        /// A compiled signal kind: one variant per registered kind.
        #[derive(Clone, Debug)]
        pub enum SignalKind {
            $(
                #[doc = concat!("A `", stringify!($module), "` signal.")]
                $kind($module::$kind),
            )*
        }

        $(impl From<$module::$kind> for SignalKind {
            fn from(kind: $module::$kind) -> Self {
                SignalKind::$kind(kind)
            }
        })*

        impl SignalKind {
            /// The `kind` value a rubric writes for it.
            pub fn name(&self) -> &'static str {
                match self {
                    $(SignalKind::$kind(_) => <$module::$kind as Kind>::NAME,)*
                }
            }

            /// What it looks for, for `grade rubrics show`.
            pub fn describe(&self, lists: &[Vec<String>]) -> String {
                match self {
                    $(SignalKind::$kind(k) => k.describe(lists),)*
                }
            }

            /// How many units of `points` it can earn at most, given the signal's `cap`.
            pub fn max_units(&self, cap: u32) -> u32 {
                match self {
                    $(SignalKind::$kind(k) => k.max_units(cap),)*
                }
            }

            /// Two lists counted against each other, for a kind that compares lists.
            pub fn compared(&self) -> Option<[ListId; 2]> {
                match self {
                    $(SignalKind::$kind(k) => k.compared(),)*
                }
            }

            pub(crate) fn evaluate(&self, context: &Context) -> Found {
                match self {
                    $(SignalKind::$kind(k) => k.evaluate(context),)*
                }
            }
        }

        /// Every signal kind, in the order messages and docs list them.
        pub(crate) static KINDS: &[Entry] = &[
            $(Entry {
                name: <$module::$kind as Kind>::NAME,
                summary: <$module::$kind as Kind>::SUMMARY,
                keys: struct_fields::<<$module::$kind as Kind>::Def>,
                compile: compile_kind::<$module::$kind>,
                schema: def_schema::<$module::$kind>,
            },)*
        ];
    };
}

signal_kinds! {
    phrases::Phrases,
    regex::Regex,
    quantity::Quantity,
    together::Together,
    length::Length,
    sequence::Sequence,
    ratio::Ratio,
    metric::Metric,
    horizons::Horizons,
    raise::Raise,
}

/// Sentences that may earn points and hold a hit of `list`: one entry per sentence.
fn sentences_with(list: ListId, context: &Context) -> Vec<(usize, Vec<Span>)> {
    let mut out: Vec<(usize, Vec<Span>)> = Vec::new();
    for (sentence, span) in context.counted(list) {
        match out.last_mut() {
            Some((last, spans)) if *last == sentence => spans.push(span),
            _ => out.push((sentence, vec![span])),
        }
    }
    out
}

/// The helpers every kind's tests use: a one-signal rubric from a TOML snippet, graded on
/// a text or loaded for its problems.
#[cfg(test)]
pub(crate) mod test {
    use crate::error::RubricError;

    const HEAD: &str = "id = \"t\"\ntitle = \"T\"\n\n[[criterion]]\nid = \"c\"\nname = \"C\"\nweight = 1\nmax = 100\nadvice = \"a\"\n\n  [[criterion.signal]]\n  id = \"s\"\n";

    /// The rubric of one signal; `signal` holds its keys after `id`, one a line.
    fn rubric(signal: &str) -> String {
        let keys: String = signal
            .lines()
            .map(|l| format!("  {}\n", l.trim()))
            .collect();
        format!("{HEAD}{keys}")
    }

    /// Asserts that the signal earns `units` (points at `points = 1`) on `text`.
    #[track_caller]
    pub fn assert_signal(signal: &str, text: &str, units: u32) {
        let rubric = crate::rubric::load(&rubric(signal))
            .unwrap_or_else(|e| panic!("the signal does not load: {e}"));
        let grade = crate::grade_text(text, &rubric);
        let earned = grade.criteria[0].signals[0].earned;
        assert_eq!(earned, f64::from(units), "{signal}\non: {text}");
    }

    /// The problems of the one-signal rubric, as `line:column: message` strings (the
    /// signal's first key is on line 13).
    pub fn problems(signal: &str) -> Vec<String> {
        match crate::rubric::load(&rubric(signal)) {
            Err(RubricError::Invalid { problems }) => {
                problems.iter().map(ToString::to_string).collect()
            }
            Ok(_) => Vec::new(),
            Err(other) => panic!("unexpected error {other}"),
        }
    }

    /// Asserts that the signal does not load, with exactly these problems.
    #[track_caller]
    pub fn assert_problems(signal: &str, expected: &[&str]) {
        assert_eq!(problems(signal), expected, "{signal}");
    }
}
