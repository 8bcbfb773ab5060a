//! `grade rubrics list|show|schema|check`: what is built in, and validating a rubric file.

use super::io::{resolve_rubric, rubric_message, write_stdout};
use super::{EXIT_ERROR, RubricsAction};
use grade::rubric::builtin;
use grade::scoring::examples;
use std::process::ExitCode;

pub(crate) fn run_rubrics(action: &RubricsAction) -> Result<ExitCode, String> {
    match action {
        RubricsAction::List => {
            let mut out = String::new();
            for id in builtin::ids() {
                let rubric = builtin::load_builtin(id).map_err(|e| rubric_message(id, &e))?;
                out.push_str(&format!(
                    "{:<20} {:<32} {} criteria\n",
                    rubric.id,
                    rubric.title,
                    rubric.criteria.len()
                ));
            }
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        RubricsAction::Schema => {
            write_stdout(grade::rubric::SCHEMA)?;
            Ok(ExitCode::SUCCESS)
        }
        RubricsAction::Show { rubric } => {
            let compiled = resolve_rubric(rubric)?;
            write_stdout(&grade::report::text::render_rubric(&compiled))?;
            Ok(ExitCode::SUCCESS)
        }
        RubricsAction::Check { rubric } => {
            let compiled = resolve_rubric(rubric)?;
            let (failures, ran) = examples::check(&compiled);
            if failures.is_empty() {
                write_stdout(&format!("{rubric}: ok ({ran} examples passed)\n"))?;
                Ok(ExitCode::SUCCESS)
            } else {
                let mut out = format!("{rubric}: {} of {ran} examples failed\n", failures.len());
                for failure in &failures {
                    out.push_str(&format!("  {failure}\n"));
                }
                write_stdout(&out)?;
                Ok(ExitCode::from(EXIT_ERROR))
            }
        }
    }
}
