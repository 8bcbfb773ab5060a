//! The rubric schema is derived from the format's types: docs/rubric.schema.json must be
//! what `grade::rubric::schema()` gives (`UPDATE_SCHEMA=1 cargo test --test schema` writes
//! it), and every built-in rubric must fit it, checked with a small validator for the
//! keywords the schema uses.

use grade::rubric::{SCHEMA, builtin};
use serde_json::Value;

const SCHEMA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rubric.schema.json");

fn validate(schema: &Value, root: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        validate(&root["$defs"][name], root, value, path, errors);
    }
    let mut fail = |message: String| errors.push(format!("{path}: {message}"));
    if let Some(kind) = schema.get("type") {
        let kinds: Vec<&str> = match kind {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            other => panic!("validator lacks type {other}"),
        };
        let ok = kinds.iter().any(|kind| match *kind {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "number" => value.is_number(),
            "integer" => value.is_i64() || value.is_u64(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            other => panic!("validator lacks type {other}"),
        });
        if !ok {
            return fail(format!("expected {kind}, found {value}"));
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        fail(format!("{value} is not one of {options:?}"));
    }
    if let Some(constant) = schema.get("const")
        && constant != value
    {
        fail(format!("{value} is not {constant}"));
    }
    validate_number(schema, value, &mut fail);
    validate_string(schema, value, &mut fail);
    validate_branches(schema, root, value, path, errors);
    if let Some(items) = value.as_array() {
        validate_array(schema, root, items, path, errors);
    }
    if let Some(object) = value.as_object() {
        validate_object(schema, root, object, path, errors);
    }
}

fn validate_number(schema: &Value, value: &Value, fail: &mut impl FnMut(String)) {
    let Some(n) = value.as_f64() else { return };
    let bound = |key: &str| schema.get(key).and_then(Value::as_f64);
    if bound("minimum").is_some_and(|m| n < m) {
        fail(format!("{n} is below the minimum"));
    }
    if bound("maximum").is_some_and(|m| n > m) {
        fail(format!("{n} is above the maximum"));
    }
    if bound("exclusiveMinimum").is_some_and(|m| n <= m) {
        fail(format!("{n} is not above the exclusive minimum"));
    }
}

fn validate_string(schema: &Value, value: &Value, fail: &mut impl FnMut(String)) {
    let Some(s) = value.as_str() else { return };
    if schema
        .get("minLength")
        .and_then(Value::as_u64)
        .is_some_and(|m| (s.len() as u64) < m)
    {
        fail("string too short".into());
    }
    // The one pattern the schema uses: `criterion.signal`.
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        assert_eq!(pattern, "^[^.]+\\.[^.]+$", "validator lacks this pattern");
        let parts: Vec<&str> = s.split('.').collect();
        if parts.len() != 2 || parts.iter().any(|p| p.is_empty()) {
            fail(format!("{s} is not `criterion.signal`"));
        }
    }
}

/// `oneOf`, `anyOf` and `allOf`: the branches' own errors are reported only when no
/// branch fits, through the branch whose `const` values the value has, if any.
fn validate_branches(
    schema: &Value,
    root: &Value,
    value: &Value,
    path: &str,
    errors: &mut Vec<String>,
) {
    for branch in schema["allOf"].as_array().into_iter().flatten() {
        validate(branch, root, value, path, errors);
    }
    for (keyword, exactly_one) in [("oneOf", true), ("anyOf", false)] {
        let Some(branches) = schema.get(keyword).and_then(Value::as_array) else {
            continue;
        };
        let results: Vec<Vec<String>> = branches
            .iter()
            .map(|branch| {
                let mut found = Vec::new();
                validate(branch, root, value, path, &mut found);
                found
            })
            .collect();
        let fitting = results.iter().filter(|r| r.is_empty()).count();
        if fitting == 0 {
            errors.push(format!("{path}: fits none of the {keyword} branches"));
            if let Some(closest) = results.iter().min_by_key(|r| r.len()) {
                errors.extend(closest.iter().cloned());
            }
        } else if exactly_one && fitting > 1 {
            errors.push(format!("{path}: fits {fitting} of the oneOf branches"));
        }
    }
}

fn validate_array(
    schema: &Value,
    root: &Value,
    items: &[Value],
    path: &str,
    errors: &mut Vec<String>,
) {
    if schema
        .get("minItems")
        .and_then(Value::as_u64)
        .is_some_and(|m| (items.len() as u64) < m)
    {
        errors.push(format!("{path}: fewer than {} items", schema["minItems"]));
    }
    if let Some(item_schema) = schema.get("items") {
        for (i, item) in items.iter().enumerate() {
            validate(item_schema, root, item, &format!("{path}[{i}]"), errors);
        }
    }
}

fn validate_object(
    schema: &Value,
    root: &Value,
    object: &serde_json::Map<String, Value>,
    path: &str,
    errors: &mut Vec<String>,
) {
    let properties = schema.get("properties").and_then(Value::as_object);
    for required in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if !object.contains_key(required.as_str().unwrap()) {
            errors.push(format!("{path}: missing required {required}"));
        }
    }
    if schema
        .get("minProperties")
        .and_then(Value::as_u64)
        .is_some_and(|m| (object.len() as u64) < m)
    {
        errors.push(format!("{path}: too few keys"));
    }
    for (key, child) in object {
        match properties.and_then(|p| p.get(key)) {
            Some(child_schema) => {
                validate(child_schema, root, child, &format!("{path}.{key}"), errors)
            }
            None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                errors.push(format!("{path}: unknown key {key}"))
            }
            None => {}
        }
    }
}

fn errors_of(toml_source: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let value: Value = toml::from_str(toml_source).unwrap();
    let mut errors = Vec::new();
    validate(&schema, &schema, &value, "$", &mut errors);
    errors
}

#[test]
fn the_committed_schema_is_the_derived_one() {
    let derived = grade::rubric::schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_FILE, &derived).unwrap();
        return;
    }
    assert!(
        SCHEMA == derived,
        "docs/rubric.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

#[test]
fn every_built_in_rubric_fits_the_schema() {
    for (id, source) in builtin::SOURCES {
        let errors = errors_of(source);
        assert!(errors.is_empty(), "{id}:\n{}", errors.join("\n"));
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let source = builtin::source("product-pitch").unwrap();
    let bad = source.replacen("weight = 3", "weight = 0", 1).replacen(
        "kind = \"phrases\"",
        "kind = \"vibes\"",
        1,
    ) + "\nunknown-key = 1\n";
    let errors = errors_of(&bad);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("weight") && e.contains("exclusive minimum")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("kind") && e.contains("vibes")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("unknown key unknown-key")),
        "{errors:?}"
    );
}

#[test]
fn a_key_of_another_kind_does_not_fit() {
    let source = builtin::source("product-pitch").unwrap();
    let bad = source.replacen(
        "kind = \"phrases\"",
        "kind = \"phrases\"\n  near = [\"x\"]",
        1,
    );
    let errors = errors_of(&bad);
    assert!(
        errors.iter().any(|e| e.contains("unknown key near")),
        "{errors:?}"
    );
}

#[test]
fn the_rubric_guide_lists_every_kind_and_condition() {
    let guide = include_str!("../docs/rubrics.md");
    for kind in grade::rubric::signal_kinds() {
        assert!(
            guide.contains(&format!("| `{kind}` |")),
            "docs/rubrics.md has no row for the `{kind}` signal kind"
        );
    }
    for key in grade::rubric::condition_keys() {
        assert!(
            guide.contains(&format!("`{key} = ")),
            "docs/rubrics.md has no row for the `{key}` condition"
        );
    }
}
