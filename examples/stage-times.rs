//! Grades the generated corpus in process, one stage at a time, and prints each stage's
//! time and throughput: the quick view (and the callgrind target) behind `benches/`.
//! `cargo run --release --example stage-times -- [N] [RUBRIC]`

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use grade::rubric::builtin;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map_or(2000, |a| a.parse().expect("N is a number"));
    let rubric_id = args.next().unwrap_or_else(|| "product-pitch".to_owned());
    let answers = corpus::generate(n, 1);
    let bytes: usize = answers.iter().map(|a| a.text.len()).sum();

    let start = Instant::now();
    let rubric = builtin::load_builtin(&rubric_id).expect("built-in rubric");
    let compile = start.elapsed();

    let (mut decode, mut parse, mut analyze, mut score) = Default::default();
    let mut checksum = 0.0;
    for answer in &answers {
        let t = Instant::now();
        let text = grade::decode(answer.text.as_bytes().to_vec(), usize::MAX).expect("decodes");
        let t = lap(&mut decode, t);
        let document = grade::parse(&text);
        let t = lap(&mut parse, t);
        let analysis = grade::analyze(&document);
        let t = lap(&mut analyze, t);
        checksum += grade::score(&document, &analysis, &rubric).score;
        lap(&mut score, t);
    }
    println!(
        "{n} answers, {bytes} bytes, rubric {rubric_id} (compiled in {compile:?}); checksum {checksum:.1}"
    );
    let total = decode + parse + analyze + score;
    for (stage, time) in [
        ("decode", decode),
        ("parse", parse),
        ("analyze", analyze),
        ("score", score),
        ("all", total),
    ] {
        println!(
            "{stage:>8}: {:>9.2} ms  {:>8.1} MB/s  {:>6.1} µs/answer",
            time.as_secs_f64() * 1e3,
            bytes as f64 / time.as_secs_f64() / 1e6,
            time.as_secs_f64() * 1e6 / n as f64
        );
    }
}

fn lap(total: &mut Duration, since: Instant) -> Instant {
    let now = Instant::now();
    *total += now - since;
    now
}
