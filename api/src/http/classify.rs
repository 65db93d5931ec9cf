//! The one mapping from an HTTP answer to success or [`ApiError`] (mapapi.md §2.2).

use super::{query_param, HttpResponse};
use crate::error::ApiError;
use serde_json::Value;

/// Passes a 2xx answer through and turns everything else into the matching [`ApiError`]:
///
/// * 3xx or a browser `opaqueredirect` → [`ApiError::SessionExpired`] (with the `redirect`
///   value of the `Location`, when known);
/// * 401 → [`ApiError::Unauthorized`]; 429 → [`ApiError::TooManyRequests`];
/// * `{"error":{"errorCode","message"}}` on any other 4xx/5xx → [`ApiError::Api`];
/// * 400 and 409 (the statuses the server uses for business errors) → [`ApiError::Rejected`]
///   with the plain text (or the `message`/`error` of Spring's default error JSON), unless the
///   body is an HTML page;
/// * 5xx → [`ApiError::Server`];
/// * anything else (other 4xx such as 404/405/415, HTML 400 pages, 1xx, status 0) →
///   [`ApiError::Http`] with the same text rules.
pub fn classify(resp: HttpResponse) -> Result<HttpResponse, ApiError> {
    let status = resp.status;
    if resp.redirected || (300..400).contains(&status) {
        let redirect = resp
            .location
            .as_deref()
            .and_then(|l| query_param(l, "redirect"));
        return Err(ApiError::SessionExpired { redirect });
    }
    if (200..300).contains(&status) {
        return Ok(resp);
    }
    let body = ErrorBody::parse(&resp);
    Err(match (status, body) {
        (401, _) => ApiError::Unauthorized,
        (429, body) => ApiError::TooManyRequests(body.into_text()),
        (400..=599, ErrorBody::Api { code, message }) => ApiError::Api {
            status,
            code,
            message,
        },
        (400 | 409, ErrorBody::Html) => ApiError::Http {
            status,
            text: String::new(),
        },
        (400 | 409, body) => ApiError::Rejected {
            status,
            text: body.into_text(),
        },
        (500..=599, body) => ApiError::Server {
            status,
            text: body.into_text(),
        },
        (_, body) => ApiError::Http {
            status,
            text: body.into_text(),
        },
    })
}

/// What an error body says.
enum ErrorBody {
    /// `OsmAndPublicApiException` JSON.
    Api { code: i64, message: String },
    /// Spring Boot's default error JSON, reduced to its most useful text.
    Spring(String),
    /// An HTML page (proxy or whitelabel error page): no text worth showing.
    Html,
    /// Anything else, trimmed.
    Text(String),
}

impl ErrorBody {
    fn parse(resp: &HttpResponse) -> Self {
        let text = resp.text_body();
        let text = text.trim();
        let is_html = resp
            .content_type
            .as_deref()
            .is_some_and(|ct| ct.to_ascii_lowercase().contains("html"))
            || text.starts_with('<');
        if is_html {
            return ErrorBody::Html;
        }
        if text.starts_with('{') {
            if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) {
                if let Some(body) = Self::from_json(&map) {
                    return body;
                }
            }
        }
        ErrorBody::Text(text.to_string())
    }

    fn from_json(map: &serde_json::Map<String, Value>) -> Option<Self> {
        if let Some(Value::Object(err)) = map.get("error") {
            let code = match err.get("errorCode")? {
                Value::Number(n) => n.as_i64()?,
                Value::String(s) => s.trim().parse().ok()?,
                _ => return None,
            };
            let message = err
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_default();
            return Some(ErrorBody::Api {
                code,
                message: message.trim().to_string(),
            });
        }
        // Spring Boot default: {"timestamp","status","error","message"?,"path"}.
        let is_spring = map.get("status").is_some_and(Value::is_number)
            && (map.contains_key("error") || map.contains_key("message"));
        if !is_spring {
            return None;
        }
        let field = |key: &str| {
            map.get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "No message available")
        };
        let text = field("message")
            .or_else(|| field("error"))
            .unwrap_or_default();
        Some(ErrorBody::Spring(text.to_string()))
    }

    fn into_text(self) -> String {
        match self {
            ErrorBody::Api { message, .. } => message,
            ErrorBody::Spring(text) | ErrorBody::Text(text) => text,
            ErrorBody::Html => String::new(),
        }
    }
}
