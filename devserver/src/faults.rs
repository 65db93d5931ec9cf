//! Injected failures for end-to-end tests (`/dev/faults`), applied before the real handler.

use std::sync::Mutex;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::reply::{APPLICATION_JSON, TEXT_PLAIN};
use crate::AppState;

/// How long a `hang` fault keeps a request unanswered.
pub const HANG_LIMIT: Duration = Duration::from_secs(120);

/// What a test asks for (`POST /dev/faults`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    pub path: String,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub delay_ms: u64,
    #[serde(default)]
    pub malformed: bool,
    #[serde(default)]
    pub drop: bool,
    /// Never answers (a server that has gone silent): no status, no headers, and the real
    /// handler never runs. After [`HANG_LIMIT`] the connection gets a bare 504, so nothing waits
    /// forever.
    #[serde(default)]
    pub hang: bool,
    /// Sends the real handler's body at this many bytes per second (progress can be watched).
    #[serde(default)]
    pub rate: Option<u64>,
    /// Sends the real handler's head (with its full `Content-Length`) and only this many body
    /// bytes, then drops the connection: a download that breaks half-way.
    #[serde(default)]
    pub cut_after: Option<u64>,
    /// The real handler runs (its work is done and stored), then the answer is lost: the
    /// connection drops (or, with `hang`, nothing comes until [`HANG_LIMIT`]). What a client
    /// sees when a long call's answer never arrives although the server did the work.
    #[serde(default)]
    pub lose_answer: bool,
    /// How many requests it applies to; `None` = until cleared.
    #[serde(default)]
    pub times: Option<u32>,
}

/// A registered fault (`GET /dev/faults` lists these; `times` counts down).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Fault {
    pub id: u64,
    pub path: String,
    pub method: Option<String>,
    pub status: Option<u16>,
    pub body: Option<String>,
    pub delay_ms: u64,
    pub malformed: bool,
    pub drop: bool,
    pub hang: bool,
    pub rate: Option<u64>,
    pub cut_after: Option<u64>,
    pub lose_answer: bool,
    pub times: Option<u32>,
}

impl Fault {
    fn matches(&self, path: &str, method: &str) -> bool {
        self.path == path
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
    }

    /// A fault that lets the real handler answer and then slows or cuts its body.
    fn shapes_body(&self) -> bool {
        self.rate.is_some() || self.cut_after.is_some()
    }

    /// A fault that only delays lets the real handler answer afterwards.
    fn delay_only(&self) -> bool {
        self.delay_ms > 0
            && !self.malformed
            && !self.drop
            && !self.hang
            && !self.shapes_body()
            && self.status.is_none()
            && self.body.is_none()
    }
}

#[derive(Debug, Default)]
struct Registry {
    next_id: u64,
    faults: Vec<Fault>,
}

/// The in-memory fault list.
#[derive(Debug, Default)]
pub struct Faults(Mutex<Registry>);

impl Faults {
    fn lock(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn add(&self, spec: FaultSpec) -> Fault {
        let mut reg = self.lock();
        reg.next_id += 1;
        let fault = Fault {
            id: reg.next_id,
            path: spec.path,
            method: spec.method.map(|m| m.to_ascii_uppercase()),
            status: spec.status,
            body: spec.body,
            delay_ms: spec.delay_ms,
            malformed: spec.malformed,
            drop: spec.drop,
            hang: spec.hang,
            rate: spec.rate,
            cut_after: spec.cut_after,
            lose_answer: spec.lose_answer,
            times: spec.times,
        };
        reg.faults.push(fault.clone());
        fault
    }

    pub fn list(&self) -> Vec<Fault> {
        self.lock().faults.clone()
    }

    pub fn clear(&self) {
        self.lock().faults.clear();
    }

    /// The first fault matching the request, counting one use (used-up faults disappear).
    fn take(&self, path: &str, method: &str) -> Option<Fault> {
        let mut reg = self.lock();
        let idx = reg.faults.iter().position(|f| f.matches(path, method))?;
        let fault = reg.faults.get_mut(idx)?;
        let taken = fault.clone();
        if let Some(left) = fault.times.as_mut() {
            *left = left.saturating_sub(1);
            if *left == 0 {
                reg.faults.remove(idx);
            }
        }
        Some(taken)
    }
}

/// Middleware: applies a matching fault (never to /dev/* itself).
pub async fn apply(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if path.starts_with("/dev/") {
        return next.run(req).await;
    }
    let Some(fault) = state.faults.take(&path, req.method().as_str()) else {
        return next.run(req).await;
    };
    if fault.lose_answer {
        let done = next.run(req).await;
        drop(done);
        if fault.hang {
            tokio::time::sleep(HANG_LIMIT).await;
            return StatusCode::GATEWAY_TIMEOUT.into_response();
        }
        return respond(&Fault {
            drop: true,
            ..fault
        });
    }
    if fault.hang {
        tokio::time::sleep(HANG_LIMIT).await;
        return StatusCode::GATEWAY_TIMEOUT.into_response();
    }
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    if fault.delay_only() {
        return next.run(req).await;
    }
    if fault.shapes_body() {
        let res = next.run(req).await;
        return shape_body(res, fault.rate, fault.cut_after).await;
    }
    respond(&fault)
}

/// Re-sends a real answer's body in small chunks, at `rate` bytes/s, failing after `cut_after`
/// bytes. The head (status, `Content-Length`, `Content-Disposition`) is kept as it was.
async fn shape_body(res: Response, rate: Option<u64>, cut_after: Option<u64>) -> Response {
    const CHUNK: usize = 1024;
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let keep = cut_after.map_or(bytes.len(), |n| {
        usize::try_from(n).unwrap_or(usize::MAX).min(bytes.len())
    });
    let cut = cut_after.is_some();
    // The full length is promised even when the body will be cut short.
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    let pause = rate
        .filter(|r| *r > 0)
        .map(|r| Duration::from_secs_f64(CHUNK as f64 / r as f64));
    let sent = bytes.slice(..keep);
    let stream = futures_util::stream::unfold(0usize, move |at| {
        let sent = sent.clone();
        async move {
            if at >= sent.len() {
                if cut && at != usize::MAX {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    let err = std::io::Error::new(
                        std::io::ErrorKind::ConnectionAborted,
                        "fault: connection dropped mid-body",
                    );
                    return Some((Err(err), usize::MAX));
                }
                return None;
            }
            if let Some(p) = pause {
                tokio::time::sleep(p).await;
            }
            let end = (at + CHUNK).min(sent.len());
            Some((Ok::<Bytes, std::io::Error>(sent.slice(at..end)), end))
        }
    });
    Response::from_parts(parts, Body::from_stream(stream))
}

fn status_or(fault: &Fault, default: StatusCode) -> StatusCode {
    fault
        .status
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(default)
}

/// The faulty response: a dropped connection, malformed JSON, or a status with a body
/// (status defaults to 500 when only a body or nothing at all was given).
fn respond(fault: &Fault) -> Response {
    if fault.drop {
        // Promise more bytes than are sent: the head and a first chunk go out, then the body
        // stream fails, hyper aborts the connection and the client sees a network error
        // while reading the body.
        let first = futures_util::stream::iter([Ok::<Bytes, std::io::Error>(Bytes::from_static(
            b"{\"status\":",
        ))]);
        let fail = futures_util::stream::once(async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "fault: connection dropped",
            ))
        });
        let chunks = futures_util::StreamExt::chain(first, fail);
        let mut res = Response::new(Body::from_stream(chunks));
        *res.status_mut() = status_or(fault, StatusCode::OK);
        let headers = res.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(APPLICATION_JSON),
        );
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("1024"));
        return res;
    }
    if fault.malformed {
        let body = fault
            .body
            .clone()
            .unwrap_or_else(|| "{\"status\":\"ok\",\"info\":{\"acc".to_owned());
        return (
            status_or(fault, StatusCode::OK),
            [(header::CONTENT_TYPE, APPLICATION_JSON)],
            body,
        )
            .into_response();
    }
    (
        status_or(fault, StatusCode::INTERNAL_SERVER_ERROR),
        [(header::CONTENT_TYPE, TEXT_PLAIN)],
        fault.body.clone().unwrap_or_default(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(path: &str, times: Option<u32>) -> FaultSpec {
        FaultSpec {
            path: path.to_owned(),
            method: Some("post".to_owned()),
            status: Some(503),
            body: None,
            delay_ms: 0,
            malformed: false,
            drop: false,
            hang: false,
            rate: None,
            cut_after: None,
            lose_answer: false,
            times,
        }
    }

    #[test]
    fn counts_down_and_matches_method() {
        let f = Faults::default();
        f.add(spec("/a", Some(2)));
        assert!(f.take("/a", "GET").is_none());
        assert!(f.take("/b", "POST").is_none());
        assert!(f.take("/a", "POST").is_some());
        assert_eq!(f.list()[0].times, Some(1));
        assert!(f.take("/a", "POST").is_some());
        assert!(f.take("/a", "POST").is_none());
        f.add(spec("/a", None));
        for _ in 0..5 {
            assert!(f.take("/a", "POST").is_some());
        }
        f.clear();
        assert!(f.list().is_empty());
    }
}
