//! The server as a state machine: each incoming message gives the messages to send back
//! (and, for `exit`, the exit code). The lifecycle (initialize, shutdown, exit), the
//! dispatch of requests and notifications, and when changed documents are regraded. No
//! I/O: `run` in the module root feeds it from stdio, tests and the benchmark directly.

use super::commands::{self, REPORT};
use super::diagnostics::diagnostics;
use super::documents::{Documents, Open, file_path};
use super::grading;
use super::hover::hover;
use super::rubric::find_config;
use super::settings::Settings;
use super::transport::Incoming;
use crate::batch::Rubrics;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{Uri, *};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::time::{Duration, Instant};

/// Something to send: a message, or an error reply to a message whose id could not be read.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Outgoing {
    /// A response or a notification.
    Message(Message),
    /// JSON-RPC's reply to what has no id: `{"jsonrpc", "id": null, "error"}`.
    NoId {
        /// `"2.0"`.
        jsonrpc: &'static str,
        /// Always null.
        id: Option<()>,
        /// The error.
        error: lsp_server::ResponseError,
    },
}

/// Where the session is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before `initialize`.
    Starting,
    /// Between `initialize` and `shutdown`.
    Running,
    /// After `shutdown`: only `exit` is expected.
    ShutDown,
}

/// The language server's state: settings, open documents, compiled rubrics.
pub struct Server {
    state: State,
    settings: Settings,
    documents: Documents,
    rubrics: Rubrics<'static>,
    max_bytes: usize,
    debounce: Duration,
    /// Diagnostics published while answering a request (a pending change regraded first).
    queued: Vec<Outgoing>,
}

/// What handling one message gave.
#[derive(Debug, Default)]
pub struct Reply {
    /// To send, in order.
    pub out: Vec<Outgoing>,
    /// Set by `exit`: the process's exit code (0 after `shutdown`, else 1).
    pub exit: Option<u8>,
}

impl Server {
    /// A server refusing documents over `max_bytes`, regrading a changed one once no
    /// change has come for `debounce`.
    pub fn new(max_bytes: usize, debounce: Duration) -> Self {
        Server {
            state: State::Starting,
            settings: Settings::default(),
            documents: Documents::default(),
            rubrics: Rubrics::default(),
            max_bytes,
            debounce,
            queued: Vec::new(),
        }
    }

    /// When the next changed document is due to be regraded.
    pub fn next_due(&self) -> Option<Instant> {
        self.documents.next_due()
    }

    /// Regrades every document due by `now` and publishes its diagnostics.
    pub fn regrade_due(&mut self, now: Instant) -> Vec<Outgoing> {
        let mut out = Vec::new();
        let (rubrics, settings, max) = (&self.rubrics, &self.settings, self.max_bytes);
        for open in self.documents.iter_mut() {
            if open.due.is_some_and(|due| due <= now) {
                open.due = None;
                regrade(open, rubrics, settings, max);
                out.push(publish(open, settings));
            }
        }
        out
    }

    /// Handles one incoming message at time `now`.
    pub fn handle(&mut self, incoming: Incoming, now: Instant) -> Reply {
        match incoming {
            Incoming::Message(Message::Request(request)) => {
                let response = self.request(request);
                let mut out = std::mem::take(&mut self.queued);
                out.push(response);
                Reply { out, exit: None }
            }
            Incoming::Message(Message::Notification(notification)) => {
                self.notification(notification, now)
            }
            Incoming::Message(Message::Response(_)) => Reply::default(),
            Incoming::Malformed { id, json, reason } => {
                let code = if json {
                    ErrorCode::InvalidRequest
                } else {
                    ErrorCode::ParseError
                };
                let out = match id {
                    Some(id) => Outgoing::Message(error(id, code, reason).into()),
                    None => Outgoing::NoId {
                        jsonrpc: "2.0",
                        id: None,
                        error: lsp_server::ResponseError {
                            code: code as i32,
                            message: reason,
                            data: None,
                        },
                    },
                };
                Reply {
                    out: vec![out],
                    exit: None,
                }
            }
            Incoming::TooLarge { size, limit } => {
                let message = format!(
                    "grade lsp skipped a message of {size} bytes, over its limit of {limit} (from --max-bytes); a document that large is not graded"
                );
                Reply {
                    out: vec![show_message(MessageType::WARNING, message)],
                    exit: None,
                }
            }
        }
    }

    fn request(&mut self, request: Request) -> Outgoing {
        let id = request.id.clone();
        let response = match (self.state, request.method.as_str()) {
            (State::Starting, req::Initialize::METHOD) => self.initialize(request),
            (State::Starting, _) => Err((
                ErrorCode::ServerNotInitialized,
                "the server is not initialized yet".to_owned(),
            )),
            (_, req::Initialize::METHOD) => Err((
                ErrorCode::InvalidRequest,
                "initialize was already sent".to_owned(),
            )),
            (State::ShutDown, _) => Err((
                ErrorCode::InvalidRequest,
                "the server is shut down".to_owned(),
            )),
            (_, req::Shutdown::METHOD) => {
                self.state = State::ShutDown;
                Ok(Value::Null)
            }
            (_, req::HoverRequest::METHOD) => self.hover(request),
            (_, req::CodeActionRequest::METHOD) => self.code_action(request),
            (_, req::ExecuteCommand::METHOD) => self.execute(request),
            (_, method) => Err((
                ErrorCode::MethodNotFound,
                format!("unknown method {method}"),
            )),
        };
        Outgoing::Message(
            match response {
                Ok(result) => Response::new_ok(id, result),
                Err((code, message)) => error(id, code, message),
            }
            .into(),
        )
    }

    fn initialize(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let params: InitializeParams = params(request.params)?;
        match Settings::from_json(params.initialization_options.as_ref()) {
            Ok(settings) => self.settings = settings.unwrap_or_default(),
            // Wrong options should not cost the session: the defaults, and a warning.
            Err(e) => self.queued.push(show_message(MessageType::WARNING, e)),
        }
        self.state = State::Running;
        let result = InitializeResult {
            capabilities: capabilities(),
            server_info: Some(ServerInfo {
                name: "grade".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        };
        Ok(serde_json::to_value(result).expect("capabilities serialize"))
    }

    /// A document's outcome, regraded first when a change is pending.
    fn current(&mut self, uri: &Uri) -> Option<&Open> {
        let (rubrics, settings, max) = (&self.rubrics, &self.settings, self.max_bytes);
        let open = self.documents.get_mut(uri)?;
        if open.outcome.is_none() {
            open.due = None;
            regrade(open, rubrics, settings, max);
            self.queued.push(publish(open, settings));
        }
        Some(open)
    }

    fn hover(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let params: HoverParams = params(request.params)?;
        let at = params.text_document_position_params;
        let Some(open) = self.current(&at.text_document.uri) else {
            return Ok(Value::Null);
        };
        let outcome = open.outcome.as_ref().expect("graded just now");
        let found = outcome
            .graded
            .as_deref()
            .and_then(|g| hover(g, &outcome.lines, at.position));
        Ok(serde_json::to_value(found).expect("a hover serializes"))
    }

    fn code_action(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let params: CodeActionParams = params(request.params)?;
        let uri = params.text_document.uri;
        let Some(open) = self.current(&uri) else {
            return Ok(Value::Array(Vec::new()));
        };
        let graded = open.outcome.as_ref().and_then(|o| o.graded.as_deref());
        let actions = commands::set_rubric(&uri, &open.text, graded);
        Ok(serde_json::to_value(actions).expect("actions serialize"))
    }

    fn execute(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let params: ExecuteCommandParams = params(request.params)?;
        if params.command != REPORT {
            let message = format!("unknown command {}; grade lsp has {REPORT}", params.command);
            return Err((ErrorCode::InvalidParams, message));
        }
        let uri = params.arguments.first().and_then(|a| {
            let uri = a.get("uri").unwrap_or(a);
            uri.as_str().and_then(|s| s.parse::<Uri>().ok())
        });
        let Some(uri) = uri else {
            let message =
                format!("{REPORT} takes the document's URI: [\"file:///…\"] or [{{\"uri\": …}}]");
            return Err((ErrorCode::InvalidParams, message));
        };
        let Some(open) = self.current(&uri) else {
            return Err((
                ErrorCode::InvalidParams,
                format!("{} is not open", uri.as_str()),
            ));
        };
        let outcome = open.outcome.as_ref().expect("graded just now");
        match outcome.graded.as_deref() {
            Some(graded) => Ok(Value::String(commands::report(graded))),
            None => {
                let why: Vec<&str> = outcome.notes.iter().map(|n| n.message.as_str()).collect();
                Err((
                    ErrorCode::RequestFailed,
                    format!("not graded: {}", why.join("; ")),
                ))
            }
        }
    }
}

/// The server's capabilities: whole-text sync, hover, code actions, one command.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![REPORT.to_owned()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

/// A request's or notification's parameters, or InvalidParams saying why not.
fn params<T: DeserializeOwned>(value: Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(value)
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))
}

fn error(id: RequestId, code: ErrorCode, message: String) -> Response {
    Response::new_err(id, code as i32, message)
}

fn notify<N: note::Notification>(params: N::Params) -> Outgoing {
    Outgoing::Message(Notification::new(N::METHOD.to_owned(), params).into())
}

fn show_message(typ: MessageType, message: String) -> Outgoing {
    notify::<note::ShowMessage>(ShowMessageParams { typ, message })
}

/// Grades a document's current text.
fn regrade(open: &mut Open, rubrics: &Rubrics, settings: &Settings, max_bytes: usize) {
    let name = open.name();
    let cx = grading::Context {
        file: open.file.as_deref(),
        config: &open.config,
        default: settings.rubric.as_deref(),
        rubrics,
        max_bytes,
        name: &name,
    };
    open.outcome = Some(grading::grade(&open.text, &cx));
}

/// The diagnostics of a graded document, as a notification.
fn publish(open: &Open, settings: &Settings) -> Outgoing {
    let diagnostics = match &open.outcome {
        Some(outcome) => diagnostics(&open.text, outcome, settings),
        None => Vec::new(),
    };
    notify::<note::PublishDiagnostics>(PublishDiagnosticsParams {
        uri: open.uri.clone(),
        diagnostics,
        version: Some(open.version),
    })
}

impl Server {
    fn notification(&mut self, notification: Notification, now: Instant) -> Reply {
        let method = notification.method.as_str();
        if method == note::Exit::METHOD {
            let code = u8::from(self.state != State::ShutDown);
            return Reply {
                out: Vec::new(),
                exit: Some(code),
            };
        }
        if self.state != State::Running {
            return Reply::default();
        }
        let params = notification.params;
        let out = match method {
            note::DidOpenTextDocument::METHOD => self.did_open(params),
            note::DidChangeTextDocument::METHOD => self.did_change(params, now),
            note::DidCloseTextDocument::METHOD => self.did_close(params),
            note::DidSaveTextDocument::METHOD | note::DidChangeWatchedFiles::METHOD => {
                Ok(self.reload(None))
            }
            note::DidChangeConfiguration::METHOD => self.configure(params),
            _ => Ok(Vec::new()),
        };
        let out = out.unwrap_or_else(|(_, message)| {
            vec![notify::<note::LogMessage>(LogMessageParams {
                typ: MessageType::WARNING,
                message: format!("grade lsp ignored {method}: {message}"),
            })]
        });
        Reply { out, exit: None }
    }

    fn did_open(&mut self, params: Value) -> Result<Vec<Outgoing>, (ErrorCode, String)> {
        let params: DidOpenTextDocumentParams = self::params(params)?;
        let item = params.text_document;
        let file = file_path(&item.uri);
        if !graded_language(&item.language_id, file.as_deref()) {
            return Ok(Vec::new());
        }
        let config = find_config(file.as_deref(), &self.rubrics);
        let mut open = Open {
            uri: item.uri,
            text: item.text,
            version: item.version,
            file,
            config,
            outcome: None,
            due: None,
        };
        regrade(&mut open, &self.rubrics, &self.settings, self.max_bytes);
        let out = vec![publish(&open, &self.settings)];
        self.documents.insert(open);
        Ok(out)
    }

    fn did_change(
        &mut self,
        params: Value,
        now: Instant,
    ) -> Result<Vec<Outgoing>, (ErrorCode, String)> {
        let params: DidChangeTextDocumentParams = self::params(params)?;
        if let Some(open) = self.documents.get_mut(&params.text_document.uri) {
            open.apply(params.content_changes);
            open.version = params.text_document.version;
            open.due = Some(now + self.debounce);
        }
        Ok(Vec::new())
    }

    fn did_close(&mut self, params: Value) -> Result<Vec<Outgoing>, (ErrorCode, String)> {
        let params: DidCloseTextDocumentParams = self::params(params)?;
        Ok(match self.documents.remove(&params.text_document.uri) {
            Some(mut open) => {
                open.outcome = None;
                vec![publish(&open, &self.settings)]
            }
            None => Vec::new(),
        })
    }

    fn configure(&mut self, params: Value) -> Result<Vec<Outgoing>, (ErrorCode, String)> {
        let params: DidChangeConfigurationParams = self::params(params)?;
        // Nothing for grade (null, or another tool's settings): keep what we have.
        match Settings::from_json(Some(&params.settings)) {
            Ok(Some(settings)) => Ok(self.reload(Some(settings))),
            Ok(None) => Ok(Vec::new()),
            Err(e) => Err((ErrorCode::InvalidParams, e)),
        }
    }

    /// Reads every document's grade.toml and its rubric files again (a file changed), or
    /// takes new settings, and regrades every open document.
    fn reload(&mut self, settings: Option<Settings>) -> Vec<Outgoing> {
        match settings {
            Some(settings) => self.settings = settings,
            None => self.rubrics = Rubrics::default(),
        }
        let (rubrics, settings, max) = (&self.rubrics, &self.settings, self.max_bytes);
        let mut out = Vec::new();
        for open in self.documents.iter_mut() {
            open.config = find_config(open.file.as_deref(), rubrics);
            open.due = None;
            regrade(open, rubrics, settings, max);
            out.push(publish(open, settings));
        }
        out
    }
}

/// Markdown and plain text (by language id, or by an answer file's extension).
fn graded_language(language: &str, file: Option<&std::path::Path>) -> bool {
    let answer = file
        .and_then(|f| f.extension())
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            ["md", "markdown", "txt", "srt", "vtt"]
                .iter()
                .any(|a| a.eq_ignore_ascii_case(e))
        });
    matches!(language, "markdown" | "plaintext" | "text" | "vtt" | "srt") || answer
}
