//! Pure request builders, one per endpoint (mapapi.md §1, §2.1). The `/auth/*` group takes
//! JSON bodies; everything else takes query parameters (POSTs with an empty text body).

use super::{BackupFormat, CodeAction, ListFilesQuery};
use crate::http::{Body, HttpRequest, QueryUrl};
use crate::models::TrashItem;
use serde::Serialize;

/// Trimmed and lower-cased, as the server stores e-mails.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A JSON body. Serializing these plain structs cannot fail (string keys, no maps); should it
/// ever, the body is `null`, which the server answers with a specific 400.
fn json_body<T: Serialize + ?Sized>(value: &T) -> Body {
    Body::Json(serde_json::to_string(value).unwrap_or_else(|_| "null".to_string()))
}

/// `{"username","password","lang"}` (login: the server's `UserPasswordPost` has no other field
/// a login uses, so there is no "stay logged in" to ask for).
#[derive(Serialize)]
struct LoginBody<'a> {
    username: String,
    password: &'a str,
    lang: &'a str,
}

/// `{"username"}` (register).
#[derive(Serialize)]
struct EmailBody {
    username: String,
}

/// `{"username","token"}` (validate-token).
#[derive(Serialize)]
struct TokenBody<'a> {
    username: String,
    token: &'a str,
}

/// `{"username","password","token","lang"}` (activate; change-email sends `"password":null`).
#[derive(Serialize)]
struct ActivateBody<'a> {
    username: String,
    password: Option<&'a str>,
    token: &'a str,
    lang: &'a str,
}

/// One `empty-trash` entry: `{"name","type","updatetime"}`.
#[derive(Serialize)]
struct TrashKey<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    file_type: &'a str,
    updatetime: i64,
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Row 1: `GET /mapapi/auth/info`.
pub fn build_auth_info() -> HttpRequest {
    HttpRequest::get("/mapapi/auth/info")
}

/// Row 2: `POST /mapapi/auth/login` `{"username","password","lang"}`; the e-mail is trimmed and
/// lower-cased.
pub fn build_login(username: &str, password: &str, lang: &str) -> HttpRequest {
    let body = LoginBody {
        username: normalize_email(username),
        password,
        lang,
    };
    HttpRequest::post("/mapapi/auth/login", json_body(&body))
}

/// Row 3: `POST /mapapi/auth/logout` with an empty JSON object (the server wants a JSON type).
pub fn build_logout() -> HttpRequest {
    HttpRequest::post("/mapapi/auth/logout", Body::Json("{}".to_string()))
}

/// Row 4: `POST /mapapi/auth/register?lang=&isNew=` `{"username"}` (sign-up, resend, password reset).
pub fn build_register(email: &str, lang: &str, is_new: bool) -> HttpRequest {
    let url = QueryUrl::new("/mapapi/auth/register")
        .param("lang", lang)
        .param("isNew", bool_str(is_new))
        .build();
    HttpRequest::post(
        url,
        json_body(&EmailBody {
            username: normalize_email(email),
        }),
    )
}

/// Row 5: `POST /mapapi/auth/validate-token` `{"username","token"}`.
pub fn build_validate_token(email: &str, token: &str) -> HttpRequest {
    let body = TokenBody {
        username: normalize_email(email),
        token: token.trim(),
    };
    HttpRequest::post("/mapapi/auth/validate-token", json_body(&body))
}

/// Row 6: `POST /mapapi/auth/activate` `{"username","password","token","lang"}`.
pub fn build_activate(email: &str, password: &str, token: &str, lang: &str) -> HttpRequest {
    let body = ActivateBody {
        username: normalize_email(email),
        password: Some(password),
        token: token.trim(),
        lang,
    };
    HttpRequest::post("/mapapi/auth/activate", json_body(&body))
}

/// Row 7: `POST /mapapi/auth/send-code?action=&lang=` (empty body).
pub fn build_send_code(action: CodeAction, lang: &str) -> HttpRequest {
    let url = QueryUrl::new("/mapapi/auth/send-code")
        .param("action", action.as_str())
        .param("lang", lang)
        .build();
    HttpRequest::post(url, Body::Empty)
}

/// Row 8: `POST /mapapi/auth/send-code-to-new-email?email=&code=&action=change&lang=` (empty body).
pub fn build_send_code_to_new_email(new_email: &str, old_code: &str, lang: &str) -> HttpRequest {
    let url = QueryUrl::new("/mapapi/auth/send-code-to-new-email")
        .param("email", &normalize_email(new_email))
        .param("code", old_code.trim())
        .param("action", CodeAction::Change.as_str())
        .param("lang", lang)
        .build();
    HttpRequest::post(url, Body::Empty)
}

/// Row 9: `POST /mapapi/auth/change-email` `{"username":new,"password":null,"token","lang"}`.
pub fn build_change_email(new_email: &str, new_code: &str, lang: &str) -> HttpRequest {
    let body = ActivateBody {
        username: normalize_email(new_email),
        password: None,
        token: new_code.trim(),
        lang,
    };
    HttpRequest::post("/mapapi/auth/change-email", json_body(&body))
}

/// Row 10: `POST /mapapi/auth/delete-account?token=` (empty body). Waits long: the server
/// deletes every stored file before it answers.
pub fn build_delete_account(token: &str) -> HttpRequest {
    let url = QueryUrl::new("/mapapi/auth/delete-account")
        .param("token", token.trim())
        .build();
    HttpRequest::post(url, Body::Empty).waiting_long()
}

/// Row 12: `GET /mapapi/get-account-info`.
pub fn build_account_info() -> HttpRequest {
    HttpRequest::get("/mapapi/get-account-info")
}

/// Row 13: `GET /mapapi/list-files?name=&type=&allVersions=true&addDevices=true` (unset parts left
/// out; types comma-separated).
pub fn build_list_files(query: &ListFilesQuery) -> HttpRequest {
    let types = (!query.types.is_empty()).then(|| query.types.join(","));
    let url = QueryUrl::new("/mapapi/list-files")
        .opt_param("name", query.name.as_deref())
        .opt_param("type", types.as_deref())
        .opt_param("allVersions", query.all_versions.then_some("true"))
        .opt_param("addDevices", query.add_devices.then_some("true"))
        .build();
    HttpRequest::get(url)
}

/// Row 14: `POST /mapapi/download-backup?format=` with the JSON array of type keys.
pub fn build_download_backup(types: &[String], format: BackupFormat) -> HttpRequest {
    let url = QueryUrl::new("/mapapi/download-backup")
        .param("format", format.as_str())
        .build();
    HttpRequest::post(url, json_body(types))
}

fn file_url(path: &str, name: &str, file_type: &str, updatetime: Option<i64>) -> QueryUrl {
    let updatetime = updatetime.map(|t| t.to_string());
    QueryUrl::new(path)
        .param("name", name)
        .param("type", file_type)
        .opt_param("updatetime", updatetime.as_deref())
}

/// Row 15: `GET /mapapi/download-file?name=&type=[&updatetime=]` (no `updatetime` = newest).
pub fn build_download_file(name: &str, file_type: &str, updatetime: Option<i64>) -> HttpRequest {
    HttpRequest::get(file_url("/mapapi/download-file", name, file_type, updatetime).build())
}

/// Row 16: `GET /mapapi/download-file-from-prev-version?name=&type=&updatetime=`.
pub fn build_download_file_from_prev_version(
    name: &str,
    file_type: &str,
    updatetime: i64,
) -> HttpRequest {
    let path = "/mapapi/download-file-from-prev-version";
    HttpRequest::get(file_url(path, name, file_type, Some(updatetime)).build())
}

/// Row 17: `POST /mapapi/delete-file-version?name=&type=&updatetime=` (empty body).
pub fn build_delete_file_version(name: &str, file_type: &str, updatetime: i64) -> HttpRequest {
    let url = file_url(
        "/mapapi/delete-file-version",
        name,
        file_type,
        Some(updatetime),
    );
    HttpRequest::post(url.build(), Body::Empty)
}

/// Row 18: `POST /mapapi/delete-file?name=&type=` (empty body; adds a tombstone).
pub fn build_delete_file(name: &str, file_type: &str) -> HttpRequest {
    HttpRequest::post(
        file_url("/mapapi/delete-file", name, file_type, None).build(),
        Body::Empty,
    )
}

/// Row 19: `GET /mapapi/delete-file-all-versions?name=&type=&updatetime=&isTrash=`.
pub fn build_delete_file_all_versions(
    name: &str,
    file_type: &str,
    updatetime: i64,
    is_trash: bool,
) -> HttpRequest {
    let url = file_url(
        "/mapapi/delete-file-all-versions",
        name,
        file_type,
        Some(updatetime),
    )
    .param("isTrash", bool_str(is_trash));
    HttpRequest::get(url.build())
}

/// Row 20: `GET /mapapi/restore-file?name=&type=&updatetime=`.
pub fn build_restore_file(name: &str, file_type: &str, updatetime: i64) -> HttpRequest {
    HttpRequest::get(file_url("/mapapi/restore-file", name, file_type, Some(updatetime)).build())
}

/// Row 21: `POST /mapapi/empty-trash` `[{"name","type","updatetime"}…]`. Waits long: the
/// server deletes every version of each file before it answers.
pub fn build_empty_trash(items: &[TrashItem]) -> HttpRequest {
    let items: Vec<_> = items
        .iter()
        .map(|i| TrashKey {
            name: &i.name,
            file_type: &i.r#type,
            updatetime: i.updatetime,
        })
        .collect();
    HttpRequest::post("/mapapi/empty-trash", json_body(&items)).waiting_long()
}

/// Row 25: `POST /mapapi/auth/cancel-link` `{"username","token"}`: cancels a login link support
/// created (the token is the cancel code from the owner's e-mail, not the link itself).
pub fn build_cancel_login_link(email: &str, cancel_code: &str) -> HttpRequest {
    let body = TokenBody {
        username: normalize_email(email),
        token: cancel_code.trim(),
    };
    HttpRequest::post("/mapapi/auth/cancel-link", json_body(&body))
}
