//! The routes: `GET /` the practice page, `GET /api/rubrics` the built-in rubrics and
//! `auto`, `POST /api/grade` a `grade-report/1`. Every error is `{"error": "..."}` with its
//! status: 400 a malformed body, 404 an unknown path, 405 a wrong method, 413 a body over
//! `--max-bytes`, 422 an unknown rubric or an answer that cannot be graded.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State as Shared};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use grade::batch::Rubrics;
use grade::batch::request::{RequestError, grade_request};
use grade::report::Format;
use grade::rubric::builtin;
use serde::Serialize;
use std::sync::Arc;

/// The practice page: one HTML file with its CSS and script inline.
pub(super) const PAGE: &str = include_str!("page.html");

/// The page may load nothing from another host and talk only to this server.
const PAGE_POLICY: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
     connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// What every request shares: the compiled built-in rubrics and the body limit.
pub(super) struct State {
    rubrics: Rubrics<'static>,
    max_bytes: usize,
    /// `GET /api/rubrics`'s body, made once.
    list: String,
}

/// `GET /api/rubrics`: `auto`, then the built-in rubrics in `grade rubrics list` order.
#[derive(Serialize)]
struct RubricList<'a> {
    rubrics: Vec<RubricEntry<'a>>,
}

/// One entry of `GET /api/rubrics`.
#[derive(Serialize)]
struct RubricEntry<'a> {
    id: &'a str,
    title: &'a str,
    /// How many criteria; null for `auto`, which picks a rubric per answer.
    criteria: Option<usize>,
}

impl State {
    /// Built-in rubrics only: a request can never make the server read a rubric file.
    /// Each is compiled here, once, so that the first request waits for none.
    pub(super) fn new(max_bytes: usize) -> Arc<State> {
        let rubrics = Rubrics::new(&builtin::load_builtin);
        let compiled: Vec<_> = builtin::ids()
            .filter_map(|id| rubrics.get(id).ok())
            .collect();
        let auto = RubricEntry {
            id: "auto",
            title: "Auto: the rubric that fits the question",
            criteria: None,
        };
        let entries: Vec<RubricEntry> = std::iter::once(auto)
            .chain(compiled.iter().map(|rubric| RubricEntry {
                id: &rubric.id,
                title: &rubric.title,
                criteria: Some(rubric.criteria.len()),
            }))
            .collect();
        let list = serde_json::to_string(&RubricList { rubrics: entries })
            .expect("a list of strings and numbers serializes");
        Arc::new(State {
            rubrics,
            max_bytes,
            list,
        })
    }
}

/// The server's routes.
pub(super) fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/api/rubrics", get(rubrics))
        .route("/api/grade", post(grade))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such page: try / or /api/grade") })
        .method_not_allowed_fallback(|| async {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "method not allowed: GET / and /api/rubrics, POST /api/grade",
            )
        })
        .with_state(state)
}

async fn page() -> Response {
    let headers = [
        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
        (header::CONTENT_SECURITY_POLICY, PAGE_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ];
    (headers, PAGE).into_response()
}

async fn rubrics(Shared(state): Shared<Arc<State>>) -> Response {
    json(StatusCode::OK, state.list.clone())
}

/// Reads at most `--max-bytes` of the body (a declared length over it is refused before
/// any is read), then grades on the blocking pool, off the threads that move bytes.
async fn grade(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    let max = state.max_bytes;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > max as u64) {
        return too_large(max);
    }
    let body: Bytes = match axum::body::to_bytes(request.into_body(), max).await {
        Ok(body) => body,
        Err(e) if is_over_limit(&e) => return too_large(max),
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                &format!("could not read the body: {e}"),
            );
        }
    };
    let graded = tokio::task::spawn_blocking(move || {
        grade_request(&body, &state.rubrics, max)
            .map(|grade| Format::Json.render_grade(&grade, false))
    })
    .await;
    match graded {
        Ok(Ok(report)) => json(StatusCode::OK, report),
        Ok(Err(e @ RequestError::Malformed(_))) => error(StatusCode::BAD_REQUEST, &e.to_string()),
        Ok(Err(e)) => error(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "grading failed"),
    }
}

/// Whether reading the body stopped because it passed the limit.
fn is_over_limit(e: &axum::Error) -> bool {
    std::error::Error::source(e)
        .is_some_and(|source| source.is::<http_body_util::LengthLimitError>())
}

fn too_large(max: usize) -> Response {
    let message =
        format!("the body is over {max} bytes; start grade serve with a larger --max-bytes");
    error(StatusCode::PAYLOAD_TOO_LARGE, &message)
}

/// `{"error": message}` with `status`.
fn error(status: StatusCode, message: &str) -> Response {
    json(status, serde_json::json!({ "error": message }).to_string())
}

fn json(status: StatusCode, body: String) -> Response {
    let mut response = (status, Body::from(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_loads_nothing_from_elsewhere_and_never_parses_report_text_as_html() {
        for forbidden in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "http://",
            "https://",
            "eval(",
        ] {
            assert!(!PAGE.contains(forbidden), "the page uses {forbidden}");
        }
        assert!(PAGE.contains("textContent"));
    }

    #[test]
    fn the_rubric_list_starts_with_auto_and_holds_every_built_in() {
        let state = State::new(1000);
        let list: serde_json::Value = serde_json::from_str(&state.list).unwrap();
        let ids: Vec<&str> = list["rubrics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids[0], "auto");
        assert_eq!(ids[1..], builtin::ids().collect::<Vec<_>>()[..]);
        assert!(list["rubrics"][1]["criteria"].as_u64().unwrap() > 0);
    }
}
