//! The shape of ../shared/DESIGN.md, checked on the source: each top-level module of src/
//! imports only modules of its own layer or below, no two modules import each other (at
//! the top level or between the files of one folder), and no file grows past one concept's
//! worth of lines. Test code (after a file's `#[cfg(test)]`) and comments are not imports
//! and are skipped. Functions over 80 lines are clippy's `too_many_lines` (clippy.toml).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Lowest first. A module may import its own layer and the ones before it.
const LAYERS: &[&[&str]] = &[
    &["number", "text"],
    &["error"],
    &["document"],
    &["analysis"],
    &["rules"],
    &["rubric"],
    &["scoring", "grade_text"],
    // Pure functions of grades (a comparison, agreement, cohort figures), whose results
    // the report layer renders.
    &["calibrate", "compare", "cohort"],
    &["report"],
    // They read files and drive the renderers.
    &["batch", "config"],
    // Faces other than the command line, which dispatches to them.
    &["serve", "lsp"],
    &["cli", "main"],
];

/// Items the crate root re-exports, and the module each comes from.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("analyze", "analysis"),
    ("Analysis", "analysis"),
    ("decode", "document"),
    ("parse", "document"),
    ("Document", "document"),
    ("Error", "error"),
    ("DecodeError", "error"),
    ("RubricError", "error"),
    ("RubricProblem", "error"),
    ("CompiledRubric", "rubric"),
    ("score", "scoring"),
    ("Grade", "scoring"),
    ("Span", "text"),
    ("LineIndex", "text"),
];

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` is in no layer of tests/layers.rs"))
}

/// A file's module path below src/: `cli::io` for src/cli/io.rs, `cli` for src/cli/mod.rs.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a file that is not test code or comments.
fn code_lines(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .filter(|line| !line.trim_start().starts_with("//"))
}

/// Every `crate::a::b…` path a line names, as its segments.
fn crate_paths(line: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `$crate::` in a macro, or part of a longer name
        }
        if rest.starts_with('{') {
            // `crate::{a, b::c}`: each item names its own path.
            let end = rest.find('}').unwrap_or(rest.len());
            for item in rest[1..end].split(',') {
                let item = item.trim();
                if !item.is_empty() {
                    out.push(item.split("::").map(|s| s.trim().to_owned()).collect());
                }
            }
            continue;
        }
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        out.push(
            path.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    out
}

fn top_module(segments: &[String]) -> Option<String> {
    let first = segments.first()?;
    let top = ROOT_ITEMS
        .iter()
        .find(|(item, _)| item == first)
        .map_or(first.as_str(), |(_, module)| module);
    Some(top.to_owned())
}

struct Source {
    module: Vec<String>,
    code: String,
}

fn sources() -> Vec<Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = common::files_under(&src, &["rs"]);
    files
        .iter()
        .map(|file| Source {
            module: module_path(&src, file),
            code: code_lines(&fs::read_to_string(file).unwrap())
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect()
}

#[test]
fn modules_import_only_their_layer_and_below() {
    let mut upward = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources() {
        let Some(from) = source.module.first() else {
            continue; // lib.rs: the root declares and re-exports everything
        };
        for line in source.code.lines() {
            for path in crate_paths(line) {
                let Some(to) = top_module(&path) else {
                    continue;
                };
                if &to == from {
                    continue;
                }
                if layer_of(&to) > layer_of(from) {
                    upward.push(format!(
                        "{} imports {to}: {}",
                        source.module.join("::"),
                        line.trim()
                    ));
                }
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that go up a layer:\n{}",
        upward.join("\n")
    );
    let cycles = cycles(&edges);
    assert!(
        cycles.is_empty(),
        "top-level modules that import each other: {cycles:?}"
    );
}

#[test]
fn no_two_files_of_a_folder_import_each_other() {
    // Edges between siblings: a file naming `super::b` or `crate::<folder>::b`.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let all = sources();
    let known: BTreeSet<Vec<String>> = all.iter().map(|s| s.module.clone()).collect();
    for source in &all {
        let Some((name, parent)) = source.module.split_last() else {
            continue;
        };
        for line in source.code.lines() {
            let mut named: Vec<Vec<String>> = crate_paths(line);
            let mut rest = line;
            while let Some(at) = rest.find("super::") {
                rest = &rest[at + "super::".len()..];
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let mut full = parent.to_vec();
                full.push(path);
                named.push(full);
            }
            for path in named {
                if path.len() <= parent.len() || path[..parent.len()] != *parent {
                    continue;
                }
                let sibling = &path[parent.len()];
                let mut module = parent.to_vec();
                module.push(sibling.clone());
                if sibling != name && known.contains(&module) {
                    edges
                        .entry(source.module.join("::"))
                        .or_default()
                        .insert(module.join("::"));
                }
            }
        }
    }
    let cycles = cycles(&edges);
    assert!(
        cycles.is_empty(),
        "sibling modules that import each other: {cycles:?}"
    );
}

/// Pairs (or longer loops) of modules that reach each other, each listed once.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(node) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        false
    };
    let mut found = Vec::new();
    for (from, targets) in edges {
        for to in targets {
            if from < to && reaches(to, from) {
                found.push(format!("{from} <-> {to}"));
            }
        }
    }
    found
}

/// A file longer than this holds more than one concept; split it.
const MAX_FILE_LINES: usize = 500;

#[test]
fn no_file_in_src_is_over_500_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = common::files_under(&src, &["rs"]);
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = fs::read_to_string(file).unwrap().lines().count();
            (lines > MAX_FILE_LINES).then(|| format!("{} ({lines} lines)", file.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines: {long:?}"
    );
}
