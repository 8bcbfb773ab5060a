//! `grade rubrics list|show|schema|check`: what is built in, and validating a rubric file.

use super::args::RubricsAction;
use super::error::{CliError, EXIT_ERROR};
use super::io::write_stdout;
use grade::batch::Rubrics;
use grade::report::{rubric_list, text};
use grade::rubric::builtin;
use grade::scoring::examples;
use std::process::ExitCode;

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
            let compiled = get(rubric)?;
            let redundant = grade::batch::redundant_entries(rubric);
            eprint!("{}", rubric_list::render_redundant(rubric, &redundant));
            let (failures, ran) = examples::check(&compiled);
            write_stdout(&rubric_list::render_examples(rubric, &failures, ran))?;
            let code = if failures.is_empty() { 0 } else { EXIT_ERROR };
            return Ok(ExitCode::from(code));
        }
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}
