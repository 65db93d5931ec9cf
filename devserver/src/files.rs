//! Cloud file versions: inserting them and the `list-files` result (mapapi.md §5).

use std::collections::{HashMap, HashSet};
use std::io::Write;

use chrono::{Local, TimeZone};
use flate2::write::GzEncoder;
use flate2::Compression;
use rusqlite::{params, Connection, Row};
use serde_json::{json, Map, Value};

/// One stored version (without its data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub id: i64,
    pub userid: i64,
    pub deviceid: i64,
    pub kind: String,
    pub name: String,
    pub filesize: i64,
    pub zipfilesize: i64,
    pub updatetime: i64,
    pub clienttime: Option<i64>,
    pub storage: Option<String>,
    pub details: Option<String>,
}

impl FileRow {
    /// A delete marker: `filesize = zipfilesize = -1`.
    pub fn is_tombstone(&self) -> bool {
        self.filesize < 0 || self.zipfilesize < 0
    }
}

const FILE_COLS: &str =
    "id, userid, deviceid, type, name, filesize, zipfilesize, updatetime, clienttime, storage, details";

fn file_from_row(r: &Row<'_>) -> rusqlite::Result<FileRow> {
    Ok(FileRow {
        id: r.get(0)?,
        userid: r.get(1)?,
        deviceid: r.get(2)?,
        kind: r.get(3)?,
        name: r.get(4)?,
        filesize: r.get(5)?,
        zipfilesize: r.get(6)?,
        updatetime: r.get(7)?,
        clienttime: r.get(8)?,
        storage: r.get(9)?,
        details: r.get(10)?,
    })
}

/// gzip of `data` (what the server stores; `zipfilesize` is its length).
pub fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data)?;
    enc.finish()
}

/// A version to insert; `content: None` makes a tombstone.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    pub userid: i64,
    pub deviceid: i64,
    pub kind: &'a str,
    pub name: &'a str,
    pub content: Option<&'a [u8]>,
    pub updatetime: i64,
    pub clienttime: Option<i64>,
    pub details: Option<Value>,
}

#[derive(Debug, thiserror::Error)]
pub enum InsertError {
    #[error("gzip: {0}")]
    Gzip(#[from] std::io::Error),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl From<InsertError> for crate::error::ApiError {
    fn from(e: InsertError) -> Self {
        Self::Internal(e.to_string())
    }
}

pub fn insert_version(conn: &Connection, v: &NewVersion<'_>) -> Result<i64, InsertError> {
    let (filesize, zipfilesize, data) = match v.content {
        Some(plain) => {
            let zipped = gzip(plain)?;
            let size = i64::try_from(plain.len()).unwrap_or(i64::MAX);
            let zsize = i64::try_from(zipped.len()).unwrap_or(i64::MAX);
            (size, zsize, Some(zipped))
        }
        None => (-1, -1, None),
    };
    let details = v.details.as_ref().map(Value::to_string);
    conn.execute(
        "INSERT INTO file_versions
           (userid, deviceid, type, name, filesize, zipfilesize, updatetime, clienttime, storage, data, details)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'local', ?9, ?10)",
        params![
            v.userid,
            v.deviceid,
            v.kind,
            v.name,
            filesize,
            zipfilesize,
            v.updatetime,
            v.clienttime,
            data,
            details
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Every version of the user, newest first, optionally filtered by exact name and types.
pub fn versions(
    conn: &Connection,
    userid: i64,
    name: Option<&str>,
    types: Option<&[String]>,
) -> rusqlite::Result<Vec<FileRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {FILE_COLS} FROM file_versions WHERE userid = ?1 AND (?2 IS NULL OR name = ?2)
         ORDER BY updatetime DESC, id DESC"
    ))?;
    let rows: Vec<FileRow> = stmt
        .query_map(params![userid, name], file_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match types {
        Some(types) => rows
            .into_iter()
            .filter(|r| types.iter().any(|t| t == &r.kind))
            .collect(),
        None => rows,
    })
}

/// Options of `list-files`.
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    pub name: Option<String>,
    pub types: Option<Vec<String>>,
    pub all_versions: bool,
    pub add_devices: bool,
}

/// Gson's default `java.util.Date` text, e.g. `Aug 20, 2026, 5:03:55 PM` (server time zone).
pub fn java_date(ms: i64) -> String {
    match Local.timestamp_millis_opt(ms).single() {
        Some(t) => t.format("%b %-d, %Y, %-I:%M:%S %p").to_string(),
        None => String::new(),
    }
}

/// Names travel with CR/LF encoded as `$0D`/`$0A`.
fn encode_name(name: &str) -> String {
    name.replace('\r', "$0D").replace('\n', "$0A")
}

fn file_json(row: &FileRow, device_info: Option<&str>) -> Value {
    let mut m = Map::new();
    m.insert("userid".into(), json!(row.userid));
    m.insert("id".into(), json!(row.id));
    m.insert("deviceid".into(), json!(row.deviceid));
    m.insert("filesize".into(), json!(row.filesize));
    m.insert("zipSize".into(), json!(row.zipfilesize));
    m.insert("type".into(), json!(row.kind));
    m.insert("name".into(), json!(encode_name(&row.name)));
    m.insert("updatetime".into(), json!(java_date(row.updatetime)));
    m.insert("updatetimems".into(), json!(row.updatetime));
    if let Some(ct) = row.clienttime {
        m.insert("clienttime".into(), json!(java_date(ct)));
    }
    m.insert("clienttimems".into(), json!(row.clienttime.unwrap_or(0)));
    if let Some(storage) = &row.storage {
        m.insert("storage".into(), json!(storage));
    }
    if let Some(details) = row
        .details
        .as_deref()
        .and_then(|d| serde_json::from_str::<Value>(d).ok())
    {
        m.insert("details".into(), details);
    }
    if let Some(info) = device_info {
        m.insert("deviceInfo".into(), json!(info));
    }
    Value::Object(m)
}

/// `brand__model__model` per `devices.id` of the user.
fn device_infos(conn: &Connection, userid: i64) -> rusqlite::Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare("SELECT id, brand, model FROM devices WHERE userid = ?1")?;
    let rows = stmt.query_map([userid], |r| {
        let id: i64 = r.get(0)?;
        let brand: Option<String> = r.get(1)?;
        let model: Option<String> = r.get(2)?;
        Ok((id, brand, model))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        if let (id, Some(brand), Some(model)) = row? {
            out.insert(id, format!("{brand}__model__{model}"));
        }
    }
    Ok(out)
}

/// The `UserFilesResults` object of `list-files`.
pub fn list(
    conn: &Connection,
    userid: i64,
    opts: &ListOptions,
    max_account_size: i64,
) -> rusqlite::Result<Value> {
    let rows = versions(conn, userid, opts.name.as_deref(), opts.types.as_deref())?;
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut unique: Vec<&FileRow> = Vec::new();
    for row in &rows {
        // Rows are newest first, so the first row of each (type, name) is its current version.
        if seen.insert((row.kind.as_str(), row.name.as_str())) && !row.is_tombstone() {
            unique.push(row);
        }
    }
    let live_versions: Vec<&FileRow> = rows.iter().filter(|r| !r.is_tombstone()).collect();
    let counted: &[&FileRow] = if opts.all_versions {
        &live_versions
    } else {
        &unique
    };
    let total_zip: i64 = counted.iter().map(|r| r.zipfilesize).sum();
    let total_size: i64 = counted.iter().map(|r| r.filesize).sum();

    let mut out = Map::new();
    out.insert("totalZipSize".into(), json!(total_zip));
    out.insert("totalFileSize".into(), json!(total_size));
    out.insert("totalFiles".into(), json!(unique.len()));
    out.insert("totalFileVersions".into(), json!(live_versions.len()));
    out.insert(
        "uniqueFiles".into(),
        Value::Array(unique.iter().map(|r| file_json(r, None)).collect()),
    );
    if opts.all_versions {
        let devices = if opts.add_devices {
            device_infos(conn, userid)?
        } else {
            HashMap::new()
        };
        let all = rows
            .iter()
            .map(|r| file_json(r, devices.get(&r.deviceid).map(String::as_str)))
            .collect();
        out.insert("allFiles".into(), Value::Array(all));
    }
    out.insert("userid".into(), json!(userid));
    out.insert("maximumAccountSize".into(), json!(max_account_size));
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_gpx_documents_pass_the_restore_check() {
        let track = crate::seed::gpx_track("T", 0, 46.0, 7.0, 2);
        assert!(parses_as_gpx(track.as_bytes()));
        assert!(parses_as_gpx(b"<!-- x --><gpx version=\"1.1\"></gpx>"));
        assert!(parses_as_gpx(b"\xef\xbb\xbf<gpx></gpx>"));
        assert!(!parses_as_gpx(br#"{"app_mode":"car"}"#));
        assert!(!parses_as_gpx(b"<?xml version=\"1.0\"?><renderingStyle/>"));
        assert!(!parses_as_gpx(b"<gpxx></gpxx>"));
        assert!(!parses_as_gpx(b"<gpx version=\"1.1\">cut off"));
        assert!(!parses_as_gpx(b"OBF\x01 map"));
        assert!(!parses_as_gpx(b""));
    }

    #[test]
    fn java_date_shape() {
        let s = java_date(1_787_245_435_000);
        assert!(s.contains(", 20"), "{s}");
        assert!(s.ends_with("AM") || s.ends_with("PM"), "{s}");
        assert_eq!(encode_name("a\r\nb"), "a$0D$0Ab");
    }
}

/// Every version of one file (type + name), newest first.
pub fn versions_of(
    conn: &Connection,
    userid: i64,
    kind: &str,
    name: &str,
) -> rusqlite::Result<Vec<FileRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {FILE_COLS} FROM file_versions WHERE userid = ?1 AND type = ?2 AND name = ?3
         ORDER BY updatetime DESC, id DESC"
    ))?;
    let rows = stmt.query_map(params![userid, kind, name], file_from_row)?;
    rows.collect()
}

/// The stored (gzip) bytes of a version; `None` for tombstones.
pub fn data(conn: &Connection, id: i64) -> rusqlite::Result<Option<Vec<u8>>> {
    conn.query_row("SELECT data FROM file_versions WHERE id = ?1", [id], |r| {
        r.get(0)
    })
}

pub fn delete_version(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM file_versions WHERE id = ?1", [id])?;
    Ok(())
}

pub fn gunzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(data), &mut out)?;
    Ok(out)
}

/// Whether `content` is a GPX document (its root element is `<gpx>`): what master's GPX parser
/// accepts when `restore-file` re-reads an old version (`UserdataService.getZipFile`).
pub fn parses_as_gpx(content: &[u8]) -> bool {
    let text = String::from_utf8_lossy(content);
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    // Skip the prolog: `<?xml …?>`, comments and a doctype.
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            let Some(end) = after.find("?>") else {
                return false;
            };
            rest = after[end + 2..].trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else {
                return false;
            };
            rest = after[end + 3..].trim_start();
        } else if let Some(after) = rest.strip_prefix("<!") {
            let Some(end) = after.find('>') else {
                return false;
            };
            rest = after[end + 1..].trim_start();
        } else {
            break;
        }
    }
    let Some(root) = rest.strip_prefix("<gpx") else {
        return false;
    };
    root.starts_with(|c: char| c.is_whitespace() || c == '>') && text.contains("</gpx>")
}

/// Copies a live version's stored bytes into a new version (restore).
pub fn copy_as_new_version(
    conn: &Connection,
    from: &FileRow,
    deviceid: i64,
    now: i64,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO file_versions
           (userid, deviceid, type, name, filesize, zipfilesize, updatetime, clienttime, storage, data, details)
         SELECT userid, ?2, type, name, filesize, zipfilesize, ?3, clienttime, storage, data, NULL
         FROM file_versions WHERE id = ?1",
        params![from.id, deviceid, now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A file object as `restore-file` returns it (no details, no deviceInfo).
pub fn version_json(row: &FileRow) -> Value {
    let mut v = file_json(row, None);
    if let Value::Object(m) = &mut v {
        m.remove("details");
    }
    v
}

/// Why a delete-all-versions request was refused (the reference's plain-text messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrashRefusal {
    NotFound,
    NotTrash,
    VersionChanged,
}

impl TrashRefusal {
    pub fn message(self) -> &'static str {
        match self {
            Self::NotFound => "File not found",
            Self::NotTrash => "This is not trash, the file is not deleted",
            Self::VersionChanged => "File version was changed",
        }
    }
}

/// Deletes every version of a file whose newest version is `updatetime` (and, with
/// `is_trash`, a tombstone).
pub fn delete_all_versions(
    conn: &Connection,
    userid: i64,
    kind: &str,
    name: &str,
    updatetime: i64,
    is_trash: bool,
) -> rusqlite::Result<Result<(), TrashRefusal>> {
    let versions = versions_of(conn, userid, kind, name)?;
    let Some(newest) = versions.first() else {
        return Ok(Err(TrashRefusal::NotFound));
    };
    if is_trash && newest.zipfilesize > 0 {
        return Ok(Err(TrashRefusal::NotTrash));
    }
    if newest.updatetime != updatetime {
        return Ok(Err(TrashRefusal::VersionChanged));
    }
    conn.execute(
        "DELETE FROM file_versions WHERE userid = ?1 AND type = ?2 AND name = ?3",
        params![userid, kind, name],
    )?;
    Ok(Ok(()))
}
