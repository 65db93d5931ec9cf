//! Support login links (mapapi.md §8, "Support web login link"): support creates a link that logs
//! one account in without a password, valid from 6 h to 72 h after it is made; the owner gets an
//! e-mail with a cancel code and can cancel the link with `POST /mapapi/auth/cancel-link`.
//! Here support is the `/dev/login-links` hook; the link itself is kept but not honoured by
//! validate-token/activate (the panel never sees a link, only the cancel page).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use crate::accounts::{self, normalize_email};
use crate::error::{ApiError, ApiResult};
use crate::params::{json_body, UserPasswordPost};
use crate::{outbox, random, reply, AppState};

/// The real server's answer to an unknown, mismatched or used cancel code.
pub const NOT_VALID: &str = "Link is not valid or already cancelled";

/// The table of links (created on first use, so older databases keep working).
fn ensure_table(c: &Connection) -> rusqlite::Result<()> {
    c.execute_batch(
        "CREATE TABLE IF NOT EXISTS login_links (
            email       TEXT NOT NULL,
            link        TEXT NOT NULL,
            cancel_code TEXT NOT NULL,
            created_ms  INTEGER NOT NULL,
            cancelled   INTEGER NOT NULL DEFAULT 0
        );",
    )
}

/// `POST /mapapi/auth/cancel-link` `{"username": email, "token": cancelCode}` → `{"status":"ok"}`,
/// else 400 [`NOT_VALID`] (also the second time: a cancelled link stays cancelled).
pub async fn cancel_link(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let req: UserPasswordPost = json_body(&headers, &body)?;
    let email = normalize_email(req.username.as_deref().unwrap_or(""));
    let code = req
        .token
        .as_deref()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let cancelled = state.db.with(|c| {
        ensure_table(c)?;
        Ok(c.execute(
            "UPDATE login_links SET cancelled = 1
             WHERE email = ?1 AND cancel_code = ?2 AND cancelled = 0",
            params![email, code],
        )?)
    })?;
    if cancelled == 0 {
        return Err(ApiError::bad(NOT_VALID));
    }
    Ok(reply::ok_json())
}

/// `/dev/login-links`: what support does. `POST {"email"}` makes a link for an existing account,
/// mails the owner the cancel code (outbox action `cancel-link`) and answers
/// `{"link","cancelCode","cancelUrl"}`.
pub fn dev_routes() -> Router<AppState> {
    Router::new().route("/dev/login-links", post(create))
}

async fn create(State(state): State<AppState>, body: Bytes) -> ApiResult<Response> {
    // An unreadable body names no account: the same answer as an unknown one.
    let req: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let email = normalize_email(req.get("email").and_then(|v| v.as_str()).unwrap_or(""));
    let link = random::random_hex(24)?;
    let cancel_code = random::random_hex(16)?;
    let now = state.clock.now_ms();
    state.db.with(|c| {
        if accounts::by_email(c, &email)?.is_none() {
            return Err(ApiError::bad("error_email"));
        }
        ensure_table(c)?;
        c.execute(
            "INSERT INTO login_links (email, link, cancel_code, created_ms) VALUES (?1, ?2, ?3, ?4)",
            params![email, link, cancel_code, now],
        )?;
        outbox::send(
            c,
            &outbox::Outgoing {
                to: &email,
                action: "cancel-link",
                code: Some(&cancel_code),
                lang: None,
                note: None,
            },
            now,
        )?;
        Ok(())
    })?;
    let cancel_url = format!("/map/account/?email={email}&cancel-link={cancel_code}");
    Ok(reply::json_value(
        &json!({"link": link, "cancelCode": cancel_code, "cancelUrl": cancel_url}),
    ))
}

/// Whether `email` has a link that is not cancelled (for tests).
pub fn has_live_link(c: &Connection, email: &str) -> rusqlite::Result<bool> {
    ensure_table(c)?;
    c.query_row(
        "SELECT 1 FROM login_links WHERE email = ?1 AND cancelled = 0 LIMIT 1",
        params![normalize_email(email)],
        |_| Ok(()),
    )
    .optional()
    .map(|r| r.is_some())
}
