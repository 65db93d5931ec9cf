//! Public auth endpoints: info, login, logout, register, validate-token, activate
//! (mapapi.md §2.1–2.3, §3, §4).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use rusqlite::{params, Connection};
use serde_json::json;

use crate::accounts::{self, normalize_email};
use crate::clock::DAY_MS;
use crate::error::{ApiError, ApiResult};
use crate::params::{is_json_content_type, json_body, ClientIp, Params, UserPasswordPost};
use crate::session::{self, CurrentSession};
use crate::{codes, outbox, purchases, random, reply, AppState};

/// Calls of `register` allowed per client IP within 24 h of the last counted call.
pub const REGISTER_LIMIT: i64 = 100;
const THROTTLE_WINDOW_MS: i64 = DAY_MS;

/// `GET /mapapi/auth/info`: JSON `null` when logged out, else username and roles.
pub async fn info(CurrentSession(session): CurrentSession) -> Response {
    match session {
        None => reply::json_text("null".to_owned()),
        Some(s) => reply::json_value(&json!({"username": s.username, "roles": ["ROLE_PRO_USER"]})),
    }
}

/// `POST /mapapi/auth/login` `{username, password, lang}`: a browser-session cookie.
pub async fn login(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let req: UserPasswordPost = json_body(&headers, &body)?;
    // An authenticated session is logged out first.
    if let Some(s) = &current {
        state.db.with(|c| Ok(session::delete(c, &s.token)?))?;
    }
    let (Some(username), Some(password)) = (req.username.clone(), req.password.clone()) else {
        return Err(ApiError::bad("Username and password are required"));
    };
    let email = normalize_email(&username);
    let (account, device) = state.db.with(|c| {
        let Some(acc) = accounts::by_email(c, &email)? else {
            return Ok((None, None));
        };
        let dev = accounts::newest_web_device(c, acc.id)?;
        Ok((Some(acc), dev))
    })?;
    let Some(account) = account else {
        return Err(ApiError::bad("error_email"));
    };
    // No web device (app-only account) is a wrong password too.
    let Some((device, hash)) = device.and_then(|d| d.accesstoken.clone().map(|h| (d, h))) else {
        return Err(ApiError::bad("error_password"));
    };
    if !random::verify_password(password, hash).await {
        return Err(ApiError::bad("error_password"));
    }
    let now = state.clock.now_ms();
    let token = state.db.tx(|tx| {
        tx.execute(
            "UPDATE devices SET lang = COALESCE(?2, lang), brand = 'OsmAnd', model = 'Web' WHERE id = ?1",
            params![device.id, req.lang],
        )?;
        session::create(tx, account.id, device.id, &username, now)
    })?;
    let cookie = session::set_cookie(
        &state.config.cookie_name,
        &token,
        session::is_https(&headers),
    );
    Ok(session::with_cookie(reply::ok_json(), &cookie))
}

/// `POST /mapapi/auth/logout`: ends the session, clears the cookie, ok even when logged out.
pub async fn logout(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    headers: HeaderMap,
) -> ApiResult<Response> {
    if !is_json_content_type(&headers) {
        return Err(ApiError::Spring(StatusCode::UNSUPPORTED_MEDIA_TYPE));
    }
    if let Some(s) = current {
        state.db.with(|c| Ok(session::delete(c, &s.token)?))?;
    }
    let cookie = session::clear_cookie(&state.config.cookie_name, session::is_https(&headers));
    Ok(session::with_cookie(reply::ok_json(), &cookie))
}

/// Counts one `register` call for `ip`; `false` when over the limit (not counted then).
fn throttle_hit(conn: &Connection, ip: &str, now: i64) -> rusqlite::Result<bool> {
    let row: Option<(i64, i64)> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT count, last_ms FROM register_throttle WHERE ip = ?1",
        [ip],
        |r| Ok((r.get(0)?, r.get(1)?)),
    ))?;
    let count = match row {
        Some((count, last)) if now.saturating_sub(last) < THROTTLE_WINDOW_MS => count,
        _ => 0,
    };
    if count >= REGISTER_LIMIT {
        return Ok(false);
    }
    conn.execute(
        "INSERT INTO register_throttle (ip, count, last_ms) VALUES (?1, ?2, ?3)
         ON CONFLICT(ip) DO UPDATE SET count = excluded.count, last_ms = excluded.last_ms",
        params![ip, count + 1, now],
    )?;
    Ok(true)
}

/// `POST /mapapi/auth/register?lang&isNew` `{username}`: sign-up, resend and password reset.
pub async fn register(
    State(state): State<AppState>,
    params: Params,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let req: UserPasswordPost = json_body(&headers, &body)?;
    let lang = params.required("lang")?.to_owned();
    let is_new = params.required_bool("isNew")?;
    let Some(username) = req.username else {
        return Err(ApiError::bad("Username is required"));
    };
    let now = state.clock.now_ms();
    if !state.db.with(|c| Ok(throttle_hit(c, &ip, now)?))? {
        return Err(ApiError::Text(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many requests. Try again later.".to_owned(),
        ));
    }
    let email = normalize_email(&username);
    if !accounts::is_email(&email) {
        return Err(ApiError::bad("Email is not valid."));
    }
    state.db.tx(|tx| {
        let existing = accounts::by_email(tx, &email)?;
        let account = match (is_new, existing) {
            (true, Some(acc)) if accounts::device_count(tx, acc.id)? > 0 => {
                return Err(ApiError::bad(
                    "An account is already registered with this email address.",
                ));
            }
            (_, Some(acc)) => acc,
            (true, None) => {
                let id = accounts::create(tx, &email, now)?;
                accounts::by_id(tx, id)?.ok_or_else(|| crate::db::missing("account"))?
            }
            (false, None) => return Err(ApiError::bad("error_email")),
        };
        let code = codes::issue(tx, &account, true, state.switches.get().code_digits, now)?;
        // The reference mails the `setup` template for both; a reset gets `password` here
        // (as the newer reference does) so tests can tell them apart.
        let action = if is_new { "setup" } else { "password" };
        outbox::send(
            tx,
            &outbox::Outgoing {
                to: &email,
                action,
                code: Some(&code),
                lang: Some(&lang),
                note: None,
            },
            now,
        )?;
        Ok(())
    })?;
    Ok(reply::ok_json())
}

/// Shared by validate-token and activate: the account, or `error_email` / `error_token`.
fn check_token(state: &AppState, username: &str, token: &str) -> ApiResult<accounts::Account> {
    let email = normalize_email(username);
    let now = state.clock.now_ms();
    state.db.with(|c| {
        let Some(acc) = accounts::by_email(c, &email)? else {
            return Err(ApiError::bad("error_email"));
        };
        if !codes::validate(c, &acc, token, now)? {
            return Err(ApiError::bad("error_token"));
        }
        Ok(acc)
    })
}

/// `POST /mapapi/auth/validate-token` `{username, token}`.
pub async fn validate_token(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let req: UserPasswordPost = json_body(&headers, &body)?;
    let Some(username) = req.username else {
        return Err(ApiError::bad("Username and token are required"));
    };
    let Some(token) = req.token else {
        return Err(ApiError::bad("Token are required"));
    };
    check_token(&state, &username, &token)?;
    Ok(reply::ok_json())
}

/// `POST /mapapi/auth/activate` `{username, password, token, lang}`: sets the web password.
/// Does not log in (like the reference).
pub async fn activate(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let req: UserPasswordPost = json_body(&headers, &body)?;
    let (Some(username), Some(password)) = (req.username, req.password) else {
        return Err(ApiError::bad("Username and password are required"));
    };
    let Some(token) = req.token else {
        return Err(ApiError::bad("Token are required"));
    };
    let account = check_token(&state, &username, &token)?;
    if password.chars().count() < 8 {
        return Err(ApiError::Api {
            code: 112,
            message: "enter password with at least 8 symbols".to_owned(),
        });
    }
    let hash = random::hash_password(password, state.config.bcrypt_cost).await?;
    let now = state.clock.now_ms();
    state.db.tx(|tx| {
        accounts::replace_web_device(tx, account.id, &hash, req.lang.as_deref(), now)?;
        codes::consume(tx, &account)?;
        purchases::refresh_orderid(tx, &account, now)?;
        Ok(())
    })?;
    Ok(reply::ok_json())
}
