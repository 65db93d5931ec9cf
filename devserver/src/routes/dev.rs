//! `/dev/*` test hooks (only with `--dev`): outbox, faults, clock, reset, ready-made accounts.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::accounts::{self, normalize_email};
use crate::error::{ApiError, ApiResult};
use crate::faults::FaultSpec;
use crate::params::Params;
use crate::{files, outbox, purchases, random, reply, seed, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dev/outbox", get(outbox_list).delete(outbox_clear))
        .route(
            "/dev/faults",
            get(faults_list).post(faults_add).delete(faults_clear),
        )
        .route(
            "/dev/clock",
            get(clock_get).post(clock_set).delete(clock_reset),
        )
        .route(
            "/dev/switches",
            get(switches_get).post(switches_set).delete(switches_reset),
        )
        .route("/dev/reset", post(reset))
        .route("/dev/throttle", delete(throttle_clear))
        .route("/dev/accounts", post(account_create))
        .route("/dev/accounts/{email}", get(account_dump))
        .route("/dev/generate-files", post(generate_files))
}

fn bad_json(e: impl std::fmt::Display) -> ApiError {
    ApiError::bad(format!("invalid JSON: {e}"))
}

/// `true` when the Accept header ranks text/html above JSON (a browser tab).
fn wants_html(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    match (accept.find("text/html"), accept.find("application/json")) {
        (Some(h), Some(j)) => h < j,
        (Some(_), None) => true,
        _ => false,
    }
}

/// `GET /dev/outbox[?to=]`: newest first, JSON (or HTML for browsers).
async fn outbox_list(
    State(state): State<AppState>,
    params: Params,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let to = params.get("to").map(normalize_email);
    let mails = state.db.with(|c| Ok(outbox::list(c, to.as_deref())?))?;
    if wants_html(&headers) {
        let page = outbox::render_html(&mails);
        return Ok((
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html;charset=UTF-8")],
            page,
        )
            .into_response());
    }
    let list: Vec<Value> = mails
        .iter()
        .map(|m| {
            json!({
                "to": m.to, "subject": m.subject, "action": m.action, "code": m.code,
                "lang": m.lang, "body": m.body, "sent_at": m.sent_at,
            })
        })
        .collect();
    Ok(reply::json_value(&Value::Array(list)))
}

async fn outbox_clear(State(state): State<AppState>) -> ApiResult<Response> {
    state.db.with(|c| Ok(outbox::clear(c)?))?;
    Ok(reply::ok_json())
}

async fn faults_list(State(state): State<AppState>) -> ApiResult<Response> {
    Ok(reply::json_value(&serde_json::to_value(
        state.faults.list(),
    )?))
}

/// `POST /dev/faults` → the registered fault (with its `id`).
async fn faults_add(State(state): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let spec: FaultSpec = serde_json::from_slice(&body).map_err(bad_json)?;
    if !spec.path.starts_with('/') {
        return Err(ApiError::bad("path must start with /"));
    }
    if spec.times == Some(0) {
        return Err(ApiError::bad("times must be at least 1"));
    }
    if spec
        .status
        .is_some_and(|s| StatusCode::from_u16(s).is_err())
    {
        return Err(ApiError::bad("status must be 100..=999"));
    }
    let fault = state.faults.add(spec);
    Ok(reply::json_value(&serde_json::to_value(fault)?))
}

async fn faults_clear(State(state): State<AppState>) -> Response {
    state.faults.clear();
    reply::ok_json()
}

fn clock_json(state: &AppState) -> Response {
    reply::json_value(&json!({
        "offset_ms": state.clock.offset_ms(),
        "now_ms": state.clock.now_ms(),
    }))
}

async fn clock_get(State(state): State<AppState>) -> Response {
    clock_json(&state)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockBody {
    advance_ms: Option<i64>,
    offset_ms: Option<i64>,
}

/// `POST /dev/clock {"advance_ms": n}` adds to the offset; `{"offset_ms": n}` sets it.
async fn clock_set(State(state): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let b: ClockBody = serde_json::from_slice(&body).map_err(bad_json)?;
    match (b.advance_ms, b.offset_ms) {
        (Some(d), None) => state.clock.advance_ms(d),
        (None, Some(o)) => state.clock.set_offset_ms(o),
        _ => return Err(ApiError::bad("give exactly one of advance_ms, offset_ms")),
    }
    Ok(clock_json(&state))
}

async fn clock_reset(State(state): State<AppState>) -> Response {
    state.clock.reset();
    clock_json(&state)
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::Internal(format!("task: {e}")))?
}

/// `POST /dev/reset`: clock and faults back to normal, database wiped and re-seeded.
/// `GET /dev/switches`: how answers differ from master's now (`crate::switches`).
async fn switches_get(State(state): State<AppState>) -> Response {
    reply::json_value(&json!(state.switches.get()))
}

/// `POST /dev/switches` `{"codeDigits"?: 4..=12, "friendlyAnswers"?: bool}`.
async fn switches_set(State(state): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let patch: crate::switches::SwitchesPatch = serde_json::from_slice(&body).map_err(bad_json)?;
    let now = state.switches.apply(patch).map_err(ApiError::bad)?;
    Ok(reply::json_value(&json!(now)))
}

/// `DELETE /dev/switches`: back to the command line's values.
async fn switches_reset(State(state): State<AppState>) -> Response {
    state.switches.reset();
    reply::json_value(&json!(state.switches.get()))
}

async fn reset(State(state): State<AppState>) -> ApiResult<Response> {
    state.clock.reset();
    state.faults.clear();
    state.switches.reset();
    let st = state.clone();
    blocking(move || st.seed_demo()).await?;
    Ok(reply::ok_json())
}

async fn throttle_clear(State(state): State<AppState>) -> ApiResult<Response> {
    state
        .db
        .with(|c| Ok(c.execute("DELETE FROM register_throttle", [])?))?;
    Ok(reply::ok_json())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewAccount {
    email: String,
    password: String,
    #[serde(default)]
    pro: bool,
    #[serde(default)]
    files: Option<String>,
}

/// `POST /dev/accounts {"email","password","pro","files":"demo"|"none"}` → `{"id":…}`.
/// An existing account with that e-mail is deleted first.
async fn account_create(State(state): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let req: NewAccount = serde_json::from_slice(&body).map_err(bad_json)?;
    let email = normalize_email(&req.email);
    if !accounts::is_email(&email) {
        return Err(ApiError::bad("Email is not valid."));
    }
    let demo_files = match req.files.as_deref() {
        None | Some("none") => false,
        Some("demo") => true,
        Some(other) => return Err(ApiError::bad(format!("unknown files set {other:?}"))),
    };
    let st = state.clone();
    let id = blocking(move || {
        let now = st.clock.now_ms();
        let cost = st.config.bcrypt_cost;
        st.db.tx(|tx| {
            if let Some(old) = accounts::by_email(tx, &email)? {
                accounts::delete(tx, old.id)?;
            }
            let (id, web) = seed::account_with_password(tx, &email, &req.password, cost, now)?;
            if req.pro {
                let orderid = format!("DEV-{}", random::random_hex(6)?);
                seed::make_pro(tx, id, &orderid, now)?;
            }
            if demo_files {
                seed::demo_files(tx, id, web, now)?;
            }
            Ok(id)
        })
    })
    .await?;
    Ok(reply::json_value(&json!({ "id": id })))
}

/// `GET /dev/accounts/<email>`: everything about one account, for assertions.
async fn account_dump(
    State(state): State<AppState>,
    Path(email): Path<String>,
) -> ApiResult<Response> {
    let email = normalize_email(&email);
    let dump = state.db.with(|c| {
        let Some(acc) = accounts::by_email(c, &email)? else {
            return Ok(None);
        };
        let devices: Vec<Value> = accounts::devices(c, acc.id)?
            .iter()
            .map(|d| {
                json!({
                    "id": d.id, "deviceid": d.deviceid, "brand": d.brand, "model": d.model,
                    "lang": d.lang, "updatetime": d.updatetime,
                    "has_password": d.deviceid == "web" && d.accesstoken.as_deref().is_some_and(|t| t.starts_with("$2")),
                })
            })
            .collect();
        let versions: Vec<Value> = files::versions(c, acc.id, None, None)?
            .iter()
            .map(|v| {
                json!({
                    "type": v.kind, "name": v.name, "updatetime": v.updatetime,
                    "filesize": v.filesize, "zipfilesize": v.zipfilesize, "deviceid": v.deviceid,
                })
            })
            .collect();
        let sessions: i64 = c.query_row(
            "SELECT COUNT(*) FROM sessions WHERE userid = ?1",
            [acc.id],
            |r| r.get(0),
        )?;
        let mut out = serde_json::to_value(&acc)?;
        if let Value::Object(m) = &mut out {
            m.insert("devices".into(), Value::Array(devices));
            m.insert("file_versions".into(), json!(versions.len()));
            m.insert("files".into(), Value::Array(versions));
            m.insert(
                "subscriptions".into(),
                serde_json::to_value(purchases::subscriptions_of(c, acc.id)?)?,
            );
            m.insert("inapps".into(), serde_json::to_value(purchases::inapps_of(c, acc.id)?)?);
            m.insert("sessions".into(), json!(sessions));
        }
        Ok(Some(out))
    })?;
    match dump {
        Some(v) => Ok(reply::json_value(&v)),
        None => Ok(reply::plain(
            StatusCode::NOT_FOUND,
            format!("No account {email}"),
        )),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GenerateFiles {
    email: String,
    files: u32,
    versions_per_file: u32,
    #[serde(default)]
    tombstone_every: u32,
    #[serde(default)]
    types: Option<Vec<String>>,
}

/// Upper bound of `files × versions_per_file` for one call.
const GENERATE_MAX_VERSIONS: u64 = 500_000;
/// Generated versions are spread evenly over this span before now (~24 months).
const GENERATE_SPAN_MS: i64 = 730 * 24 * 3600 * 1000;

fn generated_name(kind: &str, i: u32) -> String {
    match kind {
        "GPX" => format!("Generated/Track {i:05}.gpx"),
        "FAVOURITES" => format!("favorites-Generated {i:05}.gpx"),
        "PROFILE" | "OSMAND_SETTINGS" | "QUICK_ACTIONS" | "POI_UI_FILTERS" => {
            format!("generated-{i:05}.json")
        }
        _ => format!("generated-{i:05}.dat"),
    }
}

fn generated_content(kind: &str, name: &str, version: u32, time: i64) -> String {
    match kind {
        "GPX" | "FAVOURITES" => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"devserver\">\
             <metadata><name>{name}</name><time>{}</time></metadata>\
             <wpt lat=\"52.{version:04}\" lon=\"4.{version:04}\"><name>v{version}</name></wpt></gpx>\n",
            files::java_date(time)
        ),
        _ => format!("{{\"name\":{:?},\"version\":{version},\"time\":{time}}}\n", name),
    }
}

/// `POST /dev/generate-files {"email","files","versions_per_file","tombstone_every"?,"types"?}`
/// → `{"files":N,"versions":total}`: N files × K versions (one transaction) spread over the last
/// ~24 months; with `tombstone_every: T > 0` every T-th file's newest version is a tombstone.
async fn generate_files(State(state): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let req: GenerateFiles = serde_json::from_slice(&body).map_err(bad_json)?;
    let email = normalize_email(&req.email);
    let total = u64::from(req.files) * u64::from(req.versions_per_file);
    if total > GENERATE_MAX_VERSIONS {
        return Err(ApiError::bad(format!(
            "at most {GENERATE_MAX_VERSIONS} versions per call"
        )));
    }
    let types = req
        .types
        .clone()
        .unwrap_or_else(|| vec!["GPX".into(), "FAVOURITES".into(), "PROFILE".into()]);
    if types.is_empty() || types.iter().any(|t| t.trim().is_empty()) {
        return Err(ApiError::bad("types must be non-empty names"));
    }
    let st = state.clone();
    let inserted = blocking(move || {
        let now = st.clock.now_ms();
        st.db.tx(|tx| {
            let Some(acc) = accounts::by_email(tx, &email)? else {
                return Err(ApiError::bad(format!("No account {email}")));
            };
            let mut devices: Vec<i64> = accounts::devices(tx, acc.id)?
                .iter()
                .filter(|d| !d.deviceid.eq_ignore_ascii_case("web"))
                .map(|d| d.id)
                .collect();
            if devices.is_empty() {
                for (id, brand, model) in [
                    ("gen-android", "Google", "Pixel 8"),
                    ("gen-ios", "Apple", "iPhone15,2"),
                ] {
                    devices.push(accounts::add_device(
                        tx,
                        &accounts::NewDevice {
                            userid: acc.id,
                            deviceid: id,
                            accesstoken: None,
                            lang: Some("en"),
                            brand,
                            model,
                            updatetime: now,
                        },
                    )?);
                }
            }
            let n = u64::from(req.files);
            let k = u64::from(req.versions_per_file);
            let step = GENERATE_SPAN_MS / i64::try_from(total + 1).unwrap_or(i64::MAX).max(1);
            let mut stmt = tx.prepare(
                "INSERT INTO file_versions
                   (userid, deviceid, type, name, filesize, zipfilesize, updatetime, clienttime, storage, data, details)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 'local', ?8, NULL)",
            )?;
            let mut count: u64 = 0;
            for j in 0..req.versions_per_file {
                for i in 0..req.files {
                    let kind = types
                        .get(i as usize % types.len())
                        .map_or("GPX", String::as_str);
                    let name = generated_name(kind, i);
                    let order = u64::from(j) * n + u64::from(i) + 1;
                    let time = now - GENERATE_SPAN_MS
                        + i64::try_from(order).unwrap_or(i64::MAX).saturating_mul(step);
                    let device = devices
                        .get((i as usize + j as usize) % devices.len())
                        .copied()
                        .unwrap_or(acc.id);
                    let tomb = req.tombstone_every > 0
                        && (i + 1) % req.tombstone_every == 0
                        && u64::from(j) + 1 == k;
                    if tomb {
                        stmt.execute(rusqlite::params![
                            acc.id, device, kind, name, -1i64, -1i64, time,
                            Option::<Vec<u8>>::None
                        ])?;
                    } else {
                        let plain = generated_content(kind, &name, j, time);
                        let zipped = files::gzip(plain.as_bytes())
                            .map_err(|e| ApiError::Internal(format!("gzip: {e}")))?;
                        stmt.execute(rusqlite::params![
                            acc.id,
                            device,
                            kind,
                            name,
                            i64::try_from(plain.len()).unwrap_or(i64::MAX),
                            i64::try_from(zipped.len()).unwrap_or(i64::MAX),
                            time,
                            Some(zipped)
                        ])?;
                    }
                    count += 1;
                }
            }
            Ok(count)
        })
    })
    .await?;
    Ok(reply::json_value(
        &json!({ "files": req.files, "versions": inserted }),
    ))
}
