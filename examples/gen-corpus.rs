//! Writes the benchmark corpus: `cargo run --release --example gen-corpus -- DIR N [--seed S]`.
//! The same seed writes the same bytes on every run and machine.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen-corpus DIR N [--seed S]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut positional = Vec::new();
    let mut seed: u64 = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--seed" {
            let value = args.next().ok_or(USAGE)?;
            seed = value
                .parse()
                .map_err(|_| format!("--seed {value}: not a number"))?;
        } else {
            positional.push(arg);
        }
    }
    let [dir, n] = positional.as_slice() else {
        return Err(USAGE.to_owned());
    };
    let n: usize = n.parse().map_err(|_| format!("N {n}: not a number"))?;
    let dir = PathBuf::from(dir);
    let bytes =
        corpus::write_corpus(&dir, n, seed).map_err(|e| format!("{}: {e}", dir.display()))?;
    eprintln!(
        "wrote {n} answers ({bytes} bytes) to {} with seed {seed}",
        dir.display()
    );
    Ok(())
}
