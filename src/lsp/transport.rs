//! The wire: `Content-Length` framed JSON-RPC over stdio, read on its own thread into a
//! channel. Our own reader rather than lsp-server's, so that every read is bounded (a
//! header line, a body over the limit is skipped, not allocated) and a malformed message
//! becomes an error reply instead of closing the connection.

use crossbeam_channel::{Receiver, bounded};
use lsp_server::{Message, RequestId};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead, Read, Write};

/// A header line longer than this is not a header.
const MAX_HEADER_LINE: u64 = 1024;
/// Messages read ahead while the server grades: enough to coalesce a burst of changes.
const QUEUE: usize = 256;

/// What one framed message turned out to be.
#[derive(Debug)]
pub enum Incoming {
    /// A request, a response or a notification.
    Message(Message),
    /// Not JSON (`id` none: JSON-RPC's parse error), or JSON that is no message (`id` as
    /// far as it could be read: an invalid request).
    Malformed {
        /// The request's id, when the JSON had one.
        id: Option<RequestId>,
        /// Whether the body was JSON at all.
        json: bool,
        /// What was wrong.
        reason: String,
    },
    /// A body longer than the limit, skipped unread.
    TooLarge {
        /// Its `Content-Length`.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

/// Reads one framed message; `None` at the end of the input (also in the middle of a
/// message: the client is gone).
pub fn read<R: BufRead>(input: &mut R, limit: usize) -> io::Result<Option<Incoming>> {
    let mut length = None;
    let mut bad_header = None;
    let mut any = false;
    loop {
        let mut line = Vec::new();
        let read = Read::take(&mut *input, MAX_HEADER_LINE).read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(None);
        }
        if !line.ends_with(b"\n") {
            // Too long: skip the rest of it, bounded by the line cap each time.
            bad_header = Some("a header line over 1024 bytes".to_owned());
            while !skip_line(input)? {}
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if any {
                break;
            }
            continue; // blank lines between messages
        }
        any = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("header `{text}` has no `:`")),
        }
    }
    let Some(length) = length else {
        let reason = bad_header.unwrap_or_else(|| "no Content-Length header".to_owned());
        return Ok(Some(malformed(None, false, reason)));
    };
    if length > limit {
        let skipped = io::copy(&mut Read::take(&mut *input, length as u64), &mut io::sink())?;
        if skipped < length as u64 {
            return Ok(None);
        }
        return Ok(Some(Incoming::TooLarge {
            size: length,
            limit,
        }));
    }
    let mut body = vec![0; length];
    if let Err(e) = input.read_exact(&mut body) {
        return match e.kind() {
            io::ErrorKind::UnexpectedEof => Ok(None),
            _ => Err(e),
        };
    }
    Ok(Some(parse(&body)))
}

/// Skips to the end of a line, at most [`MAX_HEADER_LINE`] bytes a call; true once the
/// line (or the input) ended.
fn skip_line<R: BufRead>(input: &mut R) -> io::Result<bool> {
    let mut sink = Vec::new();
    let read = Read::take(&mut *input, MAX_HEADER_LINE).read_until(b'\n', &mut sink)?;
    Ok(read == 0 || sink.ends_with(b"\n"))
}

fn malformed(id: Option<RequestId>, json: bool, reason: String) -> Incoming {
    Incoming::Malformed { id, json, reason }
}

/// A body as a message, or why it is none.
fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => return malformed(None, false, format!("not JSON: {e}")),
    };
    let id = value
        .get("id")
        .and_then(|id| serde_json::from_value::<RequestId>(id.clone()).ok());
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(e) => malformed(id, true, format!("not a JSON-RPC message: {e}")),
    }
}

/// Starts the thread that reads standard input into a channel; the channel closes at the
/// end of the input, on a read error, or after an `exit` notification.
pub fn stdin_reader(limit: usize) -> Receiver<Incoming> {
    let (sender, receiver) = bounded(QUEUE);
    std::thread::spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        while let Ok(Some(incoming)) = read(&mut input, limit) {
            let exit = matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit");
            if sender.send(incoming).is_err() || exit {
                break;
            }
        }
    });
    receiver
}

/// Writes one message with its `Content-Length` header, and flushes.
pub fn write(output: &mut impl Write, message: &impl Serialize) -> io::Result<()> {
    let body = serde_json::to_string(message).map_err(io::Error::other)?;
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn all(input: &str, limit: usize) -> Vec<Incoming> {
        let mut reader = io::Cursor::new(input.as_bytes().to_vec());
        std::iter::from_fn(|| read(&mut reader, limit).unwrap()).collect()
    }

    #[test]
    fn reads_messages_and_recovers_from_bad_ones() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = [
            frame(good),
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"params":3}"#),
            "Content-Length: x\r\n\r\n".to_owned(),
            frame(&format!(r#"{{"pad":"{}"}}"#, "a".repeat(100))),
            frame(good),
        ]
        .concat();
        let got = all(&input, 64);
        assert!(
            matches!(&got[0], Incoming::Message(Message::Notification(n)) if n.method == "initialized")
        );
        assert!(matches!(
            &got[1],
            Incoming::Malformed {
                id: None,
                json: false,
                ..
            }
        ));
        assert!(
            matches!(&got[2], Incoming::Malformed { id: Some(id), json: true, .. } if *id == RequestId::from(7))
        );
        assert!(matches!(&got[3], Incoming::Malformed { reason, .. } if reason.contains("`x`")));
        assert!(matches!(
            &got[4],
            Incoming::TooLarge {
                size: 110,
                limit: 64
            }
        ));
        assert!(matches!(&got[5], Incoming::Message(_)));
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn a_truncated_message_or_endless_header_ends_cleanly() {
        assert!(all("Content-Length: 50\r\n\r\n{\"a\"", 100).is_empty());
        let endless = format!("X-{}", "y".repeat(10_000));
        let got = all(&endless, 100);
        assert!(got.is_empty(), "{got:?}");
        let long_then_good = format!("X-{}\r\n{}", "y".repeat(5000), frame("{}"));
        let got = all(&long_then_good, 100);
        assert!(
            matches!(&got[..], [Incoming::Malformed { json: true, .. }]),
            "a long header line is skipped, the body still read: {got:?}"
        );
    }

    #[test]
    fn writes_a_framed_message() {
        let mut out = Vec::new();
        write(&mut out, &serde_json::json!({"a": "é"})).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Content-Length: 10\r\n\r\n{\"a\":\"é\"}"
        );
    }
}
