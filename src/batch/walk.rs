//! Finding answer files: named files as given, folders walked as ripgrep walks them (hidden
//! and git-ignored paths skipped, symbolic links followed with loop detection), in path order.

use crate::cohort::FileError;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
    walk_within(roots, filter, None)
}

/// [`walk`], following symbolic links only to files and folders inside `boundary`
/// (canonical) when one is given: a link that leads out is an entry with a problem.
pub fn walk_within(
    roots: &[PathBuf],
    filter: &AnswerFilter,
    boundary: Option<&Path>,
) -> Vec<Entry> {
    let mut entries = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Ok(metadata) if metadata.is_dir() => walk_folder(root, filter, boundary, &mut entries),
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

/// What a folder walk's entry filter keeps across entries: the walked folder (canonical),
/// every folder outside it entered through a link (so that links into a folder already
/// walked, which may form a web too wide to finish, are not walked again) and the links it
/// refused to follow out of the boundary.
#[derive(Default)]
struct Visits {
    root: PathBuf,
    folders: HashSet<PathBuf>,
    outside: Vec<PathBuf>,
}

/// Whether the walk enters or takes `entry`: a link only to inside `boundary`; a link to a
/// folder inside the walked one not at all (the walk reaches it by its own path), except
/// to an ancestor, which the walk reports as a loop; a link to a folder outside once. A
/// link that cannot be resolved is left to the walk, which reports it.
fn visit(entry: &ignore::DirEntry, boundary: Option<&Path>, visits: &Mutex<Visits>) -> bool {
    if !entry.path_is_symlink() {
        return true;
    }
    let Ok(real) = entry.path().canonicalize() else {
        return true;
    };
    // A poisoned lock only means another walk panicked; the sets are still whole.
    let mut visits = visits.lock().unwrap_or_else(|e| e.into_inner());
    if boundary.is_some_and(|b| !real.starts_with(b)) {
        visits.outside.push(entry.path().to_path_buf());
        return false;
    }
    if !entry.file_type().is_some_and(|t| t.is_dir()) {
        return true;
    }
    let parent = entry.path().parent().and_then(|p| p.canonicalize().ok());
    if parent.is_some_and(|p| p.starts_with(&real)) {
        return true;
    }
    !real.starts_with(&visits.root) && visits.folders.insert(real)
}

fn walk_folder(
    root: &Path,
    filter: &AnswerFilter,
    boundary: Option<&Path>,
    entries: &mut Vec<Entry>,
) {
    let visits = Arc::new(Mutex::new(Visits::default()));
    if let Ok(real) = root.canonicalize() {
        visits
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .folders
            .insert(real);
    }
    let (kept, bound) = (Arc::clone(&visits), boundary.map(Path::to_path_buf));
    let walker = ignore::WalkBuilder::new(root)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| visit(entry, bound.as_deref(), &kept))
        .build();
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
    let outside = std::mem::take(&mut visits.lock().unwrap_or_else(|e| e.into_inner()).outside);
    let shown = boundary
        .map(|b| b.display().to_string())
        .unwrap_or_default();
    entries.extend(outside.into_iter().map(|path| Entry {
        name: path.display().to_string(),
        problem: Some(Box::new(FileError::Unreadable(format!(
            "a symbolic link out of {shown}, not followed (a glob that starts with ../ reaches above grade.toml's folder)"
        )))),
        path,
    }));
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

/// How many `../` a glob starts with (after a `!`): how far above its folder it reaches.
pub fn parent_steps(glob: &str) -> usize {
    let mut rest = glob.strip_prefix('!').unwrap_or(glob);
    let mut steps = 0;
    while let Some(after) = rest.strip_prefix("../") {
        steps += 1;
        rest = after;
    }
    steps
}

/// Globs written relative to a folder, rewritten relative to its ancestor `up` levels above,
/// where `names` are the last `up` folder names of the path down to it: `*.md` becomes
/// `c/**/*.md` and `../x/*.md` becomes `x/*.md` for a folder `c` one level down.
pub fn rebase_globs(globs: &[String], names: &[String]) -> Vec<String> {
    globs
        .iter()
        .map(|glob| {
            let (bang, pattern) = match glob.strip_prefix('!') {
                Some(rest) => ("!", rest),
                None => ("", glob.as_str()),
            };
            let pattern = match pattern.contains('/') {
                true => pattern.trim_start_matches("./").to_owned(),
                false => format!("**/{pattern}"),
            };
            let steps = parent_steps(&pattern).min(names.len());
            let rest = pattern["../".len() * steps..].to_owned();
            let keep = &names[..names.len() - steps];
            let mut prefix: String = keep.iter().map(|n| globset::escape(n) + "/").collect();
            prefix.push_str(&rest);
            format!("{bang}{prefix}")
        })
        .collect()
}

/// `relative` (to a folder's ancestor `names.len()` levels up) as a path relative to the
/// folder itself, with a `../` for each level it climbs.
pub fn relative_to_folder(relative: &Path, names: &[String]) -> String {
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let common = names.iter().zip(&parts).take_while(|(a, b)| a == b).count();
    let mut out: Vec<String> = vec!["..".to_owned(); names.len() - common];
    out.extend(parts[common..].iter().cloned());
    out.join("/")
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

    #[test]
    fn globs_above_a_folder_are_rebased_on_its_ancestor() {
        let globs = ["*.md".to_owned(), "../x/*.md".into(), "!../x/d-*".into()];
        let names = ["c".to_owned()];
        assert_eq!(
            rebase_globs(&globs, &names),
            ["c/**/*.md", "x/*.md", "!x/d-*"]
        );
        assert_eq!(rebase_globs(&globs[..1], &[]), ["**/*.md"]);
        assert_eq!(relative_to_folder(Path::new("c/a/1.md"), &names), "a/1.md");
        assert_eq!(relative_to_folder(Path::new("x/1.md"), &names), "../x/1.md");
        assert_eq!(parent_steps("!../../a"), 2);
    }
}
