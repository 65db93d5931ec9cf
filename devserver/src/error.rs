//! The four error styles of the reference server (mapapi.md §2.2) as one type.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::reply::{APPLICATION_JSON, TEXT_PLAIN};
use crate::AppState;

/// Every way a handler can fail, each rendered in the reference's shape.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Plain-text business error, e.g. 400 `error_email`.
    #[error("{1}")]
    Text(StatusCode, String),
    /// `OsmAndPublicApiException`: 400 `{"error":{"errorCode":…,"message":…}}`.
    #[error("api error {code}: {message}")]
    Api { code: i32, message: String },
    /// Spring Boot's default error JSON (`timestamp`, `status`, `error`, `path`); the path is
    /// filled in by [`spring_error_bodies`].
    #[error("spring error {0}")]
    Spring(StatusCode),
    /// A handler under /mapapi/auth/ that needs a session found none: 401 text `Unauthorized`.
    #[error("Unauthorized")]
    Unauthorized,
    /// Anything unexpected: logged, answered as Spring's 500.
    #[error("internal error: {0}")]
    Internal(String),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// 400 with a plain-text body.
    pub fn bad(text: impl Into<String>) -> Self {
        Self::Text(StatusCode::BAD_REQUEST, text.into())
    }

    /// Spring's 400 for a missing or unconvertible `@RequestParam`.
    pub fn bad_param() -> Self {
        Self::Spring(StatusCode::BAD_REQUEST)
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Internal(format!("sqlite: {e}"))
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        Self::Internal(format!("json: {e}"))
    }
}

/// Marks a response whose body [`spring_error_bodies`] must replace by Spring's error JSON.
#[derive(Debug, Clone, Copy)]
pub struct SpringErrorMarker;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            Self::Text(status, text) => {
                (status, [(header::CONTENT_TYPE, TEXT_PLAIN)], text).into_response()
            }
            Self::Api { code, message } => {
                let body = serde_json::json!({"error": {"errorCode": code, "message": message}});
                (
                    StatusCode::BAD_REQUEST,
                    [(header::CONTENT_TYPE, APPLICATION_JSON)],
                    body.to_string(),
                )
                    .into_response()
            }
            Self::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                [(header::CONTENT_TYPE, TEXT_PLAIN)],
                "Unauthorized",
            )
                .into_response(),
            Self::Spring(status) => spring_marker(status),
            Self::Internal(msg) => {
                eprintln!("[devserver] internal error: {msg}");
                spring_marker(StatusCode::INTERNAL_SERVER_ERROR)
            }
        }
    }
}

fn spring_marker(status: StatusCode) -> Response {
    let mut res = status.into_response();
    res.extensions_mut().insert(SpringErrorMarker);
    res
}

/// Middleware: gives every [`ApiError::Spring`] response Spring Boot's default error body
/// `{"timestamp":…,"status":…,"error":…,"path":…}` (needs the request path, hence here).
pub async fn spring_error_bodies(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_owned();
    let res = next.run(req).await;
    if res.extensions().get::<SpringErrorMarker>().is_none() {
        return res;
    }
    let status = res.status();
    let timestamp = chrono::DateTime::from_timestamp_millis(state.clock.now_ms())
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S%.3f+00:00").to_string())
        .unwrap_or_default();
    let body = serde_json::json!({
        "timestamp": timestamp,
        "status": status.as_u16(),
        "error": status.canonical_reason().unwrap_or("Error"),
        "path": path,
    });
    let (mut parts, _) = res.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(APPLICATION_JSON),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, body.to_string().into())
}
