//! Cloud files: list-files (§5), backup (§6), download/delete/restore versions and trash
//! (§8, §9 of mapapi.md).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::files::{self, FileRow, ListOptions};
use crate::params::{json_body, Params};
use crate::purchases;
use crate::session::{CurrentSession, Session};
use crate::{accounts, backup, reply, AppState};

/// Types a free account may store.
const FREE_TYPES: &[&str] = &["FAVOURITES", "GLOBAL", "PROFILE", "OSM_EDITS", "OSM_NOTES"];

fn require(session: Option<Session>) -> ApiResult<Session> {
    session.ok_or(ApiError::Unauthorized)
}

fn not_available() -> ApiError {
    ApiError::Api {
        code: 106,
        message: "File is not available".to_owned(),
    }
}

/// `(name, type)`, both required.
fn file_key(params: &Params) -> ApiResult<(String, String)> {
    Ok((
        params.required("name")?.to_owned(),
        params.required("type")?.to_owned(),
    ))
}

/// The account's quota after re-checking its Pro order.
fn max_account_size(conn: &rusqlite::Connection, userid: i64, now: i64) -> ApiResult<(i64, bool)> {
    let acc = accounts::by_id(conn, userid)?.ok_or(ApiError::Unauthorized)?;
    let pro = purchases::refresh_orderid(conn, &acc, now)?.is_some();
    let max = if pro {
        purchases::PRO_MAX_ACC_SIZE
    } else {
        purchases::FREE_MAX_ACC_SIZE
    };
    Ok((max, pro))
}

/// `GET /mapapi/list-files?name&type&allVersions&addDevices`.
/// The reference answers 500 when a current file's name has no `.`; we list it normally.
pub async fn list_files(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
) -> ApiResult<Response> {
    let s = require(current)?;
    let types = params.get("type").filter(|t| !t.is_empty()).map(|t| {
        t.split(',')
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
    });
    let opts = ListOptions {
        name: params
            .get("name")
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        types,
        all_versions: params.bool_or("allVersions", false)?,
        add_devices: params.bool_or("addDevices", false)?,
    };
    let now = state.clock.now_ms();
    let body = state.db.with(|c| {
        let (max, _) = max_account_size(c, s.userid, now)?;
        Ok(files::list(c, s.userid, &opts, max)?)
    })?;
    Ok(reply::plain(StatusCode::OK, body.to_string()))
}

/// Streams a version: the stored gzip with `Content-Encoding: gzip` when the client accepts
/// it, else the plain bytes. Tombstones are error 106.
fn serve_version(state: &AppState, row: &FileRow, headers: &HeaderMap) -> ApiResult<Response> {
    if row.is_tombstone() {
        return Err(not_available());
    }
    let stored = state
        .db
        .with(|c| Ok(files::data(c, row.id)?))?
        .ok_or_else(not_available)?;
    let gzip_ok = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("gzip"));
    let body = if gzip_ok {
        stored
    } else {
        files::gunzip(&stored).map_err(|e| ApiError::Internal(format!("gunzip: {e}")))?
    };
    let name: String = form_urlencoded::byte_serialize(row.name.as_bytes()).collect();
    let mut res = (StatusCode::OK, body).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename={name}")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if gzip_ok {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    Ok(res)
}

/// A version that is not there: master's `MapApiController.getFile`/`getFilePrevVersion` write
/// nothing (a `void` handler: 200, no body, no headers); with the `friendlyAnswers` switch a
/// 404 with `text` instead.
fn no_such_version(state: &AppState, text: &str) -> Response {
    if state.switches.get().friendly_answers {
        reply::plain(StatusCode::NOT_FOUND, text.to_string())
    } else {
        StatusCode::OK.into_response()
    }
}

/// `GET /mapapi/download-file?name&type[&updatetime]`: that version (default newest); a missing
/// one: [`no_such_version`]. `simplified`/`shared` are accepted and ignored (we always serve the
/// stored file of the logged-in user).
pub async fn download_file(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (name, kind) = file_key(&params)?;
    let updatetime = params.opt_i64("updatetime")?;
    let s = require(current)?;
    let versions = state
        .db
        .with(|c| Ok(files::versions_of(c, s.userid, &kind, &name)?))?;
    let row = match updatetime {
        Some(t) => versions.iter().find(|v| v.updatetime == t),
        None => versions.first(),
    };
    match row {
        Some(row) => serve_version(&state, row, &headers),
        None => Ok(no_such_version(&state, "File version not found")),
    }
}

/// `GET /mapapi/download-file-from-prev-version?name&type&updatetime`: the newest version
/// strictly older than `updatetime` (a tombstone there is error 106; none: [`no_such_version`]).
pub async fn download_prev(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (name, kind) = file_key(&params)?;
    let updatetime = params.required_i64("updatetime")?;
    let s = require(current)?;
    let versions = state
        .db
        .with(|c| Ok(files::versions_of(c, s.userid, &kind, &name)?))?;
    match versions.iter().find(|v| v.updatetime < updatetime) {
        Some(row) => serve_version(&state, row, &headers),
        None => Ok(no_such_version(
            &state,
            "Previous version of file not found",
        )),
    }
}

/// `POST /mapapi/delete-file-version?name&type&updatetime`: hard-deletes that one row.
pub async fn delete_file_version(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
) -> ApiResult<Response> {
    let (name, kind) = file_key(&params)?;
    let updatetime = params.required_i64("updatetime")?;
    let s = require(current)?;
    state.db.with(|c| {
        let versions = files::versions_of(c, s.userid, &kind, &name)?;
        let row = versions
            .iter()
            .find(|v| v.updatetime == updatetime)
            .ok_or_else(not_available)?;
        Ok(files::delete_version(c, row.id)?)
    })?;
    Ok(reply::ok_plain())
}

/// `POST /mapapi/delete-file?name&type`: appends a tombstone (even for unknown files).
pub async fn delete_file(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
) -> ApiResult<Response> {
    let (name, kind) = file_key(&params)?;
    let s = require(current)?;
    let now = state.clock.now_ms();
    state.db.with(|c| {
        files::insert_version(
            c,
            &files::NewVersion {
                userid: s.userid,
                deviceid: s.deviceid,
                kind: &kind,
                name: &name,
                content: None,
                updatetime: now,
                clienttime: Some(now),
                details: None,
            },
        )?;
        Ok(())
    })?;
    Ok(reply::ok_plain())
}

/// `GET /mapapi/delete-file-all-versions?name&type&updatetime[&isTrash]`.
pub async fn delete_all_versions(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
) -> ApiResult<Response> {
    let (name, kind) = file_key(&params)?;
    let updatetime = params.required_i64("updatetime")?;
    let is_trash = params.bool_or("isTrash", false)?;
    let s = require(current)?;
    state.db.with(|c| {
        files::delete_all_versions(c, s.userid, &kind, &name, updatetime, is_trash)?
            .map_err(|r| ApiError::bad(r.message()))
    })?;
    Ok(reply::ok_plain())
}

/// `GET /mapapi/restore-file?name&type&updatetime=<tombstone>`: the version before the
/// tombstone becomes current again → JSON of the new version.
pub async fn restore_file(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
) -> ApiResult<Response> {
    let (name, kind) = file_key(&params)?;
    let updatetime = params.required_i64("updatetime")?;
    let s = require(current)?;
    let now = state.clock.now_ms();
    let body = state.db.with(|c| {
        let versions = files::versions_of(c, s.userid, &kind, &name)?;
        let Some(tomb) = versions.iter().find(|v| v.updatetime == updatetime) else {
            return Err(ApiError::bad("File not found"));
        };
        if tomb.zipfilesize >= 0 {
            return Err(ApiError::bad("File is not deleted"));
        }
        if versions.iter().any(|v| v.updatetime > updatetime) {
            return Err(ApiError::bad(
                "File has already been restored from this version",
            ));
        }
        let prev = versions
            .iter()
            .find(|v| v.updatetime < updatetime)
            .filter(|v| !v.is_tombstone())
            .ok_or_else(|| ApiError::bad("Previous version of file not found"))?;
        // Master (`UserdataService.restoreFile` → `getZipFile`) re-reads the old version with
        // its GPX parser and writes it back as GPX: content that is not GPX (settings, maps,
        // resources) fails there with `Error restore file`. Tracks and favourites pass.
        let stored = files::data(c, prev.id)?.unwrap_or_default();
        let content = files::gunzip(&stored).unwrap_or_default();
        if !files::parses_as_gpx(&content) {
            return Err(ApiError::bad("Error restore file"));
        }
        // Then the upload check the reference runs before restoring (`validateUserForUpload`),
        // in its order and with its texts.
        let (max, pro) = max_account_size(c, s.userid, now)?;
        const MB: i64 = 1024 * 1024;
        if !pro && !FREE_TYPES.contains(&kind.as_str()) {
            return Err(ApiError::bad(format!(
                "Free account can upload files with types: [{}]. This file type is {kind}!",
                FREE_TYPES.join(", ")
            )));
        }
        if !pro && prev.zipfilesize > 2 * MB {
            return Err(ApiError::bad(format!(
                "Free account file size exceeded, {} MB > 2 MB!",
                prev.zipfilesize / MB
            )));
        }
        let used: i64 = files::list(c, s.userid, &ListOptions::default(), max)?
            .get("totalZipSize")
            .and_then(Value::as_i64)
            .unwrap_or(0);
        if used > purchases::PRO_MAX_ACC_SIZE {
            return Err(ApiError::bad(format!(
                "Maximum size of OsmAnd Cloud exceeded {} MB. Please contact support in order to \
                 investigate possible solutions.",
                purchases::PRO_MAX_ACC_SIZE / MB
            )));
        }
        // (The reference prints its 2 MB per-file limit where it means the 5 MB account size.)
        if !pro && used.saturating_add(prev.zipfilesize) > max {
            return Err(ApiError::bad(
                "Not enough space to save file. Maximum size of OsmAnd Cloud for Free account 2!",
            ));
        }
        let id = files::copy_as_new_version(c, prev, s.deviceid, now)?;
        let row = files::versions_of(c, s.userid, &kind, &name)?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| crate::db::missing("restored version"))?;
        Ok(files::version_json(&row))
    })?;
    Ok(reply::plain(StatusCode::OK, body.to_string()))
}

#[derive(Debug, Deserialize)]
struct TrashItem {
    name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    updatetime: Option<i64>,
}

/// Waits `--delete-ms-per-file` for each of `versions` deleted file versions.
pub async fn take_time_per_file(state: &AppState, versions: u64) {
    let ms = state.config.delete_ms_per_file.saturating_mul(versions);
    if ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
    }
}

/// Deletes the trash entries, taking `--delete-ms-per-file` per version. Master
/// (`UserdataService.emptyTrash`) runs the whole loop in one transaction: storage objects go one
/// by one, but the rows all go at its end, so a list read meanwhile still shows every file. The
/// newer branch (the `friendlyAnswers` switch) gives each file its own transaction.
async fn empty_each(
    state: &AppState,
    userid: i64,
    items: &[TrashItem],
    per_file: bool,
) -> ApiResult<Vec<Value>> {
    let entries: Vec<(&str, &str, i64)> = items
        .iter()
        .filter_map(|i| Some((i.name.as_deref()?, i.kind.as_deref()?, i.updatetime?)))
        .collect();
    let versions = |kind: &str, name: &str| {
        state
            .db
            .with(|c| Ok(files::versions_of(c, userid, kind, name)?.len()))
            .map(|n| u64::try_from(n).unwrap_or(0))
    };
    let mut outcomes = Vec::new();
    if per_file {
        for &(name, kind, updatetime) in &entries {
            take_time_per_file(state, versions(kind, name)?).await;
            outcomes.push(state.db.with(|c| {
                Ok(files::delete_all_versions(
                    c, userid, kind, name, updatetime, true,
                )?)
            })?);
        }
    } else {
        let mut total = 0;
        for &(name, kind, _) in &entries {
            total += versions(kind, name)?;
        }
        take_time_per_file(state, total).await;
        outcomes = state.db.tx(|tx| {
            let mut out = Vec::new();
            for &(name, kind, updatetime) in &entries {
                out.push(files::delete_all_versions(
                    tx, userid, kind, name, updatetime, true,
                )?);
            }
            Ok(out)
        })?;
    }
    let mut outcomes = outcomes.into_iter();
    let mut results = Vec::new();
    for item in items {
        let (Some(name), Some(kind), Some(updatetime)) = (&item.name, &item.kind, item.updatetime)
        else {
            results.push(
                json!({"name": item.name, "type": item.kind, "updatetime": item.updatetime,
                "status": "failed", "message": "Invalid trash file data"}),
            );
            continue;
        };
        let (status, message) = match outcomes.next() {
            Some(Ok(())) => ("deleted", None),
            Some(Err(files::TrashRefusal::NotFound)) => ("already_missing", None),
            Some(Err(files::TrashRefusal::NotTrash)) => ("skipped_not_trash", None),
            Some(Err(r @ files::TrashRefusal::VersionChanged)) => ("failed", Some(r.message())),
            None => ("failed", None),
        };
        results.push(json!({"name": name, "type": kind, "updatetime": updatetime,
            "status": status, "message": message}));
    }
    Ok(results)
}

/// `POST /mapapi/empty-trash` `[{name,type,updatetime}]`: deletes each trashed file, ignoring
/// individual failures. Answers a bare `{"status":"ok"}` like master
/// (`UserdataService.emptyTrash`); with the `friendlyAnswers` switch also the unmerged
/// branch's `summary`/`results`.
pub async fn empty_trash(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let items: Vec<TrashItem> = json_body(&headers, &body)?;
    let s = require(current)?;
    let requested = items.len();
    // The reference deletes each file (every version from storage, then its rows) in turn and
    // answers once all are done; what is already deleted stays deleted if the client stops
    // waiting, and the rest still goes: the work runs on its own task.
    let work = state.clone();
    let per_file = state.switches.get().friendly_answers;
    let results = tokio::spawn(async move { empty_each(&work, s.userid, &items, per_file).await })
        .await
        .map_err(|e| ApiError::Internal(format!("empty-trash task: {e}")))??;
    let count = |st: &str| results.iter().filter(|r| r["status"] == st).count();
    let summary = json!({
        "requested": requested,
        "deleted": count("deleted"),
        "alreadyMissing": count("already_missing"),
        "skipped": count("skipped_not_trash"),
        "failed": count("failed"),
    });
    if !state.switches.get().friendly_answers {
        return Ok(reply::ok_plain());
    }
    let out = json!({"status": "ok", "summary": summary, "results": results});
    Ok(reply::plain(StatusCode::OK, out.to_string()))
}

/// `POST /mapapi/download-backup?format[&updatetime=<include deleted>]` `["GPX", "FILE_MAPS", …]`
/// → a ZIP of the newest version of every selected file plus `items.json`.
pub async fn download_backup(
    State(state): State<AppState>,
    CurrentSession(current): CurrentSession,
    params: Params,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let selectors: Vec<String> = json_body(&headers, &body)?;
    let format = params.required("format")?.to_owned();
    // The reference reads its "include deleted files" flag from a parameter named `updatetime`.
    let include_deleted = params.bool_or("updatetime", false)?;
    let s = require(current)?;
    let now = state.clock.now_ms();
    let entries = state.db.with(|c| {
        let rows = files::versions(c, s.userid, None, None)?;
        let mut seen = std::collections::HashSet::new();
        let mut entries = Vec::new();
        for row in &rows {
            if !seen.insert((row.kind.as_str(), row.name.as_str())) {
                continue;
            }
            if backup::is_skipped_name(&row.name) || !backup::is_selected(row, &selectors) {
                continue;
            }
            let chosen = if !row.is_tombstone() {
                Some(row)
            } else if include_deleted {
                rows.iter().find(|r| {
                    r.kind == row.kind
                        && r.name == row.name
                        && r.updatetime < row.updatetime
                        && !r.is_tombstone()
                })
            } else {
                None
            };
            let Some(chosen) = chosen else { continue };
            let Some(stored) = files::data(c, chosen.id)? else {
                continue;
            };
            let content =
                files::gunzip(&stored).map_err(|e| ApiError::Internal(format!("gunzip: {e}")))?;
            entries.push(backup::Entry {
                kind: chosen.kind.clone(),
                name: chosen.name.clone(),
                updatetime: chosen.updatetime,
                content,
            });
        }
        Ok(entries)
    })?;
    // The reference builds the whole archive, file by file from storage, before any header.
    let per_file = state.config.archive_ms_per_file;
    if per_file > 0 {
        let files = u64::try_from(entries.len()).unwrap_or(u64::MAX);
        tokio::time::sleep(std::time::Duration::from_millis(
            per_file.saturating_mul(files),
        ))
        .await;
    }
    let archive =
        backup::build(&entries, &format).map_err(|e| ApiError::Internal(format!("zip: {e}")))?;
    let mut res = (StatusCode::OK, archive).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    let disposition = format!("attachment; filename={}", backup::file_name(now, &format));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
