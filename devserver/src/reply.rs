//! Small builders for the success shapes the reference uses.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Spring's `text/plain` for handlers that return a `String` without `produces`.
pub const TEXT_PLAIN: &str = "text/plain;charset=UTF-8";
pub const APPLICATION_JSON: &str = "application/json";

const OK_BODY: &str = r#"{"status":"ok"}"#;

/// `{"status":"ok"}` as `application/json` (the `/auth/login…` group declares `produces`).
pub fn ok_json() -> Response {
    json_text(OK_BODY.to_owned())
}

/// `{"status":"ok"}` as `text/plain;charset=UTF-8` (handlers without `produces`).
pub fn ok_plain() -> Response {
    plain(StatusCode::OK, OK_BODY)
}

/// A pre-serialised JSON body as `application/json`.
pub fn json_text(body: String) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, APPLICATION_JSON)],
        body,
    )
        .into_response()
}

/// A JSON value as `application/json`.
pub fn json_value(value: &serde_json::Value) -> Response {
    json_text(value.to_string())
}

/// Any text with `text/plain;charset=UTF-8`.
pub fn plain(status: StatusCode, body: impl Into<String>) -> Response {
    (status, [(header::CONTENT_TYPE, TEXT_PLAIN)], body.into()).into_response()
}
