//! `grade serve` as a process on a free loopback port, and a plain HTTP/1.1 client over
//! std's TcpStream, for the tests that use the server as a browser or a script would.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// How long any one step (start, a request, the stop) may take before the test fails.
pub const STEP: Duration = Duration::from_secs(30);

/// A running `grade serve --port 0`, killed when dropped; its [`Client`] through `Deref`.
pub struct Server {
    child: Child,
    client: Client,
    /// The start line, and every later line of standard output.
    pub lines: Receiver<String>,
    stderr: Receiver<String>,
}

/// A response: status, headers (names lowercased) and body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn lines_of(reader: impl Read + Send + 'static) -> Receiver<String> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

impl Server {
    /// Starts `grade serve --port 0 ARGS…` and waits for its `listening on` line.
    pub fn start(args: &[&str]) -> Server {
        Self::start_with(args, &[])
    }

    /// [`Server::start`] with environment variables removed.
    pub fn start_with(args: &[&str], unset: &[&str]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_grade"));
        command
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(super::root())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for name in unset {
            command.env_remove(name);
        }
        let mut child = command.spawn().unwrap();
        let lines = lines_of(child.stdout.take().unwrap());
        let stderr = lines_of(child.stderr.take().unwrap());
        let first = lines.recv_timeout(STEP).unwrap_or_else(|_| {
            let _ = child.kill();
            let errors: Vec<String> = stderr.try_iter().collect();
            panic!("grade serve printed no start line; stderr: {errors:?}")
        });
        let address = first
            .strip_prefix("grade serve: listening on http://")
            .unwrap_or_else(|| panic!("start line: {first}"))
            .to_owned();
        Server {
            child,
            client: Client { address },
            lines,
            stderr,
        }
    }

    /// A client to clone into other threads.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// Standard error so far.
    pub fn stderr_now(&self) -> Vec<String> {
        std::thread::sleep(Duration::from_millis(200));
        self.stderr.try_iter().collect()
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit: its status and the lines printed
    /// after the start line.
    pub fn interrupt(mut self) -> (ExitStatus, Vec<String>) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(sent.success(), "kill -INT {pid}");
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                started.elapsed() < STEP,
                "grade serve did not stop on SIGINT"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let rest = self.lines.iter().collect();
        (status, rest)
    }
}

/// Requests to a server at one address; cheap to clone into many threads.
#[derive(Clone)]
pub struct Client {
    /// `127.0.0.1:PORT`, as the start line printed it.
    pub address: String,
}

impl Client {
    /// Sends one request (`Connection: close`) and reads the whole response.
    pub fn request(&self, method: &str, path: &str, body: &[u8]) -> Reply {
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.address,
            body.len()
        );
        let mut raw = head.into_bytes();
        raw.extend_from_slice(body);
        self.raw(&raw)
    }

    /// Sends `bytes` as they are and reads the response until the server closes.
    pub fn raw(&self, bytes: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(STEP)).unwrap();
        stream.set_write_timeout(Some(STEP)).unwrap();
        // A server may answer and close before all of a refused request is sent.
        if let Err(e) = stream.write_all(bytes) {
            let kinds = [
                std::io::ErrorKind::BrokenPipe,
                std::io::ErrorKind::ConnectionReset,
            ];
            assert!(kinds.contains(&e.kind()), "{e}");
        }
        read_reply(&mut stream)
    }

    /// `POST /api/grade` with `{"text", "rubric"}`.
    pub fn grade(&self, text: &str, rubric: &str) -> Reply {
        let body = serde_json::json!({ "text": text, "rubric": rubric }).to_string();
        self.request("POST", "/api/grade", body.as_bytes())
    }
}

impl std::ops::Deref for Server {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a response whose connection the server closes after it (or ends it with its
/// Content-Length).
pub fn read_reply(stream: &mut impl Read) -> Reply {
    let mut raw = Vec::new();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("status line: {line:?}"));
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        let (name, value) = trimmed.split_once(':').unwrap();
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map(|(_, v)| v.parse::<usize>().unwrap());
    match length {
        Some(length) => {
            raw.resize(length, 0);
            reader.read_exact(&mut raw).unwrap();
        }
        None => {
            reader.read_to_end(&mut raw).unwrap();
        }
    }
    Reply {
        status,
        headers,
        body: raw,
    }
}
