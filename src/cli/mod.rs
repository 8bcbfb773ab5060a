//! Command line: argument parsing, choosing the rubric and renderer, and exit codes (0
//! graded, 1 a bound failed, 2 could not grade). No grading logic: that is the library's.

mod args;
mod batch;
mod check;
mod documents;
mod error;
mod io;
mod rubrics;

use args::{InputArgs, Limit, format_parser};
use clap::ColorChoice;
use clap::{Parser, Subcommand};
use grade::batch::{Rubrics, Settings};
use grade::report::Format;
use std::path::PathBuf;
use std::process::ExitCode;

/// Could not grade.
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
    #[arg(long, default_value = "text", value_parser = format_parser(Format::ALL, true))]
    format: Format,
    /// When to colour text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[command(flatten)]
    limit: Limit,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    batch: batch::BatchArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Text and delivery statistics of an answer or transcript, without a rubric.
    Analyze(documents::AnalyzeArgs),
    /// Grade the sample answers that grade.toml lists and check their bounds (for CI).
    Check(check::CheckArgs),
    /// List, show or check rubrics.
    Rubrics {
        #[command(subcommand)]
        action: rubrics::RubricsAction,
    },
    /// Measure how grade's scores agree with human scores on labelled answers.
    ///
    /// LABELS is a CSV with a header `file,score[,rubric][,<criterion id>…]`: one answer per
    /// row, its human score as an integer on any scale, optionally its rubric and a human
    /// score per criterion. Paths are relative to the CSV's folder.
    Calibrate(documents::CalibrateArgs),
    /// Show what a rewrite changed: scores, evidence gained and lost, mistakes and flags.
    Compare(documents::CompareArgs),
}

/// Parses the arguments, runs the command, and prints its error in the one place errors
/// are printed.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Rubrics { action }) => rubrics::run(action),
        Some(Command::Calibrate(args)) => documents::calibrate(args),
        Some(Command::Compare(args)) => documents::compare(args),
        Some(Command::Analyze(args)) => documents::analyze(args),
        Some(Command::Check(args)) => check::run(args),
        None if cli.batch.stdin_jsonl => batch::run_stream(&cli),
        None if batch::is_batch(&cli) => batch::run(&cli),
        None => batch::run_one(&cli),
    };
    result.unwrap_or_else(|error| {
        eprintln!("error: {error}");
        ExitCode::from(EXIT_ERROR)
    })
}

impl Cli {
    /// How the answers named on the command line are graded.
    fn settings<'a>(&self, rubrics: &'a Rubrics<'a>) -> Settings<'a> {
        Settings::new(self.rubric.as_deref(), rubrics, self.limit.max_bytes)
            .with_parse(self.input.options())
    }
}
