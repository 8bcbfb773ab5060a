//! Load on `grade serve` (127.0.0.1 only): 200 requests at once, each a ~500-word answer
//! made from the shipped fixtures, each on its own connection. Every one must be answered
//! 200 with the report the same text gets when sent alone; none dropped, none mixed up.
//! Bounded: each request has a 30 s read timeout and the whole run a deadline.

mod common;

use common::server::Server;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const REQUESTS: usize = 200;
const WORDS: usize = 500;

/// ~500-word answers per rubric: that rubric's fixtures one after another from a different
/// first one each time, cut to 500 words (no dev-set text).
fn answers() -> Vec<(String, String)> {
    let fixtures = common::fixtures();
    let mut out = Vec::new();
    for rubric in ["product-pitch", "metrics", "failure-story"] {
        let own: Vec<&str> = fixtures
            .iter()
            .filter(|f| f.rubric == rubric)
            .map(|f| f.text.as_str())
            .collect();
        for first in 0..own.len() {
            let words: Vec<&str> = (0..)
                .map(|k| own[(first + k) % own.len()])
                .take(own.len() * 4)
                .flat_map(str::split_whitespace)
                .take(WORDS)
                .collect();
            assert_eq!(words.len(), WORDS);
            out.push((words.join(" "), rubric.to_owned()));
        }
    }
    out
}

#[test]
fn two_hundred_concurrent_requests_are_all_answered_correctly() {
    let server = Server::start(&[]);
    let answers = Arc::new(answers());
    // Each text's report when it is the only request.
    let expected: Arc<Vec<Vec<u8>>> = Arc::new(
        answers
            .iter()
            .map(|(text, rubric)| {
                let reply = server.grade(text, rubric);
                assert_eq!(reply.status, 200, "{}", reply.text());
                reply.body
            })
            .collect(),
    );
    let start = Arc::new(Barrier::new(REQUESTS));
    let began = Instant::now();
    let threads: Vec<_> = (0..REQUESTS)
        .map(|i| {
            let (client, answers, start) = (server.client(), answers.clone(), start.clone());
            std::thread::spawn(move || {
                let (text, rubric) = &answers[i % answers.len()];
                start.wait();
                let sent = Instant::now();
                let reply = client.grade(text, rubric);
                (i, reply.status, reply.body, sent.elapsed())
            })
        })
        .collect();
    let mut answered = 0;
    let mut slowest = Duration::ZERO;
    for thread in threads {
        let (i, status, body, took) = thread.join().expect("a request failed or timed out");
        assert_eq!(
            status,
            200,
            "request {i}: {}",
            String::from_utf8_lossy(&body)
        );
        assert!(
            body == expected[i % expected.len()],
            "request {i} got another text's report"
        );
        answered += 1;
        slowest = slowest.max(took);
    }
    assert_eq!(answered, REQUESTS);
    let total = began.elapsed();
    assert!(
        total < Duration::from_secs(120),
        "200 requests took {total:?}"
    );
    eprintln!(
        "{REQUESTS} concurrent requests of {WORDS} words: all correct in {total:?}, slowest {slowest:?}"
    );
}
