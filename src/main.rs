//! The `grade` binary: all behaviour is in `cli`, all grading in the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
