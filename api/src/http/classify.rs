//! The one mapping from an HTTP answer to success or [`ApiError`] (mapapi.md §2.2).

use super::{query_param, HttpResponse};
use crate::error::ApiError;
use crate::models::lenient::{json_str, present};
use serde::Deserialize;
use serde_json::value::RawValue;

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
/// The top level of a JSON error body: the keys that tell its kind, each as raw JSON (present
/// `null`s included).
#[derive(Deserialize)]
struct TopJson<'a> {
    #[serde(default, borrow, deserialize_with = "present")]
    error: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    status: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    message: Option<&'a RawValue>,
}

/// `OsmAndPublicApiException`'s `error` object.
#[derive(Deserialize)]
struct ApiJson<'a> {
    #[serde(rename = "errorCode", default, borrow, deserialize_with = "present")]
    error_code: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    message: Option<&'a RawValue>,
}

/// Whether raw JSON text is a number (it has been parsed, so its first character tells).
fn is_json_number(raw: &RawValue) -> bool {
    raw.get()
        .starts_with(|c: char| c == '-' || c.is_ascii_digit())
}

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
            if let Ok(top) = serde_json::from_str::<TopJson>(text) {
                if let Some(body) = Self::from_json(&top) {
                    return body;
                }
            }
        }
        ErrorBody::Text(text.to_string())
    }

    fn from_json(top: &TopJson) -> Option<Self> {
        if let Some(err) = top.error.filter(|e| e.get().starts_with('{')) {
            let err = serde_json::from_str::<ApiJson>(err.get()).ok()?;
            let code = err.error_code?;
            let code = match json_str(code).ok()? {
                Some(s) => s.trim().parse().ok()?,
                None => code.get().parse().ok()?,
            };
            let message = match err.message {
                Some(m) => json_str(m).ok()?.unwrap_or_default(),
                None => String::new(),
            };
            return Some(ErrorBody::Api {
                code,
                message: message.trim().to_string(),
            });
        }
        // Spring Boot default: {"timestamp","status","error","message"?,"path"}.
        let is_spring = top.status.is_some_and(is_json_number)
            && (top.error.is_some() || top.message.is_some());
        if !is_spring {
            return None;
        }
        // A string with a broken escape makes the body plain text, as a failed parse did.
        let field = |raw: Option<&RawValue>| -> Option<Option<String>> {
            let Some(raw) = raw else {
                return Some(None);
            };
            let text = json_str(raw).ok()?;
            Some(
                text.map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty() && s != "No message available"),
            )
        };
        let (message, error) = (field(top.message)?, field(top.error)?);
        Some(ErrorBody::Spring(message.or(error).unwrap_or_default()))
    }

    fn into_text(self) -> String {
        match self {
            ErrorBody::Api { message, .. } => message,
            ErrorBody::Spring(text) | ErrorBody::Text(text) => text,
            ErrorBody::Html => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(body: &str) -> (bool, String) {
        match ErrorBody::parse(&HttpResponse::json(400, body)) {
            ErrorBody::Api { code, message } => (true, format!("{code}:{message}")),
            other => (false, other.into_text()),
        }
    }

    #[test]
    fn json_error_bodies_by_shape() {
        // API exceptions: the code as a number or a numeric string; the message trimmed.
        let api = |code: &str| format!(r#"{{"error":{{"errorCode":{code},"message":" Bad "}}}}"#);
        assert_eq!(text_of(&api("112")), (true, "112:Bad".into()));
        assert_eq!(text_of(&api(r#"" 104 ""#)), (true, "104:Bad".into()));
        assert_eq!(
            text_of(r#"{"error":{"errorCode":7,"message":5}}"#),
            (true, "7:".into())
        );
        // A code that is no integer, or none at all: the body is just text.
        for body in [
            api("1.5"),
            api("true"),
            api("null"),
            r#"{"error":{"message":"x"}}"#.to_string(),
        ] {
            assert_eq!(text_of(&body), (false, body.clone()), "{body}");
        }
        // Spring's default error JSON: `message`, else `error`; a present `null` counts as a key.
        assert_eq!(
            text_of(r#"{"status":400,"error":"Bad Request","message":" Missing x "}"#),
            (false, "Missing x".into())
        );
        assert_eq!(
            text_of(r#"{"status":415,"error":"Unsupported","message":"No message available"}"#),
            (false, "Unsupported".into())
        );
        assert_eq!(
            text_of(r#"{"status":500,"error":null}"#),
            (false, String::new())
        );
        // A string with a broken escape: the body stays plain text, as a failed parse did.
        for body in [
            r#"{"status":400,"error":"x","message":"\ud800"}"#,
            r#"{"error":{"errorCode":7,"message":"\ud800"}}"#,
        ] {
            assert_eq!(text_of(body), (false, body.to_string()), "{body}");
        }
        // Not Spring: the status is not a number, or neither `error` nor `message` is there.
        for body in [
            r#"{"status":"400","error":"x"}"#,
            r#"{"status":400,"path":"/p"}"#,
        ] {
            assert_eq!(text_of(body), (false, body.to_string()), "{body}");
        }
    }
}
