//! `grade rubrics list|show|schema|check`: what is built in, and validating a rubric file.

use super::EXIT_ERROR;
use super::error::CliError;
use super::io::write_stdout;
use clap::Subcommand;
use grade::batch::Rubrics;
use grade::report::{rubric_list, text};
use grade::rubric::builtin;
use grade::scoring::examples;
use std::process::ExitCode;

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

/// Runs one action.
pub(crate) fn run(action: &RubricsAction) -> Result<ExitCode, CliError> {
    let rubrics = Rubrics::default();
    let get = |name: &str| rubrics.get(name).map_err(CliError::Rubric);
    let output = match action {
        RubricsAction::List => {
            let all = builtin::ids().map(get).collect::<Result<Vec<_>, _>>()?;
            rubric_list::render_list(all.iter().map(|r| r.as_ref()))
        }
        RubricsAction::Schema => grade::rubric::SCHEMA.to_owned(),
        RubricsAction::Show { rubric } => text::render_rubric(&*get(rubric)?),
        RubricsAction::Check { rubric } => {
            let (failures, ran) = examples::check(&*get(rubric)?);
            write_stdout(&rubric_list::render_examples(rubric, &failures, ran))?;
            return Ok(match failures.is_empty() {
                true => ExitCode::SUCCESS,
                false => ExitCode::from(EXIT_ERROR),
            });
        }
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}
