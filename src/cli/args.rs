//! Arguments several commands share, each declared once and flattened where it is used:
//! `--jobs`, `--max-bytes`, `--input-format` and `--speaker`, and the `--format` parser
//! built on the library's [`Format`] list.

use super::error::CliError;
use super::io::write_stdout;
use clap::Args;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use grade::document::{InputForm, ParseOptions};
use grade::report::{Format, pretty_json};

/// `--jobs N`.
#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct Jobs {
    /// Threads that grade at once (default: one per core). Output is the same for any N.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

impl Jobs {
    /// Rayon threads: 0 lets rayon use one per core.
    pub(crate) fn threads(self) -> usize {
        self.jobs.map_or(0, usize::from)
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

/// One of `formats` of the library's list; `help` lists what each writes.
pub(crate) fn format_parser(
    formats: &'static [Format],
    help: bool,
) -> impl TypedValueParser<Value = Format> {
    let values = formats.iter().map(move |format| {
        let value = PossibleValue::new(format.name());
        if help {
            value.help(format.help())
        } else {
            value
        }
    });
    PossibleValuesParser::new(values).map(|name| name.parse().expect("a listed format"))
}

/// How `analyze`, `calibrate` and `compare` print, and the answer size they accept.
#[derive(Args, Debug)]
pub(crate) struct DocumentOutput {
    /// How to print the result.
    #[arg(long, default_value = "text", value_parser = format_parser(&[Format::Text, Format::Json], false))]
    pub format: Format,
    #[command(flatten)]
    pub limit: Limit,
}

impl DocumentOutput {
    /// Prints `value` as pretty JSON, or as `text` renders it.
    pub(crate) fn print<T: serde::Serialize>(
        &self,
        value: &T,
        text: impl FnOnce(&T) -> String,
    ) -> Result<(), CliError> {
        write_stdout(&match self.format {
            Format::Json => pretty_json(value),
            _ => text(value),
        })
    }
}
