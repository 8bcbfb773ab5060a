//! What grade.toml tells the language server: the `[lsp]` table (the folder's rubric),
//! which `[[check]]` takes an open file, and the rubric files the configuration names (the
//! only ones a buffer's front matter may pick).

use super::{Check, Config, ConfigError, folder_names, rubric_choice};
use crate::batch::{self, AnswerFilter, RubricChoice, Rubrics, looks_like_path};
use schemars::JsonSchema;
use serde::Deserialize;
use std::path::Path;

/// The `[lsp]` table: the language server's settings for this folder.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LspTable {
    /// A built-in id, a rubric path (relative to grade.toml), or `auto`: the rubric of the
    /// answers below this folder that name none in their front matter.
    pub rubric: Option<String>,
}

/// The `[lsp]` table's rubric, paths resolved against `folder`, loaded once so that a
/// wrong one is an error of grade.toml.
pub(super) fn rubric(
    table: Option<&LspTable>,
    name: &str,
    folder: &Path,
    rubrics: &Rubrics,
) -> Result<Option<RubricChoice>, ConfigError> {
    match table.and_then(|lsp| lsp.rubric.as_deref()) {
        Some(rubric) => {
            let choice = rubric_choice(Some(rubric), folder);
            if let RubricChoice::Named(rubric) = &choice {
                rubrics.get(rubric).map_err(|e| ConfigError::Lsp {
                    name: name.to_owned(),
                    problem: Box::new(e),
                })?;
            }
            Ok(Some(choice))
        }
        None => Ok(None),
    }
}

impl Config {
    /// The first check whose globs take the answer at `file` (any path, compared with
    /// links resolved; a file not yet saved, by its folder), for the language server.
    pub fn check_for(&self, file: &Path) -> Option<&Check> {
        let file = match file.canonicalize() {
            Ok(file) => file,
            Err(_) => file.parent()?.canonicalize().ok()?.join(file.file_name()?),
        };
        let folder = self.folder.canonicalize().ok()?;
        self.checks.iter().find(|check| {
            let up = check.globs.iter().map(|g| batch::parent_steps(g)).max();
            let up = up.unwrap_or(0);
            let root = folder.ancestors().nth(up).unwrap_or(&folder);
            let Ok(relative) = file.strip_prefix(root) else {
                return false;
            };
            let names = folder_names(&folder, up);
            AnswerFilter::new(&batch::rebase_globs(&check.globs, &names))
                .is_ok_and(|filter| filter.accepts(relative))
        })
    }

    /// Every rubric file the configuration names (checks' and `[lsp]`'s), as given to the
    /// loader: the only paths a buffer's front matter may pick in the language server.
    pub fn rubric_files(&self) -> impl Iterator<Item = &str> {
        let lsp = self.lsp_rubric.iter();
        self.checks
            .iter()
            .map(|c| &c.rubric)
            .chain(lsp)
            .filter_map(|choice| match choice {
                RubricChoice::Named(name) if looks_like_path(name) => Some(name.as_str()),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn an_lsp_table_alone_is_read_and_checked() {
        let rubrics = Rubrics::default();
        let folder = Path::new("samples");
        let (checks, lsp) = parse("[lsp]\nrubric = \"metrics\"\n", "g", folder, &rubrics).unwrap();
        assert!(checks.is_empty());
        assert_eq!(lsp, Some(RubricChoice::Named("metrics".to_owned())));
        let (_, path) = parse("[lsp]\nrubric = \"r/x.toml\"\n", "g", folder, &rubrics)
            .map_err(|e| e.to_string())
            .unwrap_err()
            .split_once(": ")
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .unwrap();
        assert!(path.starts_with("[lsp] rubric:"), "{path}");
        let empty = parse("# nothing\n", "g", folder, &rubrics).unwrap_err();
        assert!(matches!(empty, ConfigError::NoChecks { .. }), "{empty}");
        let config = Config {
            name: "g".to_owned(),
            folder: folder.to_path_buf(),
            checks,
            lsp_rubric: lsp,
        };
        struct Quiet;
        impl Sink for Quiet {
            fn write(&mut self, _: &str) {}
            fn error(&mut self, _: &str) {}
        }
        let run = config.run(&rubrics, 1000, 1, &mut Quiet);
        assert!(
            matches!(run, Err(ConfigError::NoChecks { .. })),
            "grade check has nothing to run"
        );
    }
}
