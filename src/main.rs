//! The `grade` binary: all behaviour is in `cli`, all grading in the library.

#![warn(clippy::too_many_lines)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
