//! Rubrics by name for a run: which rubric grades each file, loading a built-in id or a
//! rubric file, and compiling each distinct rubric once however many files use it.

use super::source::{SourceError, read_source};
use crate::cohort::FileError;
use crate::error::RubricError;
use crate::rubric::{CompiledRubric, builtin};
use crate::text::phrase::Scans;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Entries of a rubric's phrase lists that an earlier entry of the same list already
/// covers, for a built-in id or a rubric file (none when the file cannot be read: loading
/// it reports that).
pub fn redundant_entries(name: &str) -> Vec<crate::rubric::redundant::Redundant> {
    let source = match builtin::source(name) {
        Some(source) => source.to_owned(),
        None => match read_source(Path::new(name)) {
            Ok(source) => source,
            Err(_) => return Vec::new(),
        },
    };
    crate::rubric::redundant::redundant_entries(&source)
}

/// Which rubric grades each file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RubricChoice {
    /// A built-in id or a rubric path, for every file.
    Named(String),
    /// `--rubric auto`: picked per file from its question.
    Auto,
    /// The file's front matter `rubric:` key.
    FrontMatter,
}

impl RubricChoice {
    /// `--rubric` as given: `auto`, a name, or absent.
    pub fn from_option(rubric: Option<&str>) -> Self {
        match rubric {
            Some("auto") => RubricChoice::Auto,
            Some(name) => RubricChoice::Named(name.to_owned()),
            None => RubricChoice::FrontMatter,
        }
    }
}

/// Loads a rubric by name (a built-in id or a path); the caller decides how.
pub type RubricLoader<'a> = dyn Fn(&str) -> Result<CompiledRubric, RubricError> + Sync + 'a;

/// Whether a rubric name is a path rather than a built-in id.
pub fn looks_like_path(name: &str) -> bool {
    name.ends_with(".toml") || name.contains('/') || name.contains('\\')
}

/// A rubric name that untrusted input gives (a `--stdin-jsonl` record's, a `grade serve`
/// request's) as a choice that reads no file: `auto` or a built-in id. Anything else is
/// `Err`: with why for an unknown id, `None` for a name that looks like a path (whether a
/// path may be read is the caller's to say).
pub fn builtin_choice(name: &str) -> Result<RubricChoice, Option<String>> {
    if name == "auto" {
        return Ok(RubricChoice::Auto);
    }
    if builtin::source(name).is_some() {
        return Ok(RubricChoice::Named(name.to_owned()));
    }
    if looks_like_path(name) {
        return Err(None);
    }
    Err(Some(builtin::load_builtin(name).err().map_or_else(
        || format!("unknown rubric `{name}`"),
        |e| e.to_string(),
    )))
}

/// A built-in id, or a rubric file when the name is a path (or names an existing file and
/// no built-in rubric): a regular file of at most [`super::source::MAX_SOURCE_BYTES`] bytes.
pub fn load_rubric(name: &str) -> Result<CompiledRubric, RubricError> {
    load_rubric_for(name, Scans::Many)
}

/// [`load_rubric`] with the rubric's automata built for `scans` texts: [`Scans::Few`] for
/// one answer graded as a process.
pub fn load_rubric_for(name: &str, scans: Scans) -> Result<CompiledRubric, RubricError> {
    if looks_like_path(name) || (builtin::source(name).is_none() && Path::new(name).is_file()) {
        let source = read_source(Path::new(name)).map_err(|e| match e {
            SourceError::NotFound => RubricError::NoFile,
            other => RubricError::Unreadable {
                reason: other.to_string(),
            },
        })?;
        return crate::rubric::load_for(&source, scans);
    }
    builtin::load_builtin_for(name, scans)
}

/// Compiled rubrics by name: each distinct rubric is compiled once per run, however many
/// files and threads use it.
pub struct Rubrics<'a> {
    load: &'a RubricLoader<'a>,
    compiled: Mutex<BTreeMap<String, Result<Arc<CompiledRubric>, RubricError>>>,
}

impl Default for Rubrics<'static> {
    /// Built-in ids and rubric files, loaded by [`load_rubric`].
    fn default() -> Self {
        Rubrics::new(&load_rubric)
    }
}

impl<'a> Rubrics<'a> {
    /// Rubrics loaded by `load`, each once.
    pub fn new(load: &'a RubricLoader<'a>) -> Self {
        Rubrics {
            load,
            compiled: Mutex::new(BTreeMap::new()),
        }
    }

    /// The rubric `name`, compiled on first use; an error names it.
    pub fn get(&self, name: &str) -> Result<Arc<CompiledRubric>, FileError> {
        // A poisoned lock only means another thread panicked; the map is still whole.
        let mut compiled = self.compiled.lock().unwrap_or_else(|e| e.into_inner());
        compiled
            .entry(name.to_owned())
            .or_insert_with(|| (self.load)(name).map(Arc::new))
            .clone()
            .map_err(|source| FileError::Rubric {
                origin: Some(name.to_owned()),
                source,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rubric_is_compiled_once() {
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let load = |name: &str| {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            crate::rubric::builtin::load_builtin(name)
        };
        let rubrics = Rubrics::new(&load);
        for _ in 0..3 {
            rubrics.get("product-pitch").unwrap();
            assert!(rubrics.get("no-such").is_err());
        }
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 2);
    }
}
