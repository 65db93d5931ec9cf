//! Accounts and devices: rows, lookups and the e-mail rules.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

/// Lower-cases and trims an e-mail the way the reference does before lookups.
pub fn normalize_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// The reference's `isEmail`: no spaces, exactly one `@`, non-empty local part, a `.` in the domain.
pub fn is_email(s: &str) -> bool {
    if s.chars().any(char::is_whitespace) {
        return false;
    }
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => !local.is_empty() && domain.contains('.'),
        _ => false,
    }
}

/// Hides most of an address for notices: `new@example.com` → `n***@example.com`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub nickname: Option<String>,
    pub token: Option<String>,
    pub tokendevice: Option<String>,
    pub tokentime: Option<i64>,
    pub orderid: Option<String>,
    pub regtime: Option<i64>,
}

const ACCOUNT_COLS: &str = "id, email, nickname, token, tokendevice, tokentime, orderid, regtime";

fn account_from_row(r: &Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account {
        id: r.get(0)?,
        email: r.get(1)?,
        nickname: r.get(2)?,
        token: r.get(3)?,
        tokendevice: r.get(4)?,
        tokentime: r.get(5)?,
        orderid: r.get(6)?,
        regtime: r.get(7)?,
    })
}

/// Case-insensitive lookup (the caller normalises; the column is `COLLATE NOCASE` too).
pub fn by_email(conn: &Connection, email: &str) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        &format!("SELECT {ACCOUNT_COLS} FROM accounts WHERE email = ?1"),
        [email],
        account_from_row,
    )
    .optional()
}

pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        &format!("SELECT {ACCOUNT_COLS} FROM accounts WHERE id = ?1"),
        [id],
        account_from_row,
    )
    .optional()
}

/// Creates a bare account row (no devices, no code) and returns its id.
pub fn create(conn: &Connection, email: &str, now: i64) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO accounts (email, regtime) VALUES (?1, ?2)",
        params![email, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn set_code(
    conn: &Connection,
    id: i64,
    token: Option<&str>,
    tokentime: Option<i64>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE accounts SET token = ?2, tokentime = ?3, tokendevice = 'web' WHERE id = ?1",
        params![id, token, tokentime],
    )?;
    Ok(())
}

pub fn set_orderid(conn: &Connection, id: i64, orderid: Option<&str>) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE accounts SET orderid = ?2 WHERE id = ?1",
        params![id, orderid],
    )?;
    Ok(())
}

pub fn device_count(conn: &Connection, userid: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT COUNT(*) FROM devices WHERE userid = ?1",
        [userid],
        |r| r.get(0),
    )
}

pub fn file_version_count(conn: &Connection, userid: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT COUNT(*) FROM file_versions WHERE userid = ?1",
        [userid],
        |r| r.get(0),
    )
}

/// Removes the account with everything that belongs to it; purchases survive unlinked.
pub fn delete(conn: &Connection, userid: i64) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM file_versions WHERE userid = ?1", [userid])?;
    conn.execute("DELETE FROM sessions WHERE userid = ?1", [userid])?;
    conn.execute("DELETE FROM devices WHERE userid = ?1", [userid])?;
    conn.execute(
        "UPDATE subscriptions SET userid = NULL WHERE userid = ?1",
        [userid],
    )?;
    conn.execute(
        "UPDATE inapps SET userid = NULL WHERE userid = ?1",
        [userid],
    )?;
    conn.execute("DELETE FROM accounts WHERE id = ?1", [userid])?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Device {
    pub id: i64,
    pub userid: i64,
    pub deviceid: String,
    #[serde(skip)]
    pub accesstoken: Option<String>,
    pub lang: Option<String>,
    pub brand: Option<String>,
    pub model: Option<String>,
    pub updatetime: Option<i64>,
}

const DEVICE_COLS: &str = "id, userid, deviceid, accesstoken, lang, brand, model, updatetime";

fn device_from_row(r: &Row<'_>) -> rusqlite::Result<Device> {
    Ok(Device {
        id: r.get(0)?,
        userid: r.get(1)?,
        deviceid: r.get(2)?,
        accesstoken: r.get(3)?,
        lang: r.get(4)?,
        brand: r.get(5)?,
        model: r.get(6)?,
        updatetime: r.get(7)?,
    })
}

pub fn devices(conn: &Connection, userid: i64) -> rusqlite::Result<Vec<Device>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {DEVICE_COLS} FROM devices WHERE userid = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([userid], device_from_row)?;
    rows.collect()
}

/// The newest device with `deviceid = 'web'`: its access token is the web password hash.
pub fn newest_web_device(conn: &Connection, userid: i64) -> rusqlite::Result<Option<Device>> {
    conn.query_row(
        &format!(
            "SELECT {DEVICE_COLS} FROM devices WHERE userid = ?1 AND deviceid = 'web'
             ORDER BY updatetime DESC, id DESC LIMIT 1"
        ),
        [userid],
        device_from_row,
    )
    .optional()
}

/// A device to insert.
#[derive(Debug, Clone)]
pub struct NewDevice<'a> {
    pub userid: i64,
    pub deviceid: &'a str,
    pub accesstoken: Option<&'a str>,
    pub lang: Option<&'a str>,
    pub brand: &'a str,
    pub model: &'a str,
    pub updatetime: i64,
}

pub fn add_device(conn: &Connection, d: &NewDevice<'_>) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO devices (userid, deviceid, accesstoken, lang, brand, model, updatetime)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            d.userid,
            d.deviceid,
            d.accesstoken,
            d.lang,
            d.brand,
            d.model,
            d.updatetime
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Replaces the portal password: drops every `web`/`Web` device and adds a fresh one.
pub fn replace_web_device(
    conn: &Connection,
    userid: i64,
    hash: &str,
    lang: Option<&str>,
    now: i64,
) -> rusqlite::Result<i64> {
    conn.execute(
        "DELETE FROM devices WHERE userid = ?1 AND deviceid = 'web' AND model = 'Web'",
        [userid],
    )?;
    add_device(
        conn,
        &NewDevice {
            userid,
            deviceid: "web",
            accesstoken: Some(hash),
            lang,
            brand: "OsmAnd",
            model: "Web",
            updatetime: now,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_rules() {
        assert!(is_email("a@b.c"));
        assert!(!is_email("a@bc"));
        assert!(!is_email("@b.c"));
        assert!(!is_email("a@@b.c"));
        assert!(!is_email("a b@c.d"));
        assert!(!is_email("ab.cd"));
        assert_eq!(normalize_email("  Foo@Example.COM "), "foo@example.com");
        assert_eq!(mask_email("new@example.com"), "n***@example.com");
    }
}
