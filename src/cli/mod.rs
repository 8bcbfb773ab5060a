//! Command line: argument parsing, reading the answer, choosing the rubric and renderer,
//! and exit codes (0 graded, 1 a bound failed, 2 could not grade). No grading logic.

mod analyze;
mod io;
mod rubrics;

use clap::{Parser, Subcommand, ValueEnum};
use grade::report::{json, text};
use grade::rubric::{auto, builtin};
use grade::{analyze, score};
use io::{resolve_rubric, use_color, write_stdout};
use std::path::PathBuf;
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

    #[command(flatten)]
    input: analyze::InputArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Text and delivery statistics of an answer or transcript, without a rubric.
    Analyze(analyze::AnalyzeArgs),
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
        Some(Command::Rubrics { action }) => rubrics::run_rubrics(action),
        Some(Command::Analyze(args)) => analyze::run_analyze(args),
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
    let document = analyze::load_document(path, cli.max_bytes, &cli.input)?;
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
