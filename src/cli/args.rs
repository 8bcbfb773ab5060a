//! The command line's grammar (clap): every command's arguments, the shared ones (`--jobs`,
//! `--max-bytes`, `--format`, `--input-format`, `--speaker`) declared once and flattened
//! where used; `--format` takes the library's [`Format`] list. Imports nothing of the CLI.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, ColorChoice, Parser, Subcommand};
use grade::batch::bounds::{parse_criterion_bound, parse_score_bound};
use grade::batch::{Rubrics, Settings};
use grade::document::{InputForm, ParseOptions};
use grade::report::Format;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "grade",
    version,
    about = "Score interview answers against rubrics, and explain every point.",
    args_conflicts_with_subcommands = true,
    after_help = "Exit codes: 0 graded (and within bounds); 1 a bound failed (--fail-*, grade check); \
                  2 could not grade (usage, an unreadable file, an invalid rubric)."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    /// Answers to grade: files (.md, .txt, .markdown, .srt, .vtt) and folders, walked
    /// recursively (hidden and git-ignored paths skipped), or `-` for standard input. One
    /// file prints its full report; several files or a folder print a summary.
    #[arg(value_name = "PATH")]
    pub(crate) files: Vec<PathBuf>,
    /// A built-in rubric id (see `grade rubrics list`), a path to a rubric .toml file, or
    /// `auto` to pick the built-in rubric that fits the question (front matter `question:`
    /// or the first line). Without it, the front matter's `rubric:` key is used.
    #[arg(long, short)]
    pub(crate) rubric: Option<String>,
    #[command(flatten)]
    pub(crate) output: FormatArg<Reports>,
    /// When to colour text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
    #[command(flatten)]
    pub(crate) limit: Limit,
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) batch: BatchArgs,
}

impl Cli {
    /// How the answers named on the command line are graded.
    pub(crate) fn settings<'a>(&self, rubrics: &'a Rubrics<'a>) -> Settings<'a> {
        Settings::new(self.rubric.as_deref(), rubrics, self.limit.max_bytes)
            .with_parse(self.input.options())
    }
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Text and delivery statistics of an answer or transcript, without a rubric.
    Analyze(AnalyzeArgs),
    /// Grade the sample answers that grade.toml lists and check their bounds (for CI).
    Check(CheckArgs),
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
    Calibrate(CalibrateArgs),
    /// Show what a rewrite changed: scores, evidence gained and lost, mistakes and flags.
    Compare(CompareArgs),
    /// Serve the practice page on 127.0.0.1: type an answer, see it graded as you type.
    Serve(crate::serve::ServeArgs),
    /// Serve the Language Server Protocol on stdio: diagnostics and hover in an editor.
    Lsp(grade::lsp::LspArgs),
}

/// `grade rubrics`'s actions.
#[derive(Subcommand, Debug)]
pub(crate) enum RubricsAction {
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

/// `grade check`'s arguments.
#[derive(clap::Args, Debug)]
pub(crate) struct CheckArgs {
    /// The configuration to read. Default: grade.toml in the current folder or the nearest
    /// parent folder that has one. Globs and rubric paths in it are relative to its folder.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Print the JSON Schema of grade.toml, for editors that validate TOML, and exit.
    #[arg(long, conflicts_with = "config")]
    pub(crate) schema: bool,
    #[command(flatten)]
    pub(crate) jobs: Jobs,
    #[command(flatten)]
    pub(crate) limit: Limit,
}

/// `grade analyze`'s arguments.
#[derive(Args, Debug)]
pub(crate) struct AnalyzeArgs {
    /// The answer or transcript: a file, or `-` for standard input.
    pub(crate) file: PathBuf,
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) output: DocumentOutput,
}

/// `grade compare`'s arguments.
#[derive(Args, Debug)]
pub(crate) struct CompareArgs {
    pub(crate) before: PathBuf,
    pub(crate) after: PathBuf,
    /// A built-in id, a rubric .toml, or `auto`; else the first draft's front matter.
    #[arg(long, short)]
    pub(crate) rubric: Option<String>,
    #[command(flatten)]
    pub(crate) output: DocumentOutput,
}

/// `grade calibrate`'s arguments.
#[derive(Args, Debug)]
pub(crate) struct CalibrateArgs {
    pub(crate) labels: PathBuf,
    /// The rubric for rows without a `rubric` column (else their front matter's).
    #[arg(long, short)]
    pub(crate) rubric: Option<String>,
    #[command(flatten)]
    pub(crate) output: DocumentOutput,
}

/// What a batch takes beyond the paths: threads, globs, bounds, `--stdin-jsonl`.
#[derive(clap::Args, Debug)]
pub(crate) struct BatchArgs {
    #[command(flatten)]
    pub jobs: Jobs,
    /// Which files in a folder are answers, as a glob; repeat it to add more. A glob
    /// without `/` matches file names at any depth, one with `/` the path below the folder;
    /// `!GLOB` excludes. Default: *.txt, *.md, *.markdown, *.srt, *.vtt.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Exit 1 when a file scores below SCORE (0–100).
    #[arg(long, value_name = "SCORE", allow_negative_numbers = true, value_parser = parse_score_bound)]
    pub fail_under: Option<f64>,
    /// Exit 1 when a file scores above SCORE: for bad examples that must stay bad.
    #[arg(long, value_name = "SCORE", allow_negative_numbers = true, value_parser = parse_score_bound)]
    pub fail_above: Option<f64>,
    /// Exit 1 when a file's criterion ID scores below SCORE points (on that criterion's
    /// own scale, as the report shows it: `3/4`). Repeatable.
    #[arg(long, value_name = "ID=SCORE", value_parser = parse_criterion_bound)]
    pub fail_under_criterion: Vec<(String, f64)>,
    /// Read JSON Lines records {"id", "text", "rubric"} from standard input and write one
    /// report per line, in input order: grade as a map stage of a pipeline.
    #[arg(long, conflicts_with_all = ["files", "fail_under", "fail_above", "fail_under_criterion"])]
    pub stdin_jsonl: bool,
    /// With --stdin-jsonl: the folder records' `rubric` paths are read from. A record may
    /// name a built-in id or `auto`; a path only when this is given, relative to DIR, and
    /// it must stay inside DIR once `..` and links are resolved.
    #[arg(long, value_name = "DIR", requires = "stdin_jsonl")]
    pub rubric_dir: Option<PathBuf>,
}

/// `--jobs N`.
#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct Jobs {
    /// Threads that grade at once (default: one per core). Output is the same for any N.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

impl Jobs {
    /// Rayon threads: 0 lets rayon use one per core. More than
    /// [`grade::batch::THREADS_PER_CORE`] per core only slows a run down, so `--jobs` is
    /// capped there, with a warning on standard error.
    pub(crate) fn threads(self) -> usize {
        let (threads, warning) = grade::batch::jobs(self.jobs.map_or(0, usize::from));
        if let Some(warning) = warning {
            eprintln!("warning: {warning}");
        }
        threads
    }
}

/// `--max-bytes N`.
#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct Limit {
    /// Refuse answers larger than this many bytes.
    #[arg(long, default_value_t = grade::document::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
}

/// The answer's form as `--input-format` gives it: `None` for `auto` (detect it).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FormChoice(Option<InputForm>);

/// Options that say how to read an answer, shared by `grade` and `grade analyze`.
#[derive(Args, Debug, Clone, Default)]
pub(crate) struct InputArgs {
    /// The answer's form: written (text, markdown) or a transcript (speakers: `Name: …`
    /// lines; srt; vtt; otter: speaker and time on one line, the text below).
    #[arg(long, default_value = "auto", value_parser = form_parser())]
    pub input_format: FormChoice,
    /// In a transcript, the speaker whose words are graded (default: the one not named
    /// as an interviewer, else the one who speaks the most).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
}

impl InputArgs {
    /// The library's parse options.
    pub(crate) fn options(&self) -> ParseOptions {
        ParseOptions {
            form: self.input_format.0,
            speaker: self.speaker.clone(),
        }
    }
}

/// `auto` or one of the library's input forms.
fn form_parser() -> impl TypedValueParser<Value = FormChoice> {
    let names = std::iter::once("auto").chain(InputForm::ALL.map(InputForm::name));
    PossibleValuesParser::new(names).map(|name| FormChoice(InputForm::from_name(&name)))
}

/// The formats a command prints in, and how `--help` introduces them.
pub(crate) trait Formats: Clone + std::fmt::Debug + Send + Sync + 'static {
    /// The formats `--format` accepts.
    const ALL: &'static [Format];
    /// `--format`'s help line.
    const ABOUT: &'static str;
    /// Whether `--help` says what each format writes.
    const DESCRIBED: bool;
}

/// A report: every format of the library's list.
#[derive(Clone, Debug)]
pub(crate) struct Reports;

impl Formats for Reports {
    const ALL: &'static [Format] = Format::ALL;
    const ABOUT: &'static str = "How to print the report";
    const DESCRIBED: bool = true;
}

/// One document of `analyze`, `calibrate` or `compare`: text or JSON.
#[derive(Clone, Debug)]
pub(crate) struct Documents;

impl Formats for Documents {
    const ALL: &'static [Format] = &[Format::Text, Format::Json];
    const ABOUT: &'static str = "How to print the result";
    const DESCRIBED: bool = false;
}

/// `--format FORMAT`: one of the library's formats that `F` lists.
#[derive(Args, Debug)]
pub(crate) struct FormatArg<F: Formats> {
    #[arg(long, help = F::ABOUT, default_value = "text", value_parser = format_parser::<F>())]
    pub(crate) format: Format,
    #[arg(skip)]
    formats: std::marker::PhantomData<F>,
}

/// One of `F`'s formats, each with what it writes when `F` says so.
fn format_parser<F: Formats>() -> impl TypedValueParser<Value = Format> {
    let values = F::ALL
        .iter()
        .map(|format| PossibleValue::new(format.name()).help(F::DESCRIBED.then(|| format.help())));
    PossibleValuesParser::new(values).map(|name| name.parse().expect("a listed format"))
}

/// How `analyze`, `calibrate` and `compare` print, and the answer size they accept.
#[derive(Args, Debug)]
pub(crate) struct DocumentOutput {
    #[command(flatten)]
    pub output: FormatArg<Documents>,
    #[command(flatten)]
    pub limit: Limit,
}
