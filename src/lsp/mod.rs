//! `grade lsp`: the language server. Diagnostics (score, mistakes, flags, missing signals)
//! and hover on every change of a Markdown or plain-text answer in any editor with an LSP
//! client, over stdio. Built on lsp-server's message types and lsp-types' protocol types,
//! synchronous, with one reader thread: see the README's “In the editor”.
//!
//! Files by concept: `transport` (framing, bounded reads), `server` (lifecycle and
//! dispatch, no I/O), `documents` (the open buffers), `rubric` (which rubric grades a
//! buffer), `grading`, `diagnostics`, `hover`, `commands` (the report command and code
//! actions), `position` (UTF-16 positions), `settings`.

mod commands;
mod diagnostics;
mod documents;
mod grading;
mod hover;
mod position;
mod rubric;
mod server;
mod settings;
pub mod transport;

pub use position::Lines;
pub use server::{Outgoing, Reply, Server};
pub use settings::Settings;

use crossbeam_channel::RecvTimeoutError;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// `grade lsp`'s arguments.
#[derive(clap::Args, Debug, Clone)]
pub struct LspArgs {
    /// Documents larger than this many bytes are not graded (a diagnostic says so).
    #[arg(long, default_value_t = crate::document::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Regrade a changed document once no change has come for this many milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 150)]
    pub debounce_ms: u64,
}

/// How much larger than `--max-bytes` a message may be: JSON escapes a character in at
/// most six bytes, and a document that arrives can be told it is too large.
fn message_limit(max_bytes: usize) -> usize {
    max_bytes.saturating_mul(6).saturating_add(64 * 1024)
}

/// Serves the protocol on stdin and stdout until `exit` or the end of stdin. The exit code
/// is 0 after `shutdown` and at the end of input, 1 for `exit` without `shutdown`.
pub fn run(args: &LspArgs) -> io::Result<ExitCode> {
    let incoming = transport::stdin_reader(message_limit(args.max_bytes));
    let mut server = Server::new(args.max_bytes, Duration::from_millis(args.debounce_ms));
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    loop {
        let next = match server.next_due() {
            Some(due) => incoming.recv_deadline(due),
            None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let reply = match next {
            Ok(message) => server.handle(message, Instant::now()),
            Err(RecvTimeoutError::Timeout) => Reply {
                out: server.regrade_due(Instant::now()),
                exit: None,
            },
            Err(RecvTimeoutError::Disconnected) => return Ok(ExitCode::SUCCESS),
        };
        for message in &reply.out {
            transport::write(&mut out, message)?;
        }
        out.flush()?;
        if let Some(code) = reply.exit {
            return Ok(ExitCode::from(code));
        }
    }
}
