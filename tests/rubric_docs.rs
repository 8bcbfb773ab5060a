//! docs/rubrics.md marks which keys of the rubric format are required. The marks are held
//! to the loader: a rubric holding every documented key loads; without a key marked
//! required (or without both keys of an "`a` or `b`" pair) it does not; without a key
//! marked optional it still does. And the documented keys are the schema's, every key the
//! schema requires marked required, so a key added to the format must be documented.

use serde_json::Value as Json;
use toml::{Table, Value};

const DOCS: &str = include_str!("../docs/rubrics.md");

/// Every key of the format: each table once, each signal kind and condition with all its
/// keys, required and optional.
const FULL: &str = r#"
id = "full"
title = "Full"
version = 2
question = "Pitch a feature."
summary = "Rewards a pitch with a metric."
match = ["pitch a feature"]
topic = ["feature", "member*"]

[[band]]
min = 50
label = "Good"

[[band]]
min = 0
label = "Weak"

[[concept]]
id = "pricing"
description = "Talk of what the plan costs."
phrases = ["price*", "pricing"]
examples = { hit = ["The price went up by two dollars."], miss = ["The catalogue grew."] }

[[criterion]]
id = "c"
name = "C"
weight = 1
max = 4
advice = "Name a metric."
applies-to = "any"
core = true

  [[criterion.signal]]
  id = "phrases"
  kind = "phrases"
  phrases = ["retention", "@members"]
  points = 1
  cap = 2
  missing = "Name the outcome."
  examples = { hit = ["We would watch retention closely."], miss = ["We would ship it."] }
  negation-tolerant = true

  [[criterion.signal]]
  id = "regex"
  kind = "regex"
  pattern = "\\bq[1-4]\\b"

  [[criterion.signal]]
  id = "quantity"
  kind = "quantity"
  near = ["lift"]
  units = ["percent"]
  bare-amounts = true

  [[criterion.signal]]
  id = "together"
  kind = "together"
  phrases = ["guardrail"]
  with = ["metric"]
  and = ["drop"]
  within = "clause"

  [[criterion.signal]]
  id = "horizons"
  kind = "horizons"
  short-days = 14
  long-days = 90
  about = ["@retention"]

  [[criterion.signal]]
  id = "raise"
  kind = "raise"
  ask = ["ask for"]
  from = ["offer"]
  above = 8
  below = 25

  [[criterion.signal]]
  id = "length"
  kind = "length"
  min-words = 50
  max-words = 900

  [[criterion.signal]]
  id = "sequence"
  kind = "sequence"
  steps = [["problem"], ["solution"]]

  [[criterion.signal]]
  id = "ratio"
  kind = "ratio"
  phrases = ["i"]
  to = ["we"]
  above = 1.0
  below = 10.0
  min-count = 4

  [[criterion.signal]]
  id = "metric"
  kind = "metric"
  metric = "fillers-per-100-words"
  above = 0.5
  below = 5.0

[[mistake]]
id = "m"
message = "M"
penalty = 5
advice = "Fix it."
counts-problems = true

[mistake.when]
absent = ["metric"]
present = ["synergy"]
at-least = { phrases = ["leverage"], count = 2 }
ratio = { of = ["we"], to = ["i"], above = 3.0, min-count = 6 }
words-below = 500
words-above = 10
numbers-below = 2
missing-signals = ["c.quantity"]
unfollowed = { phrases = ["lesson"], by = ["since then"] }
no-label = ["why"]
not-together = { phrases = ["stock"], with = ["ask"] }
together = { phrases = ["engineering"], with = ["late"], within = "clause" }
long-list = { items = 5, under = ["feature*"] }
any = [{ present = ["bad luck"] }]
"#;

/// One documented key: where it lives (`""` the top level, `band`, `criterion`,
/// `criterion.signal`, `mistake`, `concept`, `signal=KIND`, `when=CONDITION`), and at
/// least one of `keys` is required, or none of it is.
#[derive(Debug)]
struct Mark {
    scope: String,
    keys: Vec<String>,
    required: bool,
}

impl Mark {
    /// Where the key lives, for messages.
    fn place(&self) -> &str {
        if self.scope.is_empty() {
            "top level"
        } else {
            &self.scope
        }
    }
}

/// The text between backticks in a table cell.
fn ticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// A key as a table row names it: `[[criterion.signal]]` is the criterion's `signal`.
fn key_name(ticked: &str) -> String {
    let bare = ticked.trim_start_matches("[[").trim_end_matches("]]");
    bare.rsplit('.').next().unwrap_or(bare).to_owned()
}

/// A "required keys" cell: comma-separated, each item one key or "`a` or `b`".
fn groups(cell: &str) -> Vec<Vec<String>> {
    cell.split(',')
        .map(ticked)
        .filter(|group| !group.is_empty())
        .collect()
}

/// Every mark in docs/rubrics.md's key tables (`| X key | required |`), kind tables
/// (`| kind | required keys | optional keys |`) and condition table.
fn marks() -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut header: Vec<String> = Vec::new();
    let mut previous_was_table = false;
    for line in DOCS.lines() {
        let is_table = line.starts_with('|');
        let cells: Vec<String> = line
            .split('|')
            .skip(1)
            .map(|c| c.trim().to_owned())
            .collect();
        if !is_table {
            previous_was_table = false;
            continue;
        }
        if !previous_was_table {
            header = cells;
            previous_was_table = true;
            continue;
        }
        if cells[0].starts_with("---") || header.len() < 3 {
            continue;
        }
        let mut push = |scope: String, keys: Vec<String>, required: bool| {
            marks.push(Mark {
                scope,
                keys,
                required,
            })
        };
        if header[0].ends_with(" key") && header[1] == "required" {
            // "`[[criterion.signal]]` key" is the scope `criterion.signal`; no name, the top.
            let scope = ticked(&header[0]).first().map_or(String::new(), |s| {
                s.trim_start_matches("[[").trim_end_matches("]]").to_owned()
            });
            let key = key_name(&ticked(&cells[0])[0]);
            push(scope, vec![key], cells[1].starts_with("yes"));
        } else if (header[0] == "kind" || header[0] == "condition")
            && header[1] == "required keys"
            && header[2] == "optional keys"
        {
            let prefix = if header[0] == "kind" {
                "signal"
            } else {
                "when"
            };
            for name in ticked(&cells[0]) {
                let name = name.split(" =").next().unwrap_or_default().to_owned();
                let scope = format!("{prefix}={name}");
                for group in groups(&cells[1]) {
                    push(scope.clone(), group, true);
                }
                for key in ticked(&cells[2]) {
                    push(scope.clone(), vec![key], false);
                }
                // A kind or condition with no keys of its own is still documented.
                push(scope, Vec::new(), false);
            }
        }
    }
    marks
}

fn full() -> Table {
    FULL.parse().expect("FULL is TOML")
}

fn first<'a>(table: &'a mut Table, key: &str) -> &'a mut Table {
    table
        .get_mut(key)
        .and_then(Value::as_array_mut)
        .and_then(|items| items.first_mut())
        .and_then(Value::as_table_mut)
        .unwrap_or_else(|| panic!("FULL has no [[{key}]]"))
}

/// The table of FULL that `scope` names.
fn table<'a>(root: &'a mut Table, scope: &str) -> &'a mut Table {
    if let Some(kind) = scope.strip_prefix("signal=") {
        let signals = first(root, "criterion").get_mut("signal");
        return signals
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
            .filter_map(Value::as_table_mut)
            .find(|s| s.get("kind").and_then(Value::as_str) == Some(kind))
            .unwrap_or_else(|| panic!("FULL has no `{kind}` signal"));
    }
    if let Some(condition) = scope.strip_prefix("when=") {
        let when = first(root, "mistake").get_mut("when");
        let when = when.and_then(Value::as_table_mut).expect("FULL has a when");
        // Only a condition whose value is a table has keys of its own to remove.
        return when
            .get_mut(condition)
            .and_then(Value::as_table_mut)
            .unwrap_or_else(|| panic!("FULL has no `{condition}` table"));
    }
    let mut table = root;
    for part in scope.split('.').filter(|p| !p.is_empty()) {
        table = first(table, part);
    }
    table
}

fn loads(rubric: &Table) -> Result<(), String> {
    grade::rubric::load(&rubric.to_string())
        .map(drop)
        .map_err(|e| format!("{e:?}"))
}

#[test]
fn a_rubric_with_every_documented_key_loads() {
    loads(&full()).unwrap();
}

#[test]
fn each_key_marked_required_is_required_and_no_other_is() {
    let marks = marks();
    assert!(
        marks.len() > 60,
        "docs/rubrics.md's key tables not found: {marks:?}"
    );
    let mut wrong = Vec::new();
    for mark in marks.iter().filter(|m| !m.keys.is_empty()) {
        let mut rubric = full();
        let own = table(&mut rubric, &mark.scope);
        for key in &mark.keys {
            let removed = own.remove(key);
            assert!(removed.is_some(), "FULL lacks {}: {key}", mark.scope);
        }
        match (mark.required, loads(&rubric)) {
            (true, Ok(())) => wrong.push(format!(
                "{} {:?} is marked required, but a rubric without it loads",
                mark.place(),
                mark.keys
            )),
            (false, Err(e)) => wrong.push(format!(
                "{} {:?} is marked optional, but without it: {e}",
                mark.place(),
                mark.keys
            )),
            _ => {}
        }
        // Of a required pair, either one alone is enough.
        if mark.required && mark.keys.len() > 1 {
            for key in &mark.keys {
                let mut rubric = full();
                table(&mut rubric, &mark.scope).remove(key);
                if let Err(e) = loads(&rubric) {
                    wrong.push(format!("{} without {key} alone: {e}", mark.place()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_mistake_needs_a_condition_and_a_rubric_a_criterion_with_a_signal() {
    // The "one or more" of the marks: an empty list or table is as good as none.
    for (scope, key, empty) in [
        ("", "criterion", Value::Array(Vec::new())),
        ("criterion", "signal", Value::Array(Vec::new())),
        ("mistake", "when", Value::Table(Table::new())),
    ] {
        let mut rubric = full();
        table(&mut rubric, scope).insert(key.into(), empty);
        assert!(loads(&rubric).is_err(), "{scope}.{key} empty loads");
    }
}

/// The schema of one scope: its own keys and the ones it requires.
fn schema_keys(schema: &Json, scope: &str) -> (Vec<String>, Vec<String>) {
    let resolve = |node: &Json| -> Json {
        let name = node["$ref"]
            .as_str()
            .map(|r| r.trim_start_matches("#/$defs/"));
        name.map_or_else(|| node.clone(), |n| schema["$defs"][n].clone())
    };
    let names = |node: &Json, field: &str| -> Vec<String> {
        match &node[field] {
            Json::Object(map) => map.keys().cloned().collect(),
            Json::Array(items) => items
                .iter()
                .filter_map(Json::as_str)
                .map(Into::into)
                .collect(),
            _ => Vec::new(),
        }
    };
    let signal = resolve(
        &resolve(&schema["properties"]["criterion"]["items"])["properties"]["signal"]["items"],
    );
    if let Some(kind) = scope.strip_prefix("signal=") {
        let branches = signal["oneOf"].as_array().expect("signal branches");
        let branch = branches
            .iter()
            .find(|b| b["properties"]["kind"]["const"] == kind)
            .unwrap_or_else(|| panic!("no schema branch for `{kind}`"));
        let common = names(&signal, "properties");
        let own = |field| {
            let mut keys = names(branch, field);
            keys.retain(|k| !common.contains(k));
            keys
        };
        return (own("properties"), own("required"));
    }
    let node = if let Some(condition) = scope.strip_prefix("when=") {
        resolve(&schema["$defs"]["when"]["properties"][condition])
    } else {
        let mut node = schema.clone();
        for part in scope.split('.').filter(|p| !p.is_empty()) {
            node = resolve(&node["properties"][part]["items"]);
        }
        node
    };
    (names(&node, "properties"), names(&node, "required"))
}

#[test]
fn the_documented_keys_are_the_schemas_and_its_required_keys_are_marked() {
    let schema: Json = serde_json::from_str(&grade::rubric::schema()).unwrap();
    let marks = marks();
    let mut scopes: Vec<&str> = marks.iter().map(|m| m.scope.as_str()).collect();
    scopes.dedup();
    let kinds = grade::rubric::signal_kinds().map(|k| format!("signal={k}"));
    let conditions = grade::rubric::condition_keys().map(|k| format!("when={k}"));
    for expected in kinds.chain(conditions) {
        assert!(
            scopes.contains(&expected.as_str()),
            "{expected} is not documented"
        );
    }
    for scope in scopes {
        let documented = marks.iter().filter(|m| m.scope == scope);
        let mut keys: Vec<String> = documented.clone().flat_map(|m| m.keys.clone()).collect();
        let required: Vec<String> = documented
            .filter(|m| m.required && m.keys.len() == 1)
            .flat_map(|m| m.keys.clone())
            .collect();
        let (mut in_schema, schema_required) = schema_keys(&schema, scope);
        keys.sort();
        in_schema.sort();
        assert_eq!(
            keys, in_schema,
            "`{scope}`: the documented keys against the schema's"
        );
        for key in schema_required {
            assert!(
                required.contains(&key),
                "`{scope}`: the schema requires `{key}`"
            );
        }
    }
}
