//! `grade check`: reads grade.toml (from the current folder or the nearest ancestor that
//! has one, or `--config FILE`), grades the files each `[[check]]` table names under its
//! rubric, prints each file's verdict and the bound it broke, and exits 0, 1 or 2.

use super::EXIT_ERROR;
use super::batch::{check_criteria, exit_code, grade_and_render};
use super::io::{resolve_rubric, write_stdout};
use grade::batch::{
    self, AnswerFilter, Bounds, Entry, FileReport, RubricChoice, Rubrics, Settings, Summary,
};
use grade::report::BatchRenderer;
use grade::text::span::LineIndex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const CONFIG_NAME: &str = "grade.toml";

#[derive(clap::Args, Debug)]
pub(crate) struct CheckArgs {
    /// The configuration to read. Default: grade.toml in the current folder or the nearest
    /// parent folder that has one. Globs and rubric paths in it are relative to its folder.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Threads that grade at once (default: one per core).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Refuse answers larger than this many bytes.
    #[arg(long, default_value_t = grade::document::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    check: Vec<toml::Spanned<CheckTable>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CheckTable {
    /// Shown in the output; default `check N`.
    name: Option<String>,
    files: Globs,
    /// A built-in id, a rubric path (relative to grade.toml), or `auto`; default: each
    /// file's front matter `rubric:`.
    rubric: Option<String>,
    min_score: Option<f64>,
    max_score: Option<f64>,
    #[serde(default)]
    min_criterion: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Globs {
    One(String),
    Many(Vec<String>),
}

impl Globs {
    fn list(&self) -> Vec<String> {
        match self {
            Globs::One(glob) => vec![glob.clone()],
            Globs::Many(globs) => globs.clone(),
        }
    }
}

/// A validated `[[check]]` table.
struct Check {
    title: String,
    globs: Vec<String>,
    filter: AnswerFilter,
    rubric: RubricChoice,
    bounds: Bounds,
}

pub(crate) fn run_check(args: &CheckArgs) -> Result<ExitCode, String> {
    let path = match &args.config {
        Some(path) => path.clone(),
        None => find_config()?,
    };
    let name = path.display().to_string();
    let source = std::fs::read_to_string(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{name}: no such file"),
        _ => format!("{name}: {e}"),
    })?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let loader = |rubric: &str| resolve_rubric(rubric);
    let rubrics = Rubrics::new(&loader);
    let checks = parse_config(&source, &name, &folder, &rubrics)?;

    // One walk for every check; each check then takes the files its own globs match.
    let every_glob: Vec<String> = checks
        .iter()
        .flat_map(|c| c.globs.iter().filter(|g| !g.starts_with('!')).cloned())
        .collect();
    let union = AnswerFilter::new(&every_glob).map_err(|e| format!("{name}: {e}"))?;
    let found: Vec<Entry> = batch::walk(std::slice::from_ref(&folder), &union)
        .into_iter()
        .map(|mut entry| {
            if let Ok(relative) = entry.path.strip_prefix(&folder) {
                entry.name = relative.display().to_string();
            }
            entry
        })
        .collect();

    let (mut files, mut failed, mut out_of_bounds, mut empty_checks) = (0, 0, 0, 0);
    for check in &checks {
        let entries: Vec<Entry> = found
            .iter()
            .filter(|e| check.filter.accepts(Path::new(&e.name)))
            .cloned()
            .collect();
        write_stdout(&format!(
            "{}: {}\n",
            check.title,
            count(entries.len(), "file", "files")
        ))?;
        if entries.is_empty() {
            eprintln!(
                "error: {}: `files` ({}) match no file under {}",
                check.title,
                check.globs.join(", "),
                folder.display()
            );
            empty_checks += 1;
            continue;
        }
        let settings = Settings {
            rubric: check.rubric.clone(),
            rubrics: &rubrics,
            max_bytes: args.max_bytes,
            parse: Default::default(),
        };
        let threads = args.jobs.map_or(0, usize::from);
        let summary: Summary =
            grade_and_render(entries, &settings, &check.bounds, threads, &mut Verdicts)?;
        files += summary.cohort.files;
        failed += summary.cohort.failed;
        out_of_bounds += summary.cohort.out_of_bounds;
    }
    let ok = files - failed - out_of_bounds;
    let mut tally = format!(
        "\n{} in {}: {ok} within bounds, {out_of_bounds} out of bounds",
        count(files, "file", "files"),
        count(checks.len(), "check", "checks")
    );
    if failed > 0 {
        tally.push_str(&format!(", {failed} could not be graded"));
    }
    tally.push('\n');
    write_stdout(&tally)?;
    if empty_checks > 0 {
        return Ok(ExitCode::from(EXIT_ERROR));
    }
    Ok(exit_code(failed, out_of_bounds))
}

/// grade.toml in the current folder or the nearest ancestor.
fn find_config() -> Result<PathBuf, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("current folder: {e}"))?;
    cwd.ancestors()
        .map(|folder| folder.join(CONFIG_NAME))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| {
            format!(
                "no {CONFIG_NAME} in {} or any parent folder; write one with [[check]] tables or pass --config FILE",
                cwd.display()
            )
        })
}

fn parse_config(
    source: &str,
    name: &str,
    folder: &Path,
    rubrics: &Rubrics,
) -> Result<Vec<Check>, String> {
    let lines = LineIndex::new(source);
    let at = |offset: usize| lines.line_col(source, offset);
    let config: ConfigFile = toml::from_str(source).map_err(|e| {
        let position = at(e.span().map_or(0, |s| s.start));
        format!("{name}:{position}: {}", e.message().trim())
    })?;
    if config.check.is_empty() {
        return Err(format!(
            "{name}: no [[check]] tables; each names `files` (globs), a `rubric` and bounds"
        ));
    }
    let mut checks = Vec::new();
    for (index, spanned) in config.check.iter().enumerate() {
        let origin = format!("{name}:{}", at(spanned.span().start));
        let table = spanned.get_ref();
        let title = match &table.name {
            Some(title) => format!("check `{title}`"),
            None => format!("check {}", index + 1),
        };
        let globs = table.files.list();
        if !globs.iter().any(|g| !g.starts_with('!')) {
            return Err(format!(
                "{origin}: {title}: `files` needs at least one glob"
            ));
        }
        let filter = AnswerFilter::new(&globs).map_err(|e| format!("{origin}: {title}: {e}"))?;
        if let (Some(min), Some(max)) = (table.min_score, table.max_score)
            && min > max
        {
            return Err(format!(
                "{origin}: {title}: min-score {min} is above max-score {max}; no file could pass"
            ));
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
        let rubric = match table.rubric.as_deref() {
            Some(rubric) if looks_like_path(rubric) => {
                RubricChoice::Named(folder.join(rubric).display().to_string())
            }
            other => RubricChoice::from_option(other),
        };
        if let RubricChoice::Named(rubric) = &rubric {
            let compiled = rubrics
                .get(rubric)
                .map_err(|e| format!("{origin}: {title}: {e}"))?;
            check_criteria(
                &bounds,
                &compiled,
                &format!("{origin}: {title}: min-criterion"),
            )?;
        }
        checks.push(Check {
            title,
            globs,
            filter,
            rubric,
            bounds,
        });
    }
    Ok(checks)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn looks_like_path(rubric: &str) -> bool {
    rubric.ends_with(".toml") || rubric.contains('/') || rubric.contains('\\')
}

/// One line per file: `ok`, `FAIL` with the bounds it broke, or `ERROR` with why.
struct Verdicts;

impl BatchRenderer for Verdicts {
    fn needs_rows(&self) -> bool {
        false
    }

    fn file(&mut self, report: &FileReport) -> String {
        match report.outcome {
            Err(error) => format!("  ERROR         {}\n", error.describe(report.name)),
            Ok(grade) if report.violations.is_empty() => {
                format!("  ok    {:>5.1}  {}\n", grade.score, report.name)
            }
            Ok(grade) => {
                let broken: Vec<String> = report.violations.iter().map(|v| v.to_string()).collect();
                format!(
                    "  FAIL  {:>5.1}  {}: {}\n",
                    grade.score,
                    report.name,
                    broken.join("; ")
                )
            }
        }
    }

    fn finish(&mut self, _summary: &Summary) -> String {
        String::new()
    }
}
