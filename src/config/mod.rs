//! grade.toml, the configuration `grade check` runs: its model (types that derive serde
//! and the JSON Schema), discovery upward from a folder, and validation with line:column
//! errors. The CLI only chooses the file and prints the verdicts.

use crate::batch::source::{SourceError, read_source};
use crate::batch::{
    self, AnswerFilter, Bounds, Entry, RubricChoice, Rubrics, Settings, Sink,
    bounds::check_score_bound, looks_like_path, render_entries,
};
use crate::report::verdicts::{Tally, Verdicts};
use crate::text::span::LineIndex;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod lsp;
mod problems;

pub use lsp::LspTable;

pub use problems::{CheckProblem, ConfigError};

/// The configuration's file name, looked for in a folder and each of its ancestors.
pub const FILE_NAME: &str = "grade.toml";

/// grade.toml as written: a list of `[[check]]` tables.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "grade.toml",
    description = "Sample answers `grade check` grades, and the bounds each must stay within."
)]
pub struct ConfigFile {
    /// Each check grades the files its globs match and checks their bounds.
    #[serde(default)]
    #[schemars(with = "Vec<CheckTable>")]
    pub check: Vec<toml::Spanned<CheckTable>>,
    /// What `grade lsp` grades this folder's answers with, when a buffer's front matter
    /// names no rubric and no `[[check]]` matches the file.
    pub lsp: Option<LspTable>,
}

/// One `[[check]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckTable {
    /// Shown in the output; default `check N`.
    pub name: Option<String>,
    /// The answers to check: a glob or a list of globs, relative to grade.toml's folder;
    /// `!GLOB` excludes.
    pub files: Globs,
    /// A built-in id, a rubric path (relative to grade.toml), or `auto`; default: each
    /// file's front matter `rubric:`.
    pub rubric: Option<String>,
    /// A file scoring below this fails (0–100).
    pub min_score: Option<f64>,
    /// A file scoring above this fails: for bad examples that must stay bad.
    pub max_score: Option<f64>,
    /// Criterion id → the least points it must score, on that criterion's own scale.
    #[serde(default)]
    pub min_criterion: BTreeMap<String, f64>,
}

/// One glob or several.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Globs {
    /// One glob.
    One(String),
    /// Several globs.
    Many(Vec<String>),
}

impl Globs {
    /// The globs as a list.
    pub fn list(&self) -> Vec<String> {
        match self {
            Globs::One(glob) => vec![glob.clone()],
            Globs::Many(globs) => globs.clone(),
        }
    }
}

/// The JSON Schema of grade.toml, pretty-printed with a final newline.
pub fn schema() -> String {
    let schema = schemars::schema_for!(ConfigFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

/// A validated `[[check]]` table.
#[derive(Debug)]
pub struct Check {
    /// `check `NAME`` or `check N`.
    pub title: String,
    /// The table's globs, as written.
    pub globs: Vec<String>,
    /// Which files below the folder the check takes.
    pub filter: AnswerFilter,
    /// The rubric its files are graded under.
    pub rubric: RubricChoice,
    /// The bounds its files must keep.
    pub bounds: Bounds,
}

/// A validated grade.toml.
#[derive(Debug)]
pub struct Config {
    /// The file as named, for messages.
    pub name: String,
    /// Its folder: globs and rubric paths are relative to it.
    pub folder: PathBuf,
    /// Its checks, in file order; empty only when an `[lsp]` table is there instead.
    pub checks: Vec<Check>,
    /// The `[lsp]` table's rubric, paths resolved against the folder; none when unset.
    pub lsp_rubric: Option<RubricChoice>,
}

impl Config {
    /// grade.toml in `folder` or the nearest ancestor that has one.
    pub fn find(folder: &Path) -> Result<PathBuf, ConfigError> {
        folder
            .ancestors()
            .map(|folder| folder.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
            .ok_or_else(|| ConfigError::NotFound {
                folder: folder.to_path_buf(),
            })
    }

    /// Finds grade.toml upward from `folder` and reads it, as [`Config::from_file`].
    pub fn from_dir(folder: &Path, rubrics: &Rubrics) -> Result<Config, ConfigError> {
        Config::from_file(&Config::find(folder)?, rubrics)
    }

    /// Reads and validates the configuration at `path` (a regular file of at most
    /// [`batch::source::MAX_SOURCE_BYTES`] bytes); every rubric a check names is
    /// loaded through `rubrics`, so a wrong one is found before any answer is graded.
    pub fn from_file(path: &Path, rubrics: &Rubrics) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let source = read_source(path).map_err(|e| match e {
            SourceError::NotFound => ConfigError::NoFile { name: name.clone() },
            other => ConfigError::Unreadable {
                name: name.clone(),
                reason: other.to_string(),
            },
        })?;
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (checks, lsp_rubric) = parse(&source, &name, &folder, rubrics)?;
        Ok(Config {
            name,
            folder,
            checks,
            lsp_rubric,
        })
    }

    /// The answer files below the folder, walked once for every check, each check with
    /// the files its own globs match; names are relative to the folder. The walk stays in
    /// the folder (links out are not followed, but reported) unless a glob starts with
    /// `../`: then it starts as many folders up as the farthest such glob reaches.
    pub fn entries(&self) -> Result<Vec<(&Check, Vec<Entry>)>, ConfigError> {
        let unreadable = |reason: String| ConfigError::Unreadable {
            name: self.name.clone(),
            reason,
        };
        let globs = |c: &Check| c.globs.clone();
        let up = self
            .checks
            .iter()
            .flat_map(globs)
            .map(|g| batch::parent_steps(&g));
        let up = up.max().unwrap_or(0);
        let root = (0..up).fold(self.folder.clone(), |root, _| root.join(".."));
        let real = self
            .folder
            .canonicalize()
            .map_err(|e| unreadable(e.to_string()))?;
        let names = folder_names(&real, up);
        let boundary = root.canonicalize().ok();
        let filter = |globs: &[String]| {
            AnswerFilter::new(&batch::rebase_globs(globs, &names))
                .map_err(|e| unreadable(e.to_string()))
        };
        let every_glob: Vec<String> = self.checks.iter().flat_map(globs).collect();
        let includes: Vec<String> = every_glob
            .into_iter()
            .filter(|g| !g.starts_with('!'))
            .collect();
        let union = filter(&includes)?;
        let found = batch::walk_within(std::slice::from_ref(&root), &union, boundary.as_deref());
        let found: Vec<(PathBuf, Entry)> = found
            .into_iter()
            .map(|mut entry| {
                let relative = entry
                    .path
                    .strip_prefix(&root)
                    .unwrap_or(&entry.path)
                    .to_path_buf();
                entry.name = batch::relative_to_folder(&relative, &names);
                (relative, entry)
            })
            .collect();
        self.checks
            .iter()
            .map(|check| {
                let own = filter(&check.globs)?;
                let entries = found
                    .iter()
                    .filter(|(relative, _)| own.accepts(relative))
                    .map(|(_, entry)| entry.clone())
                    .collect();
                Ok((check, entries))
            })
            .collect()
    }
}

/// The last `up` folder names of `folder` (canonical), outermost first.
pub(crate) fn folder_names(folder: &Path, up: usize) -> Vec<String> {
    let all: Vec<String> = folder
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    all[all.len().saturating_sub(up)..].to_vec()
}

impl Config {
    /// Grades each check's files on `threads` threads (0: one per core), writing a verdict per file and the tally to `sink`; a
    /// check whose globs match no file is an error on `sink`, counted in the tally.
    pub fn run(
        &self,
        rubrics: &Rubrics,
        max_bytes: usize,
        threads: usize,
        sink: &mut (dyn Sink + Send),
    ) -> Result<Tally, ConfigError> {
        let work = || self.run_checks(rubrics, max_bytes, sink);
        batch::with_threads(threads, work).map_err(|e| ConfigError::Threads(threads, e))?
    }

    /// [`Config::run`] on the current thread pool.
    fn run_checks(
        &self,
        rubrics: &Rubrics,
        max_bytes: usize,
        sink: &mut dyn Sink,
    ) -> Result<Tally, ConfigError> {
        if self.checks.is_empty() {
            let name = self.name.clone();
            return Err(ConfigError::NoChecks { name });
        }
        let mut tally = Tally::default();
        for (check, entries) in self.entries()? {
            sink.write(&tally.heading(&check.title, entries.len()));
            if entries.is_empty() {
                let (globs, folder) = (check.globs.join(", "), self.folder.display());
                let title = &check.title;
                let message = format!("{title}: `files` ({globs}) match no file under {folder}");
                sink.error(&crate::text::escape::terminal(&message));
                tally.add_empty();
                continue;
            }
            let settings = Settings {
                rubric: check.rubric.clone(),
                ..Settings::new(None, rubrics, max_bytes)
            };
            let summary = render_entries(entries, &settings, &check.bounds, &mut Verdicts, sink);
            tally.add(&summary);
        }
        sink.write(&tally.finish());
        Ok(tally)
    }
}

/// Parses and validates grade.toml's text: its checks and its `[lsp]` rubric.
fn parse(
    source: &str,
    name: &str,
    folder: &Path,
    rubrics: &Rubrics,
) -> Result<(Vec<Check>, Option<RubricChoice>), ConfigError> {
    let lines = LineIndex::new(source);
    let at = |offset: usize| lines.line_col(source, offset);
    let config: ConfigFile = toml::from_str(source).map_err(|e| ConfigError::Syntax {
        name: name.to_owned(),
        position: at(e.span().map_or(0, |s| s.start)),
        message: e.message().trim().to_owned(),
    })?;
    let lsp_rubric = lsp::rubric(config.lsp.as_ref(), name, folder, rubrics)?;
    if config.check.is_empty() && config.lsp.is_none() {
        return Err(ConfigError::NoChecks {
            name: name.to_owned(),
        });
    }
    let checks = config
        .check
        .iter()
        .enumerate()
        .map(|(index, spanned)| {
            let table = spanned.get_ref();
            let title = match &table.name {
                Some(title) => format!("check `{title}`"),
                None => format!("check {}", index + 1),
            };
            check(table, title.clone(), folder, rubrics).map_err(|problem| ConfigError::Check {
                at: format!("{name}:{}", at(spanned.span().start)),
                title,
                problem: Box::new(problem),
            })
        })
        .collect::<Result<_, _>>()?;
    Ok((checks, lsp_rubric))
}

/// A table's `rubric`: a path is relative to grade.toml's folder; absent is front matter.
pub(crate) fn rubric_choice(rubric: Option<&str>, folder: &Path) -> RubricChoice {
    match rubric {
        Some(rubric) if looks_like_path(rubric) => {
            RubricChoice::Named(folder.join(rubric).display().to_string())
        }
        other => RubricChoice::from_option(other),
    }
}

/// Validates one table: its globs, its bounds, its rubric and the criteria bounds name.
fn check(
    table: &CheckTable,
    title: String,
    folder: &Path,
    rubrics: &Rubrics,
) -> Result<Check, CheckProblem> {
    let globs = table.files.list();
    if !globs.iter().any(|g| !g.starts_with('!')) {
        return Err(CheckProblem::NoGlob);
    }
    let filter = AnswerFilter::new(&globs)?;
    for (key, score) in [
        ("min-score", table.min_score),
        ("max-score", table.max_score),
    ] {
        if let Some(score) = score {
            check_score_bound(score).map_err(|source| CheckProblem::Score { key, source })?;
        }
    }
    if let Some((id, score)) = table.min_criterion.iter().find(|(_, s)| **s < 0.0) {
        return Err(CheckProblem::NegativeCriterion {
            criterion: id.clone(),
            score: *score,
        });
    }
    if let (Some(min), Some(max)) = (table.min_score, table.max_score)
        && min > max
    {
        return Err(CheckProblem::Impossible { min, max });
    }
    let bounds = Bounds {
        min_score: table.min_score,
        max_score: table.max_score,
        min_criterion: table
            .min_criterion
            .iter()
            .map(|(id, score)| (id.clone(), *score))
            .collect(),
    };
    let rubric = rubric_choice(table.rubric.as_deref(), folder);
    if let RubricChoice::Named(rubric) = &rubric {
        let compiled = rubrics.get(rubric).map_err(CheckProblem::Rubric)?;
        bounds
            .check_rubric(&compiled)
            .map_err(CheckProblem::Criterion)?;
    }
    Ok(Check {
        title,
        globs,
        filter,
        rubric,
        bounds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_names_every_key() {
        let schema = schema();
        for key in [
            "check",
            "lsp",
            "files",
            "rubric",
            "min-score",
            "max-score",
            "min-criterion",
        ] {
            assert!(schema.contains(&format!("\"{key}\"")), "{key}");
        }
    }

    #[test]
    fn an_unknown_key_is_an_error_at_its_line() {
        let rubrics = Rubrics::default();
        let error = parse(
            "[[check]]\nfiles = \"*.md\"\nmin_score = 3\n",
            "grade.toml",
            Path::new("."),
            &rubrics,
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("grade.toml:3:1: unknown field `min_score`"),
            "{error}"
        );
    }
}
