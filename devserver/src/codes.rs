//! E-mailed codes: issue, check, and wear-out (mapapi.md §3.2).

use rusqlite::{params, Connection};

use crate::accounts::{self, Account};
use crate::clock::HOUR_MS;
use crate::error::ApiResult;
use crate::random;

/// A code is valid for 24 h after `tokentime`.
pub const CODE_TTL_MS: i64 = 24 * HOUR_MS;
/// Each failed check (and every confirm) moves `tokentime` back by 7 h.
pub const WEAR_MS: i64 = 7 * HOUR_MS;

/// Support-set "permanent" tokens have at least 8 characters.
pub fn is_permanent(token: &str) -> bool {
    token.chars().count() >= 8
}

/// `true` when `token` is the stored code and it is at most 24 h old.
/// A missing code or `tokentime` is simply "not valid" (the reference throws a 500 there).
pub fn is_valid(acc: &Account, token: &str, now: i64) -> bool {
    match (&acc.token, acc.tokentime) {
        (Some(stored), Some(time)) => stored == token && now.saturating_sub(time) <= CODE_TTL_MS,
        _ => false,
    }
}

fn wear_out(conn: &Connection, acc: &Account) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE accounts SET tokentime = tokentime - ?2 WHERE id = ?1 AND tokentime IS NOT NULL",
        params![acc.id, WEAR_MS],
    )?;
    Ok(())
}

/// `validate-token`/`activate` semantics: a failed check wears the code; a good one does not.
pub fn validate(conn: &Connection, acc: &Account, token: &str, now: i64) -> rusqlite::Result<bool> {
    let ok = is_valid(acc, token, now);
    if !ok {
        wear_out(conn, acc)?;
    }
    Ok(ok)
}

/// `confirmCode` semantics (change e-mail, delete account): every call wears the code.
pub fn confirm(conn: &Connection, acc: &Account, token: &str, now: i64) -> rusqlite::Result<bool> {
    let ok = is_valid(acc, token, now);
    wear_out(conn, acc)?;
    Ok(ok)
}

/// Stores a new code with `tokentime = now` and returns it. With `keep_permanent`, a
/// permanent token is kept (only its time is refreshed), as `register` does.
/// `digits`: how long a new code is (the answer switch `codeDigits`).
pub fn issue(
    conn: &Connection,
    acc: &Account,
    keep_permanent: bool,
    digits: u8,
    now: i64,
) -> ApiResult<String> {
    let code = match &acc.token {
        Some(t) if keep_permanent && is_permanent(t) => t.clone(),
        _ => random::new_code(digits)?,
    };
    accounts::set_code(conn, acc.id, Some(&code), Some(now))?;
    Ok(code)
}

/// After a successful activation: the code is used up (a permanent token stays).
pub fn consume(conn: &Connection, acc: &Account) -> rusqlite::Result<()> {
    let keep = acc.token.as_deref().filter(|t| is_permanent(t));
    accounts::set_code(conn, acc.id, keep, None)
}
