//! Server-side web sessions (stored in SQLite so they survive restarts), the cookie, and the
//! Spring-Security-like gate that answers 302 for protected paths.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rusqlite::{params, Connection, OptionalExtension};

use crate::clock::DAY_MS;
use crate::error::ApiResult;
use crate::random;
use crate::AppState;

/// Idle lifetime of a server-side session (the reference's `maxInactiveInterval`: 30 days).
pub const SESSION_TTL_MS: i64 = 30 * DAY_MS;

/// A logged-in web session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token: String,
    pub userid: i64,
    /// `devices.id` of the web device used to log in.
    pub deviceid: i64,
    /// The e-mail as typed at login.
    pub username: String,
    /// The account's current e-mail.
    pub email: String,
}

/// Creates a session row and returns its random token.
pub fn create(
    conn: &Connection,
    userid: i64,
    deviceid: i64,
    username: &str,
    now: i64,
) -> ApiResult<String> {
    let token = random::random_hex(24)?;
    conn.execute("DELETE FROM sessions WHERE expires <= ?1", [now])?;
    conn.execute(
        "INSERT INTO sessions (token, userid, deviceid, username, created, expires, persistent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            token,
            userid,
            deviceid,
            username,
            now,
            now + SESSION_TTL_MS,
            false
        ],
    )?;
    Ok(token)
}

/// Finds a live session and slides its expiry.
pub fn lookup(conn: &Connection, token: &str, now: i64) -> rusqlite::Result<Option<Session>> {
    let found = conn
        .query_row(
            "SELECT s.token, s.userid, s.deviceid, s.username, a.email
             FROM sessions s JOIN accounts a ON a.id = s.userid
             WHERE s.token = ?1 AND s.expires > ?2",
            params![token, now],
            |r| {
                Ok(Session {
                    token: r.get(0)?,
                    userid: r.get(1)?,
                    deviceid: r.get(2)?,
                    username: r.get(3)?,
                    email: r.get(4)?,
                })
            },
        )
        .optional()?;
    if found.is_some() {
        conn.execute(
            "UPDATE sessions SET expires = ?2 WHERE token = ?1",
            params![token, now + SESSION_TTL_MS],
        )?;
    }
    Ok(found)
}

pub fn delete(conn: &Connection, token: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM sessions WHERE token = ?1", [token])?;
    Ok(())
}

pub fn delete_all_of_user(conn: &Connection, userid: i64) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM sessions WHERE userid = ?1", [userid])?;
    Ok(())
}

/// All values of cookie `name` in the request (there may be several `Cookie` headers).
pub fn cookie_values(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().trim_matches('"').to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

/// `true` when the request came over HTTPS (through a proxy that says so).
pub fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .next()
                .unwrap_or("")
                .trim()
                .eq_ignore_ascii_case("https")
        })
}

/// `Set-Cookie` for a new session: a browser-session cookie (no `Max-Age`, like the reference,
/// whose `application.yml` sets none and whose login never asks for remember-me), `Secure`
/// only over HTTPS. Deviation: the reference always sends `Secure; SameSite=None`; we send
/// `SameSite=Lax` (same-origin app, and `None` would require `Secure` on plain-http localhost).
pub fn set_cookie(name: &str, token: &str, secure: bool) -> String {
    let mut c = format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax");
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// `Set-Cookie` that deletes the session cookie.
pub fn clear_cookie(name: &str, secure: bool) -> String {
    let mut c = format!(
        "{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
    );
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// Adds a `Set-Cookie` header (skipped if the value is not a valid header, which cannot
/// happen for the cookies built above).
pub fn with_cookie(mut res: Response, cookie: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// The session of the current request, resolved once by [`gate`].
#[derive(Debug, Clone, Default)]
pub struct CurrentSession(pub Option<Session>);

impl<S: Send + Sync> FromRequestParts<S> for CurrentSession {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Self>().cloned().unwrap_or_default())
    }
}

/// `/mapapi/**` except `/mapapi/auth/**` needs a session (Spring Security's matcher).
pub fn is_protected(path: &str) -> bool {
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    under("/mapapi") && !under("/mapapi/auth")
}

/// Resolves the session cookie; protected paths without a session get the reference's 302:
/// `Location: http://<Host>/map/account/?redirect=<url-encoded path+query>`.
pub async fn gate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let tokens = cookie_values(req.headers(), &state.config.cookie_name);
    let now = state.clock.now_ms();
    let session = if tokens.is_empty() {
        Ok(None)
    } else {
        state.db.with(|conn| {
            for token in &tokens {
                if let Some(s) = lookup(conn, token, now)? {
                    return Ok(Some(s));
                }
            }
            Ok(None)
        })
    };
    let session = match session {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    if session.is_none() && is_protected(req.uri().path()) {
        return login_redirect(&req);
    }
    req.extensions_mut().insert(CurrentSession(session));
    next.run(req).await
}

fn login_redirect(req: &Request) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()))
        .unwrap_or("localhost");
    let scheme = if is_https(req.headers()) {
        "https"
    } else {
        "http"
    };
    let target = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.uri().path().to_owned(), |pq| pq.as_str().to_owned());
    let encoded: String = form_urlencoded::byte_serialize(target.as_bytes()).collect();
    let location = format!("{scheme}://{host}/map/account/?redirect={encoded}");
    let mut res = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protected_paths() {
        assert!(is_protected("/mapapi/list-files"));
        assert!(is_protected("/mapapi"));
        assert!(!is_protected("/mapapi/auth/info"));
        assert!(!is_protected("/mapapi/auth"));
        assert!(is_protected("/mapapi/authx"));
        assert!(!is_protected("/dev/outbox"));
        assert!(!is_protected("/mapapix"));
    }

    #[test]
    fn cookies() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; JSESSIONID=abc"),
        );
        h.append(header::COOKIE, HeaderValue::from_static("JSESSIONID=def"));
        assert_eq!(cookie_values(&h, "JSESSIONID"), vec!["abc", "def"]);
        assert_eq!(
            set_cookie("S", "t", true),
            "S=t; Path=/; HttpOnly; SameSite=Lax; Secure"
        );
    }
}
