//! Throughput of each pipeline stage over the generated corpus held in memory (decode and
//! parse, analysis, scoring under each built-in rubric), the latency of grading one
//! ~500-word answer, the time to compile each rubric, and linear-cost cases: a corpus of N
//! and 2N answers, and pathological answers at two sizes each.
//!
//! `cargo bench --bench stages` (append a filter such as `score` to run some). Built by
//! `cargo bench --no-run`; `cargo test` neither builds nor runs it.

mod corpus;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use grade::rubric::builtin;
use grade::{Analysis, CompiledRubric, Document};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// Answers in the stage benches: about 1.6 MB, enough to average over every form and topic.
const CORPUS_ANSWERS: usize = 500;
const SEED: u64 = 1;

struct Corpus {
    texts: Vec<String>,
    bytes: usize,
}

impl Corpus {
    fn new(answers: usize) -> Self {
        let texts: Vec<String> = corpus::generate(answers, SEED)
            .into_iter()
            .map(|a| a.text)
            .collect();
        let bytes = texts.iter().map(String::len).sum();
        Corpus { texts, bytes }
    }
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| Corpus::new(CORPUS_ANSWERS));
static PARSED: LazyLock<Vec<Document>> =
    LazyLock::new(|| CORPUS.texts.iter().map(|t| grade::parse(t)).collect());
static ANALYSED: LazyLock<Vec<Analysis>> =
    LazyLock::new(|| PARSED.iter().map(grade::analyze).collect());

fn rubric(id: &str) -> CompiledRubric {
    builtin::load_builtin(id).expect("built-in rubric compiles")
}

/// Bytes to text (UTF-8 check, BOM, binary) and text to blocks, for the whole corpus.
#[divan::bench]
fn decode_and_parse(bencher: Bencher) {
    let corpus = &*CORPUS;
    bencher
        .counter(BytesCount::new(corpus.bytes))
        .with_inputs(|| {
            corpus
                .texts
                .iter()
                .map(|t| t.as_bytes().to_vec())
                .collect::<Vec<_>>()
        })
        .bench_local_values(|raw| {
            for bytes in raw {
                let text = grade::decode(bytes, usize::MAX).expect("corpus decodes");
                black_box(grade::parse(&text));
            }
        });
}

/// Words, sentences, quantities, fillers, negations and readability, for the whole corpus.
#[divan::bench]
fn analyze(bencher: Bencher) {
    let documents = &*PARSED;
    bencher.counter(BytesCount::new(CORPUS.bytes)).bench(|| {
        for document in documents {
            black_box(grade::analyze(document));
        }
    });
}

/// Scoring the analysed corpus under each built-in rubric (compiled beforehand).
#[divan::bench(args = builtin::ids())]
fn score(bencher: Bencher, id: &str) {
    let rubric = rubric(id);
    let (documents, analyses) = (&*PARSED, &*ANALYSED);
    bencher.counter(BytesCount::new(CORPUS.bytes)).bench(|| {
        for (document, analysis) in documents.iter().zip(analyses) {
            black_box(grade::score(document, analysis, &rubric));
        }
    });
}

/// Compiling each built-in rubric from its TOML source.
#[divan::bench(args = builtin::ids())]
fn compile_rubric(id: &str) -> CompiledRubric {
    rubric(black_box(id))
}

/// One Markdown answer of about 500 words, from bytes to its JSON report.
#[divan::bench]
fn grade_one_answer(bencher: Bencher) {
    let answer = (0..)
        .map(|i| corpus::answer(SEED, i))
        .find(|a| a.form == corpus::Form::Markdown && a.candidate_words.abs_diff(500) <= 20)
        .expect("the corpus has a ~500-word Markdown answer");
    let rubric = rubric("product-pitch");
    bencher
        .counter(BytesCount::new(answer.text.len()))
        .bench(|| {
            let text =
                grade::decode(answer.text.as_bytes().to_vec(), usize::MAX).expect("corpus decodes");
            let grade = grade::grade_text(&text, &rubric);
            grade::report::json::render(&grade)
        });
}

/// The whole pipeline over N and 2N answers: the time should double.
#[divan::bench(args = [250, 500])]
fn corpus_of(bencher: Bencher, answers: usize) {
    let corpus = Corpus::new(answers);
    let rubric = rubric("product-pitch");
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        for text in &corpus.texts {
            black_box(grade::grade_text(text, &rubric));
        }
    });
}

fn grade_whole(bencher: Bencher, text: String) {
    let rubric = rubric("product-pitch");
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| grade::grade_text(&text, &rubric));
}

/// A line of 512 KiB and of 1 MiB with no space in it.
#[divan::bench(args = [512 * 1024, 1024 * 1024], sample_count = 20)]
fn long_line(bencher: Bencher, bytes: usize) {
    grade_whole(bencher, corpus::long_line(bytes));
}

/// A Markdown list of 50,000 and of 100,000 bullet items.
#[divan::bench(args = [50_000, 100_000], sample_count = 10)]
fn many_bullets(bencher: Bencher, items: usize) {
    grade_whole(bencher, corpus::many_bullets(items));
}

/// One sentence of 25,000 and of 50,000 words.
#[divan::bench(args = [25_000, 50_000], sample_count = 20)]
fn long_sentence(bencher: Bencher, words: usize) {
    grade_whole(bencher, corpus::long_sentence(words));
}

/// A transcript of 2,000 and of 4,000 speakers, one turn each.
#[divan::bench(args = [2_000, 4_000], sample_count = 10)]
fn many_speakers(bencher: Bencher, speakers: usize) {
    grade_whole(bencher, corpus::many_speakers(speakers));
}

/// Markdown nested 5,000 and 10,000 lines deep (lists in blockquotes, indented).
#[divan::bench(args = [5_000, 10_000], sample_count = 10)]
fn deeply_nested(bencher: Bencher, depth: usize) {
    grade_whole(bencher, corpus::deeply_nested(depth));
}
