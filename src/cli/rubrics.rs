//! `grade rubrics list|show|schema|check`: what is built in, and validating a rubric file.

use super::EXIT_ERROR;
use super::error::CliError;
use super::io::write_stdout;
use clap::Subcommand;
use grade::batch::Rubrics;
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
    match action {
        RubricsAction::List => {
            let mut out = String::new();
            for id in builtin::ids() {
                let rubric = rubrics.get(id).map_err(CliError::Rubric)?;
                out.push_str(&format!(
                    "{:<20} {:<32} {} criteria\n",
                    rubric.id,
                    rubric.title,
                    rubric.criteria.len()
                ));
            }
            write_stdout(&out)?;
        }
        RubricsAction::Schema => write_stdout(grade::rubric::SCHEMA)?,
        RubricsAction::Show { rubric } => {
            let compiled = rubrics.get(rubric).map_err(CliError::Rubric)?;
            write_stdout(&grade::report::text::render_rubric(&compiled))?;
        }
        RubricsAction::Check { rubric } => {
            let compiled = rubrics.get(rubric).map_err(CliError::Rubric)?;
            let (failures, ran) = examples::check(&compiled);
            if !failures.is_empty() {
                let mut out = format!("{rubric}: {} of {ran} examples failed\n", failures.len());
                for failure in &failures {
                    out.push_str(&format!("  {failure}\n"));
                }
                write_stdout(&out)?;
                return Ok(ExitCode::from(EXIT_ERROR));
            }
            write_stdout(&format!("{rubric}: ok ({ran} examples passed)\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
