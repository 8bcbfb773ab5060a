//! Finding answer files: named files as given, folders walked as ripgrep walks them (hidden
//! and git-ignored paths skipped, symbolic links followed with loop detection), in path order.

use crate::cohort::FileError;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// File name extensions graded when no `--glob` is given.
pub const ANSWER_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "srt", "vtt"];

/// A file to grade, or a path the walk could not follow.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Where to read it.
    pub path: PathBuf,
    /// How reports name it.
    pub name: String,
    /// Set when the walk already knows the file cannot be graded (boxed: it is rare, and
    /// a batch holds an entry per file).
    pub problem: Option<Box<FileError>>,
}

impl Entry {
    /// An answer file at `path`, shown as `name`.
    pub fn file(path: PathBuf, name: String) -> Self {
        Entry {
            path,
            name,
            problem: None,
        }
    }
}

/// Which files in a walked folder are answers: the answer extensions, or the `--glob`
/// patterns. A pattern without `/` matches the file name at any depth; one with `/`
/// matches the path below the folder walked (`*` stays within one folder, `**` crosses
/// them). A pattern starting with `!` excludes.
#[derive(Clone, Debug)]
pub struct AnswerFilter {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Default for AnswerFilter {
    fn default() -> Self {
        AnswerFilter {
            include: None,
            exclude: GlobSet::empty(),
        }
    }
}

impl AnswerFilter {
    /// The filter of `globs` (none: the default answer extensions).
    pub fn new(globs: &[String]) -> Result<Self, globset::Error> {
        let mut include = GlobSetBuilder::new();
        let mut exclude = GlobSetBuilder::new();
        let mut any_include = false;
        for pattern in globs {
            let (set, pattern) = match pattern.strip_prefix('!') {
                Some(rest) => (&mut exclude, rest),
                None => {
                    any_include = true;
                    (&mut include, pattern.as_str())
                }
            };
            let pattern = match pattern.contains('/') {
                true => pattern.trim_start_matches("./").to_owned(),
                false => format!("**/{pattern}"),
            };
            set.add(GlobBuilder::new(&pattern).literal_separator(true).build()?);
        }
        Ok(AnswerFilter {
            include: any_include.then(|| include.build()).transpose()?,
            exclude: exclude.build()?,
        })
    }

    /// Whether a file at `relative` (to the folder walked) is an answer.
    pub fn accepts(&self, relative: &Path) -> bool {
        if self.exclude.is_match(relative) {
            return false;
        }
        match &self.include {
            Some(include) => include.is_match(relative),
            None => relative
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ANSWER_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e))),
        }
    }
}

/// Every answer under `roots`, sorted by path, each once. A named file is taken whatever
/// its extension; a folder is walked and filtered. Paths the walk cannot follow (a missing
/// file, a dangling link named like an answer, a link loop, a folder it may not read) come
/// back as entries with a problem, so the caller reports them beside the graded files.
pub fn walk(roots: &[PathBuf], filter: &AnswerFilter) -> Vec<Entry> {
    let mut entries = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Ok(metadata) if metadata.is_dir() => walk_folder(root, filter, &mut entries),
            Ok(_) => entries.push(Entry::file(root.clone(), root.display().to_string())),
            Err(e) => entries.push(Entry {
                path: root.clone(),
                name: root.display().to_string(),
                problem: Some(Box::new(match e.kind() {
                    std::io::ErrorKind::NotFound => FileError::NotFound,
                    _ => FileError::Unreadable(e.to_string()),
                })),
            }),
        }
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    entries.dedup_by(|a, b| a.path == b.path);
    entries
}

fn walk_folder(root: &Path, filter: &AnswerFilter, entries: &mut Vec<Entry>) {
    let walker = ignore::WalkBuilder::new(root).follow_links(true).build();
    for item in walker {
        match item {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                if filter.accepts(relative) {
                    let path = entry.into_path();
                    entries.push(Entry::file(path.clone(), path.display().to_string()));
                }
            }
            Err(error) => {
                if let Some(entry) = problem_entry(&error, root, filter) {
                    entries.push(entry);
                }
            }
        }
    }
}

/// Turns a walk error into an entry for the path it concerns. A link that leads nowhere is
/// reported only when its name is an answer's; loops and unreadable folders always.
fn problem_entry(error: &ignore::Error, root: &Path, filter: &AnswerFilter) -> Option<Entry> {
    match error {
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            problem_entry(err, root, filter)
        }
        ignore::Error::Partial(errors) => errors
            .iter()
            .find_map(|err| problem_entry(err, root, filter)),
        ignore::Error::Loop { ancestor, child } => Some(Entry {
            path: child.clone(),
            name: child.display().to_string(),
            problem: Some(Box::new(FileError::Loop {
                ancestor: ancestor.display().to_string(),
            })),
        }),
        ignore::Error::WithPath { path, err } => {
            let relative = path.strip_prefix(root).unwrap_or(path);
            let dangling = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink())
                && std::fs::metadata(path).is_err();
            let problem = if dangling {
                if !filter.accepts(relative) {
                    return None;
                }
                FileError::Unreadable("a symbolic link to a missing file".into())
            } else {
                FileError::Unreadable(err.to_string())
            };
            Some(Entry {
                path: path.clone(),
                name: path.display().to_string(),
                problem: Some(Box::new(problem)),
            })
        }
        // An error with no path (an invalid ignore file's glob, …) concerns the folder.
        other => Some(Entry {
            path: root.to_path_buf(),
            name: root.display().to_string(),
            problem: Some(Box::new(FileError::Unreadable(other.to_string()))),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(globs: &[&str], path: &str) -> bool {
        let globs: Vec<String> = globs.iter().map(|g| g.to_string()).collect();
        AnswerFilter::new(&globs).unwrap().accepts(Path::new(path))
    }

    #[test]
    fn default_filter_takes_answer_extensions() {
        for path in ["a.md", "b/c.TXT", "talk.vtt", "talk.srt", "notes.markdown"] {
            assert!(accepts(&[], path), "{path}");
        }
        for path in ["a.toml", "b/c.png", "README", "md"] {
            assert!(!accepts(&[], path), "{path}");
        }
    }

    #[test]
    fn globs_match_names_anywhere_or_paths_from_the_root() {
        assert!(accepts(&["*.json"], "deep/down/x.json"));
        assert!(
            !accepts(&["*.json"], "x.md"),
            "a glob replaces the extensions"
        );
        assert!(accepts(&["strong/*.md"], "strong/a.md"));
        assert!(!accepts(&["strong/*.md"], "strong/old/a.md"));
        assert!(accepts(&["strong/**/*.md"], "strong/old/a.md"));
        assert!(!accepts(&["!draft-*"], "draft-1.md"));
        assert!(
            accepts(&["!draft-*"], "final.md"),
            "only exclusions keep the extensions"
        );
        assert!(AnswerFilter::new(&["a[".into()]).is_err());
    }
}
