//! `grade analyze FILE`: the answer's text and delivery statistics, no rubric; also the
//! `--input-format` and `--speaker` options shared with grading.

use super::DocumentFormat;
use super::io::{read_text, write_stdout};
use clap::{Args, ValueEnum};
use grade::analysis::summary::Summary;
use grade::analyze;
use grade::document::{Document, InputForm, ParseOptions, parse_with};
use grade::report::{analyze_json, analyze_text};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How to read the answer; `auto` detects it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormatArg {
    #[default]
    Auto,
    Text,
    Markdown,
    Speakers,
    Srt,
    Vtt,
    Otter,
}

impl InputFormatArg {
    fn form(self) -> Option<InputForm> {
        match self {
            InputFormatArg::Auto => None,
            InputFormatArg::Text => Some(InputForm::Text),
            InputFormatArg::Markdown => Some(InputForm::Markdown),
            InputFormatArg::Speakers => Some(InputForm::Speakers),
            InputFormatArg::Srt => Some(InputForm::Srt),
            InputFormatArg::Vtt => Some(InputForm::Vtt),
            InputFormatArg::Otter => Some(InputForm::Otter),
        }
    }
}

/// Options that say how to read an answer, shared by `grade` and `grade analyze`.
#[derive(Args, Debug, Clone, Default)]
pub(crate) struct InputArgs {
    /// The answer's form: written (text, markdown) or a transcript (speakers: `Name: …`
    /// lines; srt; vtt; otter: speaker and time on one line, the text below).
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// In a transcript, the speaker whose words are graded (default: the one not named
    /// as an interviewer, else the one who speaks the most).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
}

impl InputArgs {
    pub(crate) fn options(&self) -> ParseOptions {
        ParseOptions {
            form: self.input_format.form(),
            speaker: self.speaker.clone(),
        }
    }
}

#[derive(Args, Debug)]
pub(crate) struct AnalyzeArgs {
    /// The answer or transcript: a file, or `-` for standard input.
    pub file: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: super::DocumentOutput,
}

/// Reads, decodes and parses an answer; errors name the file and line:column.
pub(crate) fn load_document(
    path: &Path,
    max_bytes: usize,
    input: &InputArgs,
) -> Result<Document, String> {
    let name = path.display().to_string();
    let text = read_text(path, max_bytes)?;
    parse_with(&text, &input.options()).map_err(|e| format!("{name}:{}: {e}", e.position))
}

pub(crate) fn run_analyze(args: &AnalyzeArgs) -> Result<ExitCode, String> {
    let document = load_document(&args.file, args.output.max_bytes, &args.input)?;
    let analysis = analyze(&document);
    let mut summary = Summary::new(&document, &analysis);
    summary.file = Some(args.file.display().to_string());
    let output = match args.output.format {
        DocumentFormat::Json => analyze_json::render(&summary),
        DocumentFormat::Text => analyze_text::render(&summary),
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}
