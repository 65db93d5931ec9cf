//! The SQLite connection, the schema (mapapi.md §2.5) and wiping.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::Connection;

use crate::error::{ApiError, ApiResult};

/// Tables in the order they can be emptied without breaking foreign keys.
const TABLES: &[&str] = &[
    "sessions",
    "file_versions",
    "devices",
    "subscriptions",
    "inapps",
    "accounts",
    "outbox",
    "register_throttle",
];

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS accounts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    email       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    nickname    TEXT,
    token       TEXT,             -- the e-mailed code (or a permanent support token, >= 8 chars)
    tokendevice TEXT,
    tokentime   INTEGER,          -- epoch ms when the code was issued (moved back by wear-out)
    orderid     TEXT,             -- the purchase that makes the account Pro
    regtime     INTEGER           -- epoch ms
);

CREATE TABLE IF NOT EXISTS devices (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    userid      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    deviceid    TEXT NOT NULL,    -- 'web' for the portal
    accesstoken TEXT,             -- bcrypt hash of the web password for the web device
    lang        TEXT,
    brand       TEXT,
    model       TEXT,
    updatetime  INTEGER           -- epoch ms
);
CREATE INDEX IF NOT EXISTS devices_user ON devices(userid);

-- One row per version. Tombstone: filesize = zipfilesize = -1, no data.
-- deviceid is devices.id but deliberately without a foreign key: like the reference, versions
-- keep the id of a web device that a later password change replaced.
CREATE TABLE IF NOT EXISTS file_versions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    userid      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    deviceid    INTEGER NOT NULL,
    type        TEXT NOT NULL,
    name        TEXT NOT NULL,
    filesize    INTEGER NOT NULL,
    zipfilesize INTEGER NOT NULL,
    updatetime  INTEGER NOT NULL, -- epoch ms, server time of this version
    clienttime  INTEGER,          -- epoch ms or NULL
    storage     TEXT,
    data        BLOB,             -- gzip of the real contents
    details     TEXT              -- JSON or NULL
);
CREATE INDEX IF NOT EXISTS file_versions_user ON file_versions(userid, type, name, updatetime);

CREATE TABLE IF NOT EXISTS subscriptions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    userid       INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    orderid      TEXT NOT NULL,
    sku          TEXT NOT NULL,
    start_time   INTEGER,
    expire_time  INTEGER,
    autorenewing INTEGER,
    paid         INTEGER,
    valid        INTEGER
);

CREATE TABLE IF NOT EXISTS inapps (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    userid        INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    orderid       TEXT NOT NULL,
    sku           TEXT NOT NULL,
    purchase_time INTEGER,
    valid         INTEGER,
    platform      TEXT
);

CREATE TABLE IF NOT EXISTS sessions (
    token      TEXT PRIMARY KEY,
    userid     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    deviceid   INTEGER NOT NULL,  -- the web device used to log in
    username   TEXT NOT NULL,     -- e-mail as typed at login (shown by /auth/info)
    created    INTEGER NOT NULL,
    expires    INTEGER NOT NULL,
    persistent INTEGER NOT NULL -- always 0: no session outlives the browser (like the reference)
);

CREATE TABLE IF NOT EXISTS outbox (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    action  TEXT NOT NULL,
    code    TEXT,
    lang    TEXT,
    body    TEXT NOT NULL,
    sent_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS register_throttle (
    ip      TEXT PRIMARY KEY,
    count   INTEGER NOT NULL,
    last_ms INTEGER NOT NULL
);
";

/// One SQLite connection shared by all requests (a dev server: simple beats parallel).
#[derive(Debug)]
pub struct Db {
    conn: Mutex<Connection>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbOpenError {
    #[error("cannot create {0}: {1}")]
    Dir(String, std::io::Error),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl Db {
    /// Opens (or creates) the database file, creating parent directories.
    pub fn open(path: &Path) -> Result<Self, DbOpenError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| DbOpenError::Dir(parent.display().to_string(), e))?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::init(conn)
    }

    /// A private in-memory database (tests).
    pub fn open_in_memory() -> Result<Self, DbOpenError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self, DbOpenError> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    /// Runs `f` with exclusive access to the connection. Never hold it across an `.await`.
    pub fn with<T>(&self, f: impl FnOnce(&mut Connection) -> ApiResult<T>) -> ApiResult<T> {
        let mut guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }

    /// Runs `f` inside one transaction (committed when `f` succeeds).
    pub fn tx<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> ApiResult<T>,
    ) -> ApiResult<T> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
    }
}

/// Deletes every row of every table (and restarts the id counters).
pub fn wipe(conn: &Connection) -> ApiResult<()> {
    for table in TABLES {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let has_seq: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence')",
        [],
        |r| r.get(0),
    )?;
    if has_seq {
        conn.execute("DELETE FROM sqlite_sequence", [])?;
    }
    Ok(())
}

/// Maps a failed lookup that must exist to a 500.
pub fn missing(what: &str) -> ApiError {
    ApiError::Internal(format!("{what} not found"))
}
