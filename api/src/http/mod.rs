//! Transport-neutral HTTP values, the [`Transport`] trait and the pure response mapping.

mod classify;
mod decode;
mod disposition;
mod query;

pub use classify::classify;
pub(crate) use decode::snippet;
pub use decode::{decode_json, decode_json_object, decode_text, expect_status_ok};
pub use disposition::parse_content_disposition_filename;
pub use query::{decode_query_value, encode_query_value, query_param, QueryUrl};

use crate::error::ApiError;

/// Content type of JSON request bodies.
pub const CONTENT_TYPE_JSON: &str = "application/json";
/// Content type of text (and empty POST) bodies, as the reference client sends them.
pub const CONTENT_TYPE_TEXT: &str = "text/plain;charset=UTF-8";

/// The HTTP methods the account API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
}

impl Method {
    /// The method name as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A request body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Body {
    /// No body (GET), or an empty `text/plain` body (POST with query parameters).
    #[default]
    Empty,
    /// A JSON document, sent as `application/json`.
    Json(String),
    /// Text, sent as `text/plain;charset=UTF-8`.
    Text(String),
}

/// One request to the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// Path and query, same-origin relative, e.g. `/mapapi/list-files?allVersions=true`.
    pub url: String,
    /// The body.
    pub body: Body,
    /// How long this call waits for the server to start answering: the transport's deadline
    /// (30 s in the browser), or [`Wait::Long`] for calls the server answers only once a big
    /// job is done (deleting an account or the trash).
    pub wait: Wait,
}

/// How long a request may wait for the first byte of its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Wait {
    /// The transport's deadline.
    #[default]
    Answer,
    /// [`LONG_ANSWER_DEADLINE_MS`]: the server works through every stored file first.
    Long,
}

/// The deadline of a [`Wait::Long`] call: 10 minutes. The real server deletes each stored file
/// before it answers `delete-account` and `empty-trash`; a big account takes minutes.
pub const LONG_ANSWER_DEADLINE_MS: u32 = 600_000;

impl HttpRequest {
    /// A GET without body.
    pub fn get(url: impl Into<String>) -> Self {
        HttpRequest {
            method: Method::Get,
            url: url.into(),
            body: Body::Empty,
            wait: Wait::Answer,
        }
    }

    /// A POST with the given body.
    pub fn post(url: impl Into<String>, body: Body) -> Self {
        HttpRequest {
            method: Method::Post,
            url: url.into(),
            body,
            wait: Wait::Answer,
        }
    }

    /// The same request, waiting [`Wait::Long`] for its answer.
    pub fn waiting_long(self) -> Self {
        HttpRequest {
            wait: Wait::Long,
            ..self
        }
    }

    /// The `Content-Type` header to send: JSON for [`Body::Json`], text for [`Body::Text`] and
    /// for an empty POST body (like the reference client), none for a bodiless GET.
    pub fn content_type(&self) -> Option<&'static str> {
        match (&self.body, self.method) {
            (Body::Json(_), _) => Some(CONTENT_TYPE_JSON),
            (Body::Text(_), _) | (Body::Empty, Method::Post) => Some(CONTENT_TYPE_TEXT),
            (Body::Empty, Method::Get) => None,
        }
    }

    /// The body text to send, `None` for a GET without body (an empty POST sends `""`).
    pub fn body_text(&self) -> Option<&str> {
        match (&self.body, self.method) {
            (Body::Json(s) | Body::Text(s), _) => Some(s),
            (Body::Empty, Method::Post) => Some(""),
            (Body::Empty, Method::Get) => None,
        }
    }

    /// The path without the query.
    pub fn path(&self) -> &str {
        self.url
            .split_once('?')
            .map_or(self.url.as_str(), |(path, _)| path)
    }

    /// The decoded value of query parameter `name` (first occurrence).
    pub fn query_param(&self, name: &str) -> Option<String> {
        query_param(&self.url, name)
    }
}

/// What a transport saw of the answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpResponse {
    /// HTTP status; `0` for a browser `opaqueredirect`.
    pub status: u16,
    /// A redirect was seen but not followed (browser `opaqueredirect`).
    pub redirected: bool,
    /// `Location` header of a 3xx, when the transport can see it (browsers cannot).
    pub location: Option<String>,
    /// `Content-Type` header.
    pub content_type: Option<String>,
    /// `Content-Disposition` header (downloads).
    pub content_disposition: Option<String>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A response with a status and a body.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        HttpResponse {
            status,
            body: body.into(),
            ..Default::default()
        }
    }

    /// A JSON answer (`application/json`).
    pub fn json(status: u16, body: &str) -> Self {
        HttpResponse {
            content_type: Some(CONTENT_TYPE_JSON.to_string()),
            ..Self::new(status, body)
        }
    }

    /// A plain-text answer (`text/plain;charset=UTF-8`), as most Spring handlers send.
    pub fn text(status: u16, body: &str) -> Self {
        HttpResponse {
            content_type: Some(CONTENT_TYPE_TEXT.to_string()),
            ..Self::new(status, body)
        }
    }

    /// `200 {"status":"ok"}` (with the server's usual text/plain content type).
    pub fn ok() -> Self {
        Self::text(200, r#"{"status":"ok"}"#)
    }

    /// A 302 with a `Location` header, as a non-browser transport sees Spring's redirect.
    pub fn redirect(location: &str) -> Self {
        HttpResponse {
            location: Some(location.to_string()),
            ..Self::new(302, Vec::new())
        }
    }

    /// A browser `opaqueredirect` (status 0, no headers).
    pub fn opaque_redirect() -> Self {
        HttpResponse {
            redirected: true,
            ..Self::default()
        }
    }

    /// The body as text (lossy UTF-8, leading BOM removed).
    pub fn text_body(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()
    }
}

/// Sends one request. Transport failures come back as [`ApiError::Network`],
/// [`ApiError::TimedOut`] or [`ApiError::Aborted`]; every HTTP answer (any status) comes back
/// as `Ok`.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// Sends `req` and returns what the server answered.
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, ApiError>;
}
