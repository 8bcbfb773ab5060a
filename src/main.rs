//! The `grade` binary: all behaviour is in the faces (`cli`, `serve`), all grading in the
//! library.

#![warn(clippy::too_many_lines)]

mod cli;
mod serve;

fn main() -> std::process::ExitCode {
    cli::run()
}
