//! Command line: argument parsing, reading the answer, choosing the rubric and renderer,
//! and exit codes (0 graded, 1 a bound failed, 2 could not grade). No grading logic.

mod analyze;
mod calibrate;
mod compare;
mod io;
mod rubrics;

use clap::{Parser, Subcommand, ValueEnum};
use grade::report::{json, text};
use io::{grade_path, use_color, write_stdout};
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
    /// Measure how grade's scores agree with human scores on labelled answers.
    ///
    /// LABELS is a CSV with a header `file,score[,rubric][,<criterion id>…]`: one answer per
    /// row, its human score as an integer on any scale, optionally its rubric and a human
    /// score per criterion. Paths are relative to the CSV's folder.
    Calibrate {
        labels: PathBuf,
        /// The rubric for rows without a `rubric` column (else their front matter's).
        #[arg(long, short)]
        rubric: Option<String>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        #[arg(long, default_value_t = grade::document::DEFAULT_MAX_BYTES)]
        max_bytes: usize,
    },
    /// Show what a rewrite changed: scores, evidence gained and lost, mistakes and flags.
    Compare {
        before: PathBuf,
        after: PathBuf,
        /// A built-in id, a rubric .toml, or `auto`; else the first draft's front matter.
        #[arg(long, short)]
        rubric: Option<String>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        #[arg(long, default_value_t = grade::document::DEFAULT_MAX_BYTES)]
        max_bytes: usize,
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
        Some(Command::Calibrate {
            labels,
            rubric,
            format,
            max_bytes,
        }) => calibrate::run(labels, rubric.as_deref(), *format, *max_bytes),
        Some(Command::Compare {
            before,
            after,
            rubric,
            format,
            max_bytes,
        }) => compare::run(before, after, rubric.as_deref(), *format, *max_bytes),
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
    let grade = grade_path(
        path,
        cli.rubric.as_deref(),
        cli.max_bytes,
        &cli.input,
        &mut Default::default(),
    )?;
    let output = match cli.format {
        OutputFormat::Json => json::render(&grade),
        OutputFormat::Text => text::render(&grade, use_color(cli.color)),
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}
