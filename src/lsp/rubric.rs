//! Which rubric grades an open document: its front matter's `rubric:`; else the grade.toml
//! found upward from its file (the first `[[check]]` whose `files` take it, then the
//! `[lsp] rubric` key); else the client's `rubric` setting; else `auto`. A buffer is
//! untrusted input, so its front matter may name a built-in id, `auto`, or a rubric file
//! only when that grade.toml already names the same file; the settings only an id or
//! `auto`. A name refused is a warning, and the next source decides.

use crate::batch::{RubricChoice, looks_like_path};
use crate::config::Config;
use crate::document::Document;
use crate::rubric::builtin;
use std::path::Path;

/// Where the rubric came from, for the summary and the hover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The document's front matter.
    FrontMatter,
    /// A `[[check]]` of grade.toml whose `files` take the document.
    Check(String),
    /// grade.toml's `[lsp] rubric`.
    Folder(String),
    /// The client's `rubric` setting.
    Settings,
    /// Nothing named one: picked from the question.
    Auto,
}

impl Origin {
    /// In words, after "graded under X, from …".
    pub fn describe(&self) -> String {
        match self {
            Origin::FrontMatter => "the front matter".to_owned(),
            Origin::Check(at) => at.clone(),
            Origin::Folder(at) => format!("[lsp] rubric in {at}"),
            Origin::Settings => "the editor's grade settings".to_owned(),
            Origin::Auto => "auto (no rubric named)".to_owned(),
        }
    }
}

/// The rubric chosen, and the names refused on the way.
#[derive(Clone, Debug)]
pub struct Choice {
    /// A built-in id or a rubric file grade.toml names; `None` for `auto`.
    pub rubric: Option<String>,
    /// Where it came from.
    pub origin: Origin,
    /// Names that were not taken: the zero-based line to show each on, and why.
    pub refused: Vec<(u32, String)>,
}

/// grade.toml as found for a document: none, read, or why it could not be.
pub type Found = Option<Result<Config, String>>;

/// grade.toml upward from the folder of `file`, read and validated.
pub fn find_config(file: Option<&Path>, rubrics: &crate::batch::Rubrics) -> Found {
    let folder = file?.parent()?;
    let path = Config::find(folder).ok()?;
    Some(Config::from_file(&path, rubrics).map_err(|e| e.to_string()))
}

/// Chooses the rubric of `document` (at `file`, when it is a file) given its grade.toml
/// and the client's default.
pub fn choose(
    document: &Document,
    file: Option<&Path>,
    config: &Found,
    default: Option<&str>,
) -> Choice {
    let mut refused = Vec::new();
    let config = match config {
        Some(Ok(config)) => Some(config),
        Some(Err(error)) => {
            refused.push((0, format!("{error}; its rubrics are not used")));
            None
        }
        None => None,
    };
    if let Some(name) = document
        .front_matter
        .as_ref()
        .and_then(|f| f.rubric.as_deref())
    {
        match front_matter_rubric(name, config) {
            Ok(rubric) => {
                return Choice {
                    rubric,
                    origin: Origin::FrontMatter,
                    refused,
                };
            }
            Err(why) => refused.push((rubric_line(&document.text), why)),
        }
    }
    if let Some(config) = config {
        let check = file
            .and_then(|file| config.check_for(file))
            .filter(|check| check.rubric != RubricChoice::FrontMatter);
        let named = match check {
            Some(check) => {
                let at = format!("{} in {}", check.title, config.name);
                Some((&check.rubric, Origin::Check(at)))
            }
            None => (config.lsp_rubric.as_ref()).map(|c| (c, Origin::Folder(config.name.clone()))),
        };
        if let Some((choice, origin)) = named {
            let rubric = match choice {
                RubricChoice::Named(name) => Some(name.clone()),
                _ => None,
            };
            return Choice {
                rubric,
                origin,
                refused,
            };
        }
    }
    if let Some(name) = default {
        match builtin_or_auto(name) {
            Some(rubric) => {
                return Choice {
                    rubric,
                    origin: Origin::Settings,
                    refused,
                };
            }
            None => refused.push((
                0,
                format!(
                    "the `rubric` setting `{name}` is not a built-in rubric or `auto` ({})",
                    listed()
                ),
            )),
        }
    }
    Choice {
        rubric: None,
        origin: Origin::Auto,
        refused,
    }
}

/// `Some(None)` for `auto`, `Some(Some(id))` for a built-in id, `None` otherwise.
fn builtin_or_auto(name: &str) -> Option<Option<String>> {
    match name {
        "auto" => Some(None),
        id if builtin::source(id).is_some() => Some(Some(id.to_owned())),
        _ => None,
    }
}

/// The built-in ids, for messages.
pub fn listed() -> String {
    format!(
        "built-in: {}",
        builtin::ids().collect::<Vec<_>>().join(", ")
    )
}

/// A front matter's `rubric:`: an id or `auto`, or a file the configuration names.
fn front_matter_rubric(name: &str, config: Option<&Config>) -> Result<Option<String>, String> {
    if let Some(rubric) = builtin_or_auto(name) {
        return Ok(rubric);
    }
    if !looks_like_path(name) {
        return Err(format!("no built-in rubric `{name}` ({})", listed()));
    }
    let refused = || {
        format!(
            "front matter `rubric: {name}` names a file; grade lsp reads a rubric file only when grade.toml names it (in a [[check]] or [lsp]), since an editor buffer must not pick files to read"
        )
    };
    let config = config.ok_or_else(refused)?;
    let wanted = config
        .folder
        .join(name)
        .canonicalize()
        .map_err(|_| refused())?;
    config
        .rubric_files()
        .find(|file| Path::new(file).canonicalize().is_ok_and(|f| f == wanted))
        .map(|file| Some(file.to_owned()))
        .ok_or_else(refused)
}

/// The zero-based line of the front matter's `rubric:` key (0 when it cannot be told).
fn rubric_line(text: &str) -> u32 {
    text.lines()
        .take_while(|line| !line.trim_start().starts_with("rubric"))
        .count()
        .try_into()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Rubrics;
    use crate::document::parse;

    fn chosen(text: &str, config: &Found, default: Option<&str>) -> Choice {
        choose(&parse(text), None, config, default)
    }

    #[test]
    fn front_matter_then_settings_then_auto() {
        let front = chosen(
            "---\nrubric: metrics\n---\nBody.",
            &None,
            Some("culture-fit"),
        );
        assert_eq!(
            (front.rubric.as_deref(), front.origin),
            (Some("metrics"), Origin::FrontMatter)
        );
        let setting = chosen("Body.", &None, Some("culture-fit"));
        assert_eq!(setting.rubric.as_deref(), Some("culture-fit"));
        assert_eq!(setting.origin, Origin::Settings);
        let auto = chosen("Body.", &None, None);
        assert_eq!((auto.rubric, auto.origin), (None, Origin::Auto));
        let forced_auto = chosen("---\nrubric: auto\n---\nBody.", &None, Some("metrics"));
        assert_eq!(forced_auto.rubric, None);
        assert_eq!(forced_auto.origin, Origin::FrontMatter);
    }

    #[test]
    fn a_buffer_never_names_a_file_to_read() {
        for name in ["/etc/passwd", "../secret.toml", "mine.toml"] {
            let text = format!("---\nquestion: q\nrubric: {name}\n---\nBody.");
            let choice = chosen(&text, &None, None);
            assert_eq!(choice.rubric, None, "{name}");
            assert_eq!(choice.refused.len(), 1);
            assert_eq!(choice.refused[0].0, 2, "on the rubric: line");
            assert!(
                choice.refused[0].1.contains("names a file"),
                "{:?}",
                choice.refused
            );
        }
        let unknown = chosen("---\nrubric: nope\n---\nBody.", &None, Some("/etc/passwd"));
        assert_eq!(unknown.refused.len(), 2, "{:?}", unknown.refused);
        assert!(unknown.refused[1].1.contains("setting"));
    }

    #[test]
    fn grade_toml_checks_and_lsp_table() {
        let dir = std::env::temp_dir().join(format!("grade-lsp-rubric-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("good")).unwrap();
        std::fs::write(
            dir.join("mine.toml"),
            crate::rubric::builtin::source("metrics").unwrap(),
        )
        .unwrap();
        std::fs::write(
            dir.join("grade.toml"),
            "[[check]]\nfiles = \"good/*.md\"\nrubric = \"culture-fit\"\n\n[lsp]\nrubric = \"mine.toml\"\n",
        )
        .unwrap();
        let (good, other) = (dir.join("good/a.md"), dir.join("b.md"));
        std::fs::write(&good, "x").unwrap();
        std::fs::write(&other, "x").unwrap();
        let rubrics = Rubrics::default();
        let config = find_config(Some(&good), &rubrics);
        assert!(matches!(config, Some(Ok(_))), "{config:?}");
        let body = parse("Body.");
        let by_check = choose(&body, Some(&good), &config, Some("metrics"));
        assert_eq!(by_check.rubric.as_deref(), Some("culture-fit"));
        assert!(matches!(by_check.origin, Origin::Check(ref at) if at.contains("check 1")));
        let by_folder = choose(&body, Some(&other), &config, None);
        assert!(by_folder.rubric.as_deref().unwrap().ends_with("mine.toml"));
        assert!(matches!(by_folder.origin, Origin::Folder(_)));
        // The same file grade.toml names may be picked by the front matter.
        let named = parse("---\nrubric: ./mine.toml\n---\nBody.");
        let picked = choose(&named, Some(&other), &config, None);
        assert_eq!(picked.origin, Origin::FrontMatter);
        assert!(picked.rubric.unwrap().ends_with("mine.toml"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
