//! Decoding successful bodies. The server's `Content-Type` is not trusted (JSON often comes as
//! `text/plain`), so bodies are parsed by what they contain.

use super::HttpResponse;
use crate::error::ApiError;
use serde::de::DeserializeOwned;

/// Parses the body as JSON into `T`, whatever the `Content-Type` says.
pub fn decode_json<T: DeserializeOwned>(resp: &HttpResponse) -> Result<T, ApiError> {
    let text = resp.text_body();
    serde_json::from_str(&text)
        .map_err(|e| ApiError::Decode(format!("{e}; body: {}", snippet(&text))))
}

/// Like [`decode_json`], but the body must be a JSON object (serde would also build a struct
/// from an array such as `[]`).
pub fn decode_json_object<T: DeserializeOwned>(resp: &HttpResponse) -> Result<T, ApiError> {
    let text = resp.text_body();
    if !text.trim_start().starts_with('{') {
        return Err(ApiError::Decode(format!(
            "expected a JSON object, got: {}",
            snippet(&text)
        )));
    }
    decode_json(resp)
}

/// Checks that the body is a JSON object with `"status":"ok"` (extra fields are fine).
pub fn expect_status_ok(resp: &HttpResponse) -> Result<(), ApiError> {
    let text = resp.text_body();
    // A JSON object whose `status` is a string; a number there fails to decode, which is
    // just as wrong as any other status.
    #[derive(serde::Deserialize)]
    struct Status {
        #[serde(default)]
        status: Option<String>,
    }
    match serde_json::from_str::<Option<crate::models::lenient::Object<Status>>>(&text) {
        Ok(Some(crate::models::lenient::Object(Status { status: Some(s) }))) if s == "ok" => Ok(()),
        _ => Err(ApiError::Decode(format!(
            "expected {{\"status\":\"ok\"}}, got: {}",
            snippet(&text)
        ))),
    }
}

/// The body as text (lossy UTF-8, BOM removed, not trimmed).
pub fn decode_text(resp: &HttpResponse) -> String {
    resp.text_body()
}

/// The start of a body for error messages (at most 80 characters).
pub(crate) fn snippet(text: &str) -> String {
    let text = text.trim();
    let mut out: String = text.chars().take(80).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    if out.is_empty() {
        out.push_str("(empty body)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_ok_tolerates_extra_fields_and_text_plain() {
        assert_eq!(expect_status_ok(&HttpResponse::ok()), Ok(()));
        let extra = HttpResponse::new(200, r#" {"summary":{},"status":"ok"} "#);
        assert_eq!(expect_status_ok(&extra), Ok(()));
        for bad in [
            "",
            "ok",
            r#"{"status":"error"}"#,
            "[]",
            "null",
            r#"{"status":"ok""#,
        ] {
            let err = expect_status_ok(&HttpResponse::new(200, bad));
            assert!(matches!(err, Err(ApiError::Decode(_))), "{bad}");
        }
    }

    #[test]
    fn snippets_are_short() {
        assert_eq!(snippet(""), "(empty body)");
        assert_eq!(snippet(&"x".repeat(100)).chars().count(), 81);
    }
}
