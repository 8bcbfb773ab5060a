//! Command line: argument parsing, reading the answer, choosing the rubric and renderer,
//! and exit codes (0 graded, 1 a bound failed, 2 could not grade). No grading logic.

use clap::{Parser, Subcommand, ValueEnum};
use grade::error::{DecodeError, RubricError};
use grade::report::{json, text};
use grade::rubric::{CompiledRubric, auto, builtin};
use grade::scoring::examples;
use grade::{analyze, decode, parse, score};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXIT_ERROR: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "grade",
    version,
    about = "Score interview answers against rubrics, and explain every point.",
    args_conflicts_with_subcommands = true,
    after_help = "Exit codes: 0 graded; 1 a bound failed (CI checks); 2 could not grade."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// The answer to grade: a .md or .txt file, or `-` for standard input.
    file: Option<PathBuf>,

    /// A built-in rubric id (see `grade rubrics list`), a path to a rubric .toml file, or
    /// `auto` to pick the built-in rubric that fits the question (front matter `question:`
    /// or the first line). Without it, the front matter's `rubric:` key is used.
    #[arg(long, short)]
    rubric: Option<String>,

    /// How to print the report.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,

    /// When to colour text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    /// Refuse answers larger than this many bytes.
    #[arg(long, default_value_t = grade::document::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List, show or check rubrics.
    Rubrics {
        #[command(subcommand)]
        action: RubricsAction,
    },
}

#[derive(Subcommand, Debug)]
enum RubricsAction {
    /// The built-in rubrics: id, title, number of criteria.
    List,
    /// A rubric's criteria, weights, signals and advice.
    Show {
        /// A built-in id or a path to a .toml file.
        rubric: String,
    },
    /// Print the JSON Schema of the rubric format, for editors that validate TOML.
    Schema,
    /// Load a rubric file and run every signal's examples; exit 2 if any fails.
    Check {
        /// A path to a .toml file, or a built-in id.
        rubric: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Rubrics { action }) => run_rubrics(action),
        None => run_grade(&cli),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run_grade(cli: &Cli) -> Result<ExitCode, String> {
    let Some(path) = &cli.file else {
        return Err(
            "no answer given: pass a file (or `-` for standard input); see `grade --help`".into(),
        );
    };
    let name = path.display().to_string();
    let bytes = read_input(path, cli.max_bytes)?;
    let text = decode(bytes, cli.max_bytes).map_err(|e| decode_message(&name, &e))?;
    let document = parse(&text);
    let rubric_name = match (
        &cli.rubric,
        document
            .front_matter
            .as_ref()
            .and_then(|f| f.rubric.as_ref()),
    ) {
        (Some(r), _) => r.clone(),
        (None, Some(r)) => r.clone(),
        (None, None) => {
            return Err(format!(
                "{name}: no rubric chosen; pass --rubric ID or add `rubric:` to the front matter (built-in: {})",
                builtin::ids().collect::<Vec<_>>().join(", ")
            ));
        }
    };
    let selected = if rubric_name == "auto" {
        Some(auto::select(&document).map_err(|e| format!("{name}: {e}"))?)
    } else {
        None
    };
    let rubric = resolve_rubric(selected.as_ref().map_or(&rubric_name, |s| &s.rubric))?;
    let analysis = analyze(&document);
    let mut grade = score(&document, &analysis, &rubric);
    grade.file = Some(name);
    grade.selected = selected;
    let output = match cli.format {
        OutputFormat::Json => json::render(&grade),
        OutputFormat::Text => text::render(&grade, use_color(cli.color)),
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a file or stdin, refusing folders and files over the size limit before reading.
fn read_input(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    let name = path.display();
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: {e}"))?;
        return Ok(bytes);
    }
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{name}: no such file"),
        _ => format!("{name}: {e}"),
    })?;
    if metadata.is_dir() {
        return Err(format!("{name}: is a folder; pass an answer file"));
    }
    if metadata.len() > max_bytes as u64 {
        return Err(format!(
            "{name}: {}",
            DecodeError::TooLarge {
                size: metadata.len() as usize,
                limit: max_bytes
            }
        ));
    }
    std::fs::read(path).map_err(|e| format!("{name}: {e}"))
}

/// A decode error with the file name, and line:column for a bad byte.
fn decode_message(name: &str, error: &DecodeError) -> String {
    match error {
        DecodeError::InvalidUtf8 { position, .. } | DecodeError::Binary { position, .. } => {
            format!("{name}:{position}: {error}")
        }
        _ => format!("{name}: {error}"),
    }
}

/// A built-in id, or a path to a rubric file when the argument names one.
fn resolve_rubric(name: &str) -> Result<CompiledRubric, String> {
    let looks_like_path = name.ends_with(".toml") || name.contains('/') || name.contains('\\');
    if looks_like_path || (builtin::source(name).is_none() && Path::new(name).is_file()) {
        let source = std::fs::read_to_string(name).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{name}: no such rubric file"),
            _ => format!("{name}: {e}"),
        })?;
        return grade::rubric::load(&source).map_err(|e| rubric_message(name, &e));
    }
    builtin::load_builtin(name).map_err(|e| rubric_message(name, &e))
}

fn rubric_message(origin: &str, error: &RubricError) -> String {
    error.describe(Some(origin))
}

fn run_rubrics(action: &RubricsAction) -> Result<ExitCode, String> {
    match action {
        RubricsAction::List => {
            let mut out = String::new();
            for id in builtin::ids() {
                let rubric = builtin::load_builtin(id).map_err(|e| rubric_message(id, &e))?;
                out.push_str(&format!(
                    "{:<20} {:<32} {} criteria\n",
                    rubric.id,
                    rubric.title,
                    rubric.criteria.len()
                ));
            }
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        RubricsAction::Schema => {
            write_stdout(grade::rubric::SCHEMA)?;
            Ok(ExitCode::SUCCESS)
        }
        RubricsAction::Show { rubric } => {
            let compiled = resolve_rubric(rubric)?;
            write_stdout(&grade::report::text::render_rubric(&compiled))?;
            Ok(ExitCode::SUCCESS)
        }
        RubricsAction::Check { rubric } => {
            let compiled = resolve_rubric(rubric)?;
            let (failures, ran) = examples::check(&compiled);
            if failures.is_empty() {
                write_stdout(&format!("{rubric}: ok ({ran} examples passed)\n"))?;
                Ok(ExitCode::SUCCESS)
            } else {
                let mut out = format!("{rubric}: {} of {ran} examples failed\n", failures.len());
                for failure in &failures {
                    out.push_str(&format!("  {failure}\n"));
                }
                write_stdout(&out)?;
                Ok(ExitCode::from(EXIT_ERROR))
            }
        }
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Writes to stdout; a closed pipe (`grade … | head`) is not an error.
fn write_stdout(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("writing output: {e}")),
    }
}
