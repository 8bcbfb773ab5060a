//! Bytes as an editor's stdin to `grade lsp`: framing, then every message through the
//! server's state machine, with due regrades run. Nothing may panic or loop.
#![no_main]

use grade::lsp::Server;
use grade::lsp::transport::read;
use libfuzzer_sys::fuzz_target;
use std::io::Cursor;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let mut input = Cursor::new(data);
    let mut server = Server::new(1 << 16, Duration::ZERO);
    let now = Instant::now();
    // Each read consumes input or ends it, so the loop is bounded by the input's length.
    for _ in 0..=data.len() {
        let Ok(Some(incoming)) = read(&mut input, 1 << 18) else {
            break;
        };
        let reply = server.handle(incoming, now);
        server.regrade_due(now + Duration::from_secs(1));
        if reply.exit.is_some() {
            break;
        }
    }
});
