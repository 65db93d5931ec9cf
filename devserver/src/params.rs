//! Request inputs the Spring way: `@RequestParam`s from the query, JSON bodies with 415/400.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{ApiError, ApiResult};

/// Query-string parameters (first occurrence of a name wins). Never rejects: handlers decide
/// which are required, so the order of checks stays under their control.
#[derive(Debug, Clone, Default)]
pub struct Params(HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::from_query(parts.uri.query().unwrap_or("")))
    }
}

impl Params {
    pub fn from_query(query: &str) -> Self {
        let mut map = HashMap::new();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            map.entry(k.into_owned()).or_insert_with(|| v.into_owned());
        }
        Self(map)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// A required parameter: missing → Spring's 400 JSON.
    pub fn required(&self, name: &str) -> ApiResult<&str> {
        self.get(name).ok_or_else(ApiError::bad_param)
    }

    /// A required boolean: missing or not a Spring boolean → Spring's 400 JSON.
    pub fn required_bool(&self, name: &str) -> ApiResult<bool> {
        self.get(name)
            .and_then(parse_bool)
            .ok_or_else(ApiError::bad_param)
    }

    /// A required whole number: missing or not a number → Spring's 400 JSON.
    pub fn required_i64(&self, name: &str) -> ApiResult<i64> {
        self.get(name)
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(ApiError::bad_param)
    }

    /// An optional whole number; present but not a number → Spring's 400 JSON.
    pub fn opt_i64(&self, name: &str) -> ApiResult<Option<i64>> {
        match self.get(name) {
            None | Some("") => Ok(None),
            Some(v) => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| ApiError::bad_param()),
        }
    }

    /// An optional boolean with a default; an unconvertible value → Spring's 400 JSON.
    pub fn bool_or(&self, name: &str, default: bool) -> ApiResult<bool> {
        match self.get(name) {
            None | Some("") => Ok(default),
            Some(v) => parse_bool(v).ok_or_else(ApiError::bad_param),
        }
    }
}

/// Spring's boolean conversion: true/false, on/off, yes/no, 1/0 (case-insensitive).
pub fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" => Some(true),
        "false" | "off" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// `true` for `application/json` and `application/*+json` (any parameters).
pub fn is_json_content_type(headers: &HeaderMap) -> bool {
    let Some(ct) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// A `@RequestBody` of an endpoint that consumes JSON: wrong type → 415, unreadable → 400.
pub fn json_body<T: DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> ApiResult<T> {
    if !is_json_content_type(headers) {
        return Err(ApiError::Spring(StatusCode::UNSUPPORTED_MEDIA_TYPE));
    }
    serde_json::from_slice(body).map_err(|_| ApiError::bad_param())
}

/// The reference's `UserPasswordPost` (`MapApiController`: username, password, token, lang;
/// unknown fields such as a `remember` flag are ignored, as Gson/Jackson do there).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UserPasswordPost {
    pub username: Option<String>,
    pub password: Option<String>,
    pub token: Option<String>,
    pub lang: Option<String>,
}

/// The client address: the first `X-Forwarded-For` entry if present, else the socket peer.
pub fn client_ip(parts_headers: &HeaderMap, peer: Option<&ConnectInfo<SocketAddr>>) -> String {
    let forwarded = parts_headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(str::trim)
        .filter(|v| !v.is_empty());
    match (forwarded, peer) {
        (Some(ip), _) => ip.to_owned(),
        (None, Some(ConnectInfo(addr))) => addr.ip().to_string(),
        (None, None) => "unknown".to_owned(),
    }
}

/// The peer address if the server was started with connect info.
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>();
        Ok(Self(client_ip(&parts.headers, peer)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_and_bools() {
        let p = Params::from_query("a=1&a=2&b=%40x&isNew=YES&e=");
        assert_eq!(p.get("a"), Some("1"));
        assert_eq!(p.get("b"), Some("@x"));
        assert!(p.required_bool("isNew").unwrap());
        assert!(p.required("zz").is_err());
        assert!(!p.bool_or("e", false).unwrap());
        assert!(p.bool_or("b", false).is_err());
    }
}
