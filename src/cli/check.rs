//! `grade check`: reads grade.toml (found upward from the current folder, or `--config
//! FILE`) through the library's `config`, grades each check's files, prints each file's
//! verdict and a tally, and exits 0, 1 or 2. `--schema` prints grade.toml's JSON Schema.

use super::EXIT_ERROR;
use super::args::{Jobs, Limit};
use super::batch::exit_code;
use super::error::CliError;
use super::io::{Terminal, write_stdout};
use grade::batch::Rubrics;
use grade::config::Config;
use std::path::PathBuf;
use std::process::ExitCode;

/// `grade check`'s arguments.
#[derive(clap::Args, Debug)]
pub(crate) struct CheckArgs {
    /// The configuration to read. Default: grade.toml in the current folder or the nearest
    /// parent folder that has one. Globs and rubric paths in it are relative to its folder.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print the JSON Schema of grade.toml, for editors that validate TOML, and exit.
    #[arg(long, conflicts_with = "config")]
    schema: bool,
    #[command(flatten)]
    jobs: Jobs,
    #[command(flatten)]
    limit: Limit,
}

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
    let (failed, out_of_bounds, empty_checks) = tally.counts();
    if empty_checks > 0 {
        return Ok(ExitCode::from(EXIT_ERROR));
    }
    Ok(exit_code(failed, out_of_bounds))
}
