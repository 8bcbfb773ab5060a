//! `grade check`: reads grade.toml (found upward from the current folder, or `--config
//! FILE`) through the library's `config`, grades each check's files, prints each file's
//! verdict and a tally, and exits 0, 1 or 2. `--schema` prints grade.toml's JSON Schema.

use super::args::CheckArgs;
use super::error::{CliError, exit_code};
use super::io::{Terminal, write_stdout};
use grade::batch::Rubrics;
use grade::config::Config;
use std::process::ExitCode;

/// Runs every check of grade.toml.
pub(crate) fn run(args: &CheckArgs) -> Result<ExitCode, CliError> {
    if args.schema {
        write_stdout(&grade::config::schema())?;
        return Ok(ExitCode::SUCCESS);
    }
    let rubrics = Rubrics::default();
    let config = match &args.config {
        Some(path) => Config::from_file(path, &rubrics)?,
        None => {
            let cwd = std::env::current_dir().map_err(|e| CliError::Io("current folder", e))?;
            Config::from_dir(&cwd, &rubrics)?
        }
    };
    let mut terminal = Terminal::default();
    let (max_bytes, threads) = (args.limit.max_bytes, args.jobs.threads());
    let tally = config.run(&rubrics, max_bytes, threads, &mut terminal)?;
    terminal.written()?;
    // A check whose globs match no file could not grade, like a file that could not be.
    let (failed, out_of_bounds, empty_checks) = tally.counts();
    Ok(exit_code(failed + empty_checks, out_of_bounds))
}
