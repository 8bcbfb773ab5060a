//! `grade serve` as a client meets it: a process on a free loopback port, spoken to over
//! plain HTTP/1.1. The API's report is the CLI's, byte for byte; every refusal has its
//! status and a JSON error; a request never makes the server read a file; Ctrl-C stops it.

mod common;

use common::server::Server;
use std::time::{Duration, Instant};

/// The CLI's `--format json` report for `text` read from standard input.
fn cli_json(text: &str, rubric: &str) -> Vec<u8> {
    let args = ["-", "--rubric", rubric, "--format", "json"];
    let output = common::grade_within(
        common::root(),
        &args,
        text.as_bytes(),
        Some(common::server::STEP),
    );
    assert!(output.status.success(), "{}", common::stderr(&output));
    output.stdout
}

fn error_of(reply: &common::server::Reply, status: u16) -> String {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let body = reply.json();
    let object = body.as_object().unwrap();
    assert_eq!(object.len(), 1, "{body}");
    object["error"].as_str().unwrap().to_owned()
}

#[test]
fn the_api_report_is_the_cli_report_byte_for_byte() {
    let server = Server::start(&[]);
    for fixture in common::fixtures().iter().step_by(3) {
        let reply = server.grade(&fixture.text, &fixture.rubric);
        assert_eq!(reply.status, 200, "{}: {}", fixture.stem, reply.text());
        assert_eq!(reply.header("content-type"), Some("application/json"));
        let cli = cli_json(&fixture.text, &fixture.rubric);
        assert_eq!(
            reply.text(),
            String::from_utf8(cli).unwrap(),
            "{}",
            fixture.path.display()
        );
    }
    let question = "How would you measure the success of a downloads feature?\n\nI would track members who download a title and watch it within a week.";
    let auto = server.grade(question, "auto");
    assert_eq!(auto.body, cli_json(question, "auto"));
    assert_eq!(auto.json()["selected"]["rubric"], "metrics");
}

#[test]
fn rubrics_lists_auto_then_every_built_in() {
    let server = Server::start(&[]);
    let reply = server.request("GET", "/api/rubrics", b"");
    assert_eq!(reply.status, 200);
    let list = reply.json();
    let entries = list["rubrics"].as_array().unwrap();
    assert_eq!(entries[0]["id"], "auto");
    assert!(entries[0]["criteria"].is_null());
    let ids: Vec<&str> = grade::rubric::builtin::ids().collect();
    assert_eq!(entries.len(), ids.len() + 1);
    for (entry, id) in entries[1..].iter().zip(ids) {
        let rubric = grade::rubric::builtin::load_builtin(id).unwrap();
        assert_eq!(entry["id"], id);
        assert_eq!(entry["title"], rubric.title.as_str());
        assert_eq!(entry["criteria"], rubric.criteria.len());
    }
}

#[test]
fn the_page_is_served_with_a_policy_that_keeps_it_on_this_host() {
    let server = Server::start(&[]);
    let page = server.request("GET", "/", b"");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let policy = page.header("content-security-policy").unwrap();
    assert!(policy.starts_with("default-src 'none'") && policy.contains("connect-src 'self'"));
    assert!(page.text().contains("<textarea id=\"answer\""));
}

#[test]
fn bodies_over_max_bytes_are_refused_with_413() {
    let server = Server::start(&["--max-bytes", "1000"]);
    // A declared length over the limit: refused before any of the body is sent.
    let head = format!(
        "POST /api/grade HTTP/1.1\r\nHost: {}\r\nContent-Length: 100000000000\r\n\r\n",
        server.address
    );
    let reply = server.raw(head.as_bytes());
    assert!(error_of(&reply, 413).contains("over 1000 bytes"));
    // Chunked, so that no length is declared: refused once the body passes the limit.
    let chunk = "a".repeat(800);
    let chunked = format!(
        "POST /api/grade HTTP/1.1\r\nHost: {}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n320\r\n{chunk}\r\n320\r\n{chunk}\r\n0\r\n\r\n",
        server.address
    );
    assert!(error_of(&server.raw(chunked.as_bytes()), 413).contains("--max-bytes"));
    // Exactly at the limit is graded.
    let frame = r#"{"text": "", "rubric": "metrics"}"#;
    let text = "We track churn weekly. ".repeat(60);
    let text = &text[..1000 - frame.len()];
    let body = format!(r#"{{"text": "{text}", "rubric": "metrics"}}"#);
    assert_eq!(body.len(), 1000);
    let reply = server.request("POST", "/api/grade", body.as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.text());
    // Headers without end are refused too, not read for ever.
    let endless = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Long: {}",
        server.address,
        "a".repeat(1 << 20)
    );
    assert_eq!(server.raw(endless.as_bytes()).status, 431);
    // And the server still answers after the refusals.
    assert_eq!(server.request("GET", "/api/rubrics", b"").status, 200);
}

#[test]
fn malformed_bodies_are_400_with_a_json_error() {
    let server = Server::start(&[]);
    let cases: [(&[u8], &str); 7] = [
        (b"{\"text\": \"x\"", "EOF while parsing"),
        (b"not json", "expected"),
        (b"{\"text\": \"x\"}", "missing field `rubric`"),
        (b"{\"rubric\": \"metrics\"}", "missing field `text`"),
        (
            b"{\"text\": \"x\", \"rubric\": \"metrics\", \"extra\": 1}",
            "unknown field `extra`",
        ),
        (b"[\"x\", \"metrics\"]", "the body is a JSON object"),
        (
            b"{\"text\": \"\xff\", \"rubric\": \"metrics\"}",
            "invalid unicode",
        ),
    ];
    for (body, expected) in cases {
        let message = error_of(&server.request("POST", "/api/grade", body), 400);
        assert!(
            message.contains(expected),
            "{}: {message}",
            String::from_utf8_lossy(body)
        );
    }
    let empty = error_of(&server.request("POST", "/api/grade", b""), 400);
    assert!(empty.contains("EOF"), "{empty}");
}

#[test]
fn unknown_rubrics_and_ungradable_answers_are_422() {
    let server = Server::start(&[]);
    let message = error_of(&server.grade("An answer.", "no-such-rubric"), 422);
    assert!(message.contains("no-such-rubric"), "{message}");
    let empty = error_of(&server.grade(" \n\n ", "metrics"), 422);
    assert!(empty.contains("empty"), "{empty}");
}

#[test]
fn a_rubric_that_names_a_path_is_never_read() {
    let server = Server::start(&[]);
    let dir = common::scratch("serve-paths");
    // A valid rubric file: had the server read it, the answer would be graded.
    let valid = dir.join("mine.toml");
    std::fs::copy(common::root().join("rubrics/metrics.toml"), &valid).unwrap();
    // A FIFO: had the server opened it, the request would hang.
    let fifo = dir.join("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let names = [
        valid.display().to_string(),
        fifo.display().to_string(),
        "rubrics/metrics.toml".to_owned(),
        "../rubrics/metrics.toml".to_owned(),
        "/etc/passwd".to_owned(),
        "/dev/zero".to_owned(),
        "metrics.toml".to_owned(),
    ];
    for name in names {
        let started = Instant::now();
        let message = error_of(&server.grade("We track churn weekly.", &name), 422);
        assert!(
            message.contains("never reads rubric files"),
            "{name}: {message}"
        );
        assert!(started.elapsed() < Duration::from_secs(10), "{name}");
    }
    // A path in the answer's front matter is not read either: the request names the rubric.
    let front = "---\nrubric: /dev/zero\n---\nWe track churn weekly for every member.";
    assert_eq!(server.grade(front, "metrics").status, 200);
}

#[test]
fn unknown_paths_are_404_and_wrong_methods_405() {
    let server = Server::start(&[]);
    for path in [
        "/nope",
        "/api",
        "/api/grade/x",
        "/../etc/passwd",
        "/fixtures/metrics/weak-ask-the-users.md",
    ] {
        assert!(
            error_of(&server.request("GET", path, b""), 404).contains("no such page"),
            "{path}"
        );
    }
    for (method, path) in [
        ("GET", "/api/grade"),
        ("POST", "/"),
        ("DELETE", "/api/rubrics"),
        ("PUT", "/api/grade"),
    ] {
        let reply = server.request(method, path, b"");
        assert!(
            error_of(&reply, 405).contains("method not allowed"),
            "{method} {path}"
        );
        assert!(reply.header("allow").is_some(), "{method} {path}");
    }
}

#[test]
fn ctrl_c_stops_it_and_exits_0() {
    let server = Server::start(&["--host", "127.0.0.1"]);
    assert_eq!(
        server.stderr_now(),
        Vec::<String>::new(),
        "no warning for a loopback host"
    );
    assert_eq!(
        server.grade("We track churn weekly.", "metrics").status,
        200
    );
    let (status, lines) = server.interrupt();
    assert!(status.success(), "{status:?}");
    assert_eq!(lines, ["grade serve: stopped"]);
}

#[test]
fn open_without_a_desktop_prints_the_url_and_serves() {
    let server = Server::start_with(&["--open"], &["DISPLAY", "WAYLAND_DISPLAY"]);
    let note = server.lines.recv_timeout(common::server::STEP).unwrap();
    assert_eq!(
        note,
        format!(
            "grade serve: no desktop to open a browser on; open http://{} in a browser",
            server.address
        )
    );
    assert_eq!(server.request("GET", "/", b"").status, 200);
}

#[test]
fn a_port_in_use_is_an_error_exit_2() {
    let server = Server::start(&[]);
    let port = server.address.rsplit(':').next().unwrap();
    let args = ["serve", "--port", port];
    let output = common::grade_within(common::root(), &args, b"", Some(common::server::STEP));
    assert_eq!(output.status.code(), Some(2));
    let stderr = common::stderr(&output);
    assert!(
        stderr.starts_with(&format!("error: serve: cannot listen on 127.0.0.1:{port}")),
        "{stderr}"
    );
}
