//! `grade rubrics schema` describes every built-in rubric: each is checked against it with
//! a small validator for the keywords the schema uses.

use grade::rubric::{SCHEMA, builtin};
use serde_json::Value;

fn validate(schema: &Value, root: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        return validate(&root["$defs"][name], root, value, path, errors);
    }
    let mut fail = |message: String| errors.push(format!("{path}: {message}"));
    if let Some(kind) = schema.get("type").and_then(Value::as_str) {
        let ok = match kind {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "number" => value.is_number(),
            "integer" => value.is_i64() || value.is_u64(),
            other => panic!("validator lacks type {other}"),
        };
        if !ok {
            return fail(format!("expected {kind}, found {value}"));
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        fail(format!("{value} is not one of {options:?}"));
    }
    if let Some(n) = value.as_f64() {
        if schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m)
        {
            fail(format!("{n} is below the minimum"));
        }
        if schema
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m)
        {
            fail(format!("{n} is above the maximum"));
        }
        if schema
            .get("exclusiveMinimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n <= m)
        {
            fail(format!("{n} is not above the exclusive minimum"));
        }
    }
    if let Some(s) = value.as_str()
        && schema
            .get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|m| (s.len() as u64) < m)
    {
        fail("string too short".into());
    }
    if let Some(items) = value.as_array() {
        if schema
            .get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| (items.len() as u64) < m)
        {
            fail(format!("fewer than {} items", schema["minItems"]));
        }
        if let Some(item_schema) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                validate(item_schema, root, item, &format!("{path}[{i}]"), errors);
            }
        }
    }
    if let Some(object) = value.as_object() {
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
}

fn errors_of(toml_source: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let value: Value = toml::from_str(toml_source).unwrap();
    let mut errors = Vec::new();
    validate(&schema, &schema, &value, "$", &mut errors);
    errors
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
