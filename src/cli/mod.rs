//! Command line: argument parsing, reading the answer, choosing the rubric and renderer,
//! and exit codes (0 graded, 1 a bound failed, 2 could not grade). No grading logic.

mod analyze;
mod batch;
mod calibrate;
mod check;
mod compare;
mod io;
mod pipe;
mod rubrics;

use clap::{Parser, Subcommand, ValueEnum};
use grade::batch::Rubrics;
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
    after_help = "Exit codes: 0 graded (and within bounds); 1 a bound failed (--fail-*, grade check); \
                  2 could not grade (usage, an unreadable file, an invalid rubric)."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Answers to grade: files (.md, .txt, .markdown, .srt, .vtt) and folders, walked
    /// recursively (hidden and git-ignored paths skipped), or `-` for standard input. One
    /// file prints its full report; several files or a folder print a summary.
    #[arg(value_name = "PATH")]
    files: Vec<PathBuf>,

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

    #[command(flatten)]
    batch: batch::BatchArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Text and delivery statistics of an answer or transcript, without a rubric.
    Analyze(analyze::AnalyzeArgs),
    /// Grade the sample answers that grade.toml lists and check their bounds (for CI).
    Check(check::CheckArgs),
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
        #[command(flatten)]
        output: DocumentOutput,
    },
    /// Show what a rewrite changed: scores, evidence gained and lost, mistakes and flags.
    Compare {
        before: PathBuf,
        after: PathBuf,
        /// A built-in id, a rubric .toml, or `auto`; else the first draft's front matter.
        #[arg(long, short)]
        rubric: Option<String>,
        #[command(flatten)]
        output: DocumentOutput,
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

/// How `analyze`, `calibrate` and `compare` print, and the answer size they accept.
#[derive(clap::Args, Debug)]
struct DocumentOutput {
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = DocumentFormat::Text)]
    format: DocumentFormat,

    /// Refuse answers larger than this many bytes.
    #[arg(long, default_value_t = grade::document::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
}

/// The form of a single document's output: `analyze`, `calibrate`, `compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DocumentFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// The full report for one file; a table and cohort summary for several.
    Text,
    /// One report (`grade-report/1`); for several files one document (`grade-batch/1`).
    Json,
    /// One report per line, written as files finish, in path order.
    Jsonl,
    /// A row per file, a column per criterion.
    Csv,
    /// A table for a pull-request comment.
    Markdown,
    /// GitHub Actions annotations for missing high-weight signals and broken bounds.
    Github,
    /// JUnit XML: a testcase per file, failed where a bound broke.
    Junit,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
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
            output,
        }) => calibrate::run(labels, rubric.as_deref(), output.format, output.max_bytes),
        Some(Command::Compare {
            before,
            after,
            rubric,
            output,
        }) => compare::run(
            before,
            after,
            rubric.as_deref(),
            output.format,
            output.max_bytes,
        ),
        Some(Command::Analyze(args)) => analyze::run_analyze(args),
        Some(Command::Check(args)) => check::run_check(args),
        None if cli.batch.stdin_jsonl => pipe::run_stdin_jsonl(&cli),
        None if batch::is_batch(&cli) => batch::run_batch(&cli),
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
    let Some(path) = cli.files.first() else {
        return Err(
            "no answer given: pass a file (or `-` for standard input); see `grade --help`".into(),
        );
    };
    let grade = grade_path(
        path,
        cli.rubric.as_deref(),
        cli.max_bytes,
        &cli.input,
        &Rubrics::new(&io::resolve_rubric),
    )?;
    let name = path.display().to_string();
    let bounds = cli.batch.bounds()?;
    let violations = bounds.check(&grade).map_err(|e| e.describe(&name))?;
    let output = match cli.format {
        OutputFormat::Json => json::render(&grade),
        _ => text::render(&grade, use_color(cli.color)),
    };
    write_stdout(&output)?;
    batch::report_violations(&name, &violations);
    Ok(batch::exit_code(0, violations.len()))
}
