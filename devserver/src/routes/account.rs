//! Session-bound account endpoints: send-code, change e-mail, delete account
//! (mapapi.md §10, §11) and `get-account-info` (§7).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Map, Value};

use crate::accounts::{self, is_email, normalize_email, Account};
use crate::error::{ApiError, ApiResult};
use crate::params::{json_body, Params, UserPasswordPost};
use crate::purchases::{self, ProOrder};
use crate::session::{self, CurrentSession, Session};
use crate::{codes, outbox, reply, AppState};

const TOKEN_INVALID: &str = "Token is not valid or expired (24h)";

fn require(session: Option<Session>) -> ApiResult<Session> {
    session.ok_or(ApiError::Unauthorized)
}

/// The reference's `confirmCode`: wears the code on every call. A never-sent code is a normal
/// 400 here (the reference throws a NullPointerException → 500 when `tokentime` is NULL).
fn confirm_code(
    conn: &rusqlite::Connection,
    acc: &Account,
    token: &str,
    now: i64,
) -> ApiResult<()> {
    if acc.token.is_none() {
        return Err(ApiError::bad("Token is not valid"));
    }
    if codes::confirm(conn, acc, token, now)? {
        Ok(())
    } else {
        Err(ApiError::bad(TOKEN_INVALID))
    }
}

/// `POST /mapapi/auth/send-code?action&lang`: a new code to the logged-in address.
pub async fn send_code(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
) -> ApiResult<Response> {
    let action = params.required("action")?.to_owned();
    let lang = params.required("lang")?.to_owned();
    let s = require(current)?;
    let now = state.clock.now_ms();
    state.db.tx(|tx| {
        let Some(acc) = accounts::by_id(tx, s.userid)? else {
            return Err(ApiError::bad("User not found"));
        };
        // Deviation: the reference answers {"status":"ok"} and mails nothing for an unknown
        // action; we answer 400 `Unknown action` (as its newer version does) so bugs show.
        if !matches!(action.as_str(), "setup" | "change" | "delete") {
            return Err(ApiError::bad("Unknown action"));
        }
        let code = codes::issue(tx, &acc, false, state.switches.get().code_digits, now)?;
        outbox::send(
            tx,
            &outbox::Outgoing {
                to: &acc.email,
                action: &action,
                code: Some(&code),
                lang: Some(&lang),
                note: None,
            },
            now,
        )?;
        Ok(())
    })?;
    Ok(reply::ok_plain())
}

/// `POST /mapapi/auth/send-code-to-new-email?action&lang&email&code`: checks the code of the
/// current address, then mails a code to the new one (kept on a temporary account row).
pub async fn send_code_to_new_email(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
) -> ApiResult<Response> {
    let action = params.required("action")?.to_owned();
    let lang = params.required("lang")?.to_owned();
    let email = params.required("email")?.to_owned();
    let code = params.required("code")?.to_owned();
    if !is_email(&email) {
        return Err(ApiError::bad("Please enter valid email"));
    }
    let s = require(current)?;
    let now = state.clock.now_ms();
    let new_email = normalize_email(&email);
    // Not one transaction: a failed code check must still wear the code.
    state.db.with(|c| {
        let Some(acc) = accounts::by_id(c, s.userid)? else {
            return Err(ApiError::bad("User is not registered"));
        };
        confirm_code(c, &acc, &code, now)?;
        let temp = match accounts::by_email(c, &new_email)? {
            // Deviation: the reference refuses any existing row, so an abandoned attempt (its
            // temporary row has no devices) blocks a retry with the same address; we reuse it.
            Some(other) if other.id != acc.id && accounts::device_count(c, other.id)? == 0 => other,
            Some(_) => return Err(ApiError::bad("User was already registered with such email")),
            None => {
                let id = accounts::create(c, &new_email, now)?;
                accounts::by_id(c, id)?.ok_or_else(|| crate::db::missing("account"))?
            }
        };
        let new_code = codes::issue(c, &temp, false, state.switches.get().code_digits, now)?;
        outbox::send(
            c,
            &outbox::Outgoing {
                to: &new_email,
                action: &action,
                code: Some(&new_code),
                lang: Some(&lang),
                note: None,
            },
            now,
        )?;
        Ok(())
    })?;
    Ok(reply::ok_plain())
}

/// `POST /mapapi/auth/change-email` `{username: <new e-mail>, token: <code of the new address>}`.
/// Moves the account to the new address, notifies the old one, ends the session.
pub async fn change_email(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let req: UserPasswordPost = json_body(&headers, &body)?;
    let (Some(username), Some(token)) = (req.username, req.token) else {
        return Err(ApiError::bad("Username and token are required"));
    };
    let new_email = normalize_email(&username);
    if !is_email(&new_email) {
        return Err(ApiError::bad("Please enter valid email"));
    }
    let s = require(current)?;
    let now = state.clock.now_ms();
    state.db.with(|c| {
        let Some(acc) = accounts::by_id(c, s.userid)? else {
            return Err(ApiError::bad("User is not registered"));
        };
        let temp = match accounts::by_email(c, &new_email)? {
            Some(t) if t.id != acc.id => t,
            _ => return Err(ApiError::bad("Something went wrong with your new email")),
        };
        // Deviation: the reference's subscription check looks inverted (it refuses when the
        // order is NOT valid Pro); we refuse only when the new address holds a valid Pro order.
        let temp_is_pro = match temp.orderid.as_deref() {
            Some(order) => purchases::pro_order(c, temp.id, order, now)?.is_some(),
            None => false,
        };
        if temp_is_pro {
            return Err(ApiError::bad(
                "You can't change email, because you have subscription on new email",
            ));
        }
        if accounts::file_version_count(c, temp.id)? > 0 {
            return Err(ApiError::bad(
                "You can't change email, because you have files in account on new email",
            ));
        }
        if accounts::device_count(c, temp.id)? > 0 {
            return Err(ApiError::bad(
                "You can't change email, because you have devices in account on new email",
            ));
        }
        confirm_code(c, &temp, &token, now)?;
        let tx = c.transaction()?;
        accounts::delete(&tx, temp.id)?;
        tx.execute(
            "UPDATE accounts SET email = ?2 WHERE id = ?1",
            rusqlite::params![acc.id, new_email],
        )?;
        let moved = accounts::by_id(&tx, acc.id)?.ok_or_else(|| crate::db::missing("account"))?;
        purchases::refresh_orderid(&tx, &moved, now)?;
        // Like the newer reference: tell the old address, masking the new one.
        let masked = accounts::mask_email(&new_email);
        outbox::send(
            &tx,
            &outbox::Outgoing {
                to: &acc.email,
                action: "email-changed",
                code: None,
                lang: req.lang.as_deref(),
                note: Some(&masked),
            },
            now,
        )?;
        session::delete(&tx, &s.token)?;
        tx.commit()?;
        Ok(())
    })?;
    let cookie = session::clear_cookie(&state.config.cookie_name, session::is_https(&headers));
    Ok(session::with_cookie(reply::ok_plain(), &cookie))
}

/// `POST /mapapi/auth/delete-account?token`: removes the account, its devices and files;
/// purchases survive unlinked; the session ends.
pub async fn delete_account(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let token = params.required("token")?.to_owned();
    let s = require(current)?;
    let now = state.clock.now_ms();
    let (acc, versions) = state.db.with(|c| {
        let acc = accounts::by_id(c, s.userid)?.filter(|a| a.email == normalize_email(&s.username));
        let Some(acc) = acc else {
            return Err(ApiError::bad("Email doesn't match login username"));
        };
        // A never-sent code is a 400 here; the reference throws a 500 (NullPointerException).
        let ok = acc.token.is_some() && codes::confirm(c, &acc, &token, now)?;
        if !ok {
            return Err(ApiError::bad(
                "Token is not valid or expired (24h), or password is not valid",
            ));
        }
        let versions: i64 = c.query_row(
            "SELECT COUNT(*) FROM file_versions WHERE userid = ?1",
            [acc.id],
            |r| r.get(0),
        )?;
        Ok((acc, u64::try_from(versions).unwrap_or(0)))
    })?;
    // The reference deletes every stored file from storage, then the account and its session,
    // and only then answers. Like a servlet it finishes even when the client has given up
    // waiting: the work runs on its own task, not in this request's future.
    let work = state.clone();
    let email = tokio::spawn(async move {
        crate::routes::files::take_time_per_file(&work, versions).await;
        work.db.with(|c| {
            let tx = c.transaction()?;
            accounts::delete(&tx, acc.id)?;
            tx.commit()?;
            Ok(acc.email)
        })
    })
    .await
    .map_err(|e| ApiError::Internal(format!("delete-account task: {e}")))??;
    let cookie = session::clear_cookie(&state.config.cookie_name, session::is_https(&headers));
    let res = reply::plain(
        StatusCode::OK,
        format!("Account has been successfully deleted (email {email})"),
    );
    Ok(session::with_cookie(res, &cookie))
}

/// `GET /mapapi/get-account-info`: `{"info":{…}}`, every value a string.
pub async fn get_account_info(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
) -> ApiResult<Response> {
    let s = require(current)?;
    let now = state.clock.now_ms();
    let info = state.db.with(|c| {
        let acc = accounts::by_id(c, s.userid)?.ok_or(ApiError::Unauthorized)?;
        let order = purchases::refresh_orderid(c, &acc, now)?;
        let mut info = Map::new();
        let str_val = |v: String| Value::String(v);
        match &order {
            Some(ProOrder::Subscription(sub)) => {
                info.extend(purchases::subscription_info(sub, now));
            }
            Some(ProOrder::InApp(_)) => {}
            None => {
                info.insert("account".into(), str_val("Free".into()));
            }
        }
        let max = if order.is_some() {
            purchases::PRO_MAX_ACC_SIZE
        } else {
            purchases::FREE_MAX_ACC_SIZE
        };
        info.insert("maxAccSize".into(), str_val(max.to_string()));
        let subs: Vec<Value> = purchases::subscriptions_of(c, acc.id)?
            .iter()
            .map(|sub| Value::Object(purchases::subscription_info(sub, now)))
            .collect();
        let iaps: Vec<Value> = purchases::inapps_of(c, acc.id)?
            .iter()
            .map(|i| Value::Object(purchases::inapp_info(i)))
            .collect();
        info.insert(
            "subscriptions".into(),
            str_val(Value::Array(subs).to_string()),
        );
        info.insert(
            "inAppPurchases".into(),
            str_val(Value::Array(iaps).to_string()),
        );
        if let Some(nick) = acc.nickname {
            info.insert("nickname".into(), str_val(nick));
        }
        let regtime = acc.regtime.map(|t| t.to_string()).unwrap_or_default();
        info.insert("regtime".into(), str_val(regtime));
        Ok(info)
    })?;
    let body = serde_json::json!({ "info": Value::Object(info) });
    Ok(reply::plain(StatusCode::OK, body.to_string()))
}
