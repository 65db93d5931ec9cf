//! Request building for every endpoint (mapapi.md §1, §2.1): method, path, exact query, body and
//! content type, as recorded by the mock after a real client call.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{block_on, client};
use osmand_api::client::*;
use osmand_api::http::{
    Body, HttpRequest, HttpResponse, Method, Wait, CONTENT_TYPE_JSON, CONTENT_TYPE_TEXT,
};
use osmand_api::models::TrashItem;
use serde_json::{json, Value};

/// Runs `$call` against a mock that answers `$answer`, checks it succeeded and returns the one
/// request it sent.
macro_rules! sent {
    ($answer:expr, $api:ident, $call:expr) => {{
        let (client, mock) = client();
        mock.push_response($answer);
        let $api = &client;
        block_on($call).unwrap();
        let mut reqs = mock.requests();
        assert_eq!(reqs.len(), 1);
        reqs.remove(0)
    }};
}

fn json_of(req: &HttpRequest) -> Value {
    match &req.body {
        Body::Json(s) => serde_json::from_str(s).unwrap(),
        other => panic!("not JSON: {other:?}"),
    }
}

/// A GET without body or content type.
fn assert_get(req: &HttpRequest, url: &str) {
    assert_eq!((req.method, req.url.as_str()), (Method::Get, url));
    assert_eq!(req.body, Body::Empty);
    assert_eq!((req.content_type(), req.body_text()), (None, None));
}

/// A POST with query parameters and an empty text/plain body.
fn assert_empty_post(req: &HttpRequest, url: &str) {
    assert_eq!((req.method, req.url.as_str()), (Method::Post, url));
    assert_eq!(req.body, Body::Empty);
    assert_eq!(
        (req.content_type(), req.body_text()),
        (Some(CONTENT_TYPE_TEXT), Some(""))
    );
}

/// A POST with a JSON body.
fn assert_json_post(req: &HttpRequest, url: &str, body: Value) {
    assert_eq!((req.method, req.url.as_str()), (Method::Post, url));
    assert_eq!(req.content_type(), Some(CONTENT_TYPE_JSON));
    assert_eq!(json_of(req), body);
}

const NAME: &str = "Tracks/a b&c#d+e/Zürich$0D.gpx";
const NAME_Q: &str = "Tracks%2Fa%20b%26c%23d%2Be%2FZ%C3%BCrich%240D.gpx";

#[test]
fn auth_info() {
    let req = sent!(HttpResponse::json(200, "null"), api, api.auth_info());
    assert_get(&req, "/mapapi/auth/info");
    assert_eq!(req, build_auth_info());
}

#[test]
fn login_lowercases_and_trims_the_email() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.login("  Demo@Example.COM ", " pass word ", "nl")
    );
    let body = json!({"username":"demo@example.com","password":" pass word ","lang":"nl"});
    assert_json_post(&req, "/mapapi/auth/login", body);
}

#[test]
fn logout() {
    let req = sent!(HttpResponse::ok(), api, api.logout());
    assert_json_post(&req, "/mapapi/auth/logout", json!({}));
}

#[test]
fn register() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.register(" New@Mail.org", "en", true)
    );
    assert_json_post(
        &req,
        "/mapapi/auth/register?lang=en&isNew=true",
        json!({"username":"new@mail.org"}),
    );
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.register("a@b.c", "pt-BR", false)
    );
    assert_eq!(req.url, "/mapapi/auth/register?lang=pt-BR&isNew=false");
}

#[test]
fn validate_token() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.validate_token("A@b.c", " 1234 ")
    );
    assert_json_post(
        &req,
        "/mapapi/auth/validate-token",
        json!({"username":"a@b.c","token":"1234"}),
    );
}

#[test]
fn activate() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.activate("A@b.c", "s3cret pass", "1234", "de")
    );
    let body = json!({"username":"a@b.c","password":"s3cret pass","token":"1234","lang":"de"});
    assert_json_post(&req, "/mapapi/auth/activate", body);
}

#[test]
fn send_code_actions() {
    for (action, text) in [
        (CodeAction::Setup, "setup"),
        (CodeAction::Change, "change"),
        (CodeAction::Delete, "delete"),
    ] {
        let req = sent!(HttpResponse::ok(), api, api.send_code(action, "en"));
        assert_empty_post(
            &req,
            &format!("/mapapi/auth/send-code?action={text}&lang=en"),
        );
    }
}

#[test]
fn send_code_to_new_email() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.send_code_to_new_email(" New+Tag@Mail.org ", "1234", "en")
    );
    assert_empty_post(
        &req,
        "/mapapi/auth/send-code-to-new-email?email=new%2Btag%40mail.org&code=1234&action=change&lang=en",
    );
    assert_eq!(
        req.query_param("email").as_deref(),
        Some("new+tag@mail.org")
    );
}

#[test]
fn change_email() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.change_email("New@Mail.org", "5678", "en")
    );
    let body = json!({"username":"new@mail.org","password":null,"token":"5678","lang":"en"});
    assert_json_post(&req, "/mapapi/auth/change-email", body);
}

#[test]
fn delete_account() {
    let req = sent!(
        HttpResponse::text(200, "Account has been successfully deleted (email a@b.c)"),
        api,
        api.delete_account("9876")
    );
    assert_empty_post(&req, "/mapapi/auth/delete-account?token=9876");
    // The server deletes every stored file first: this call waits minutes, not 30 s.
    assert_eq!(req.wait, Wait::Long);
}

#[test]
fn account_info() {
    let req = sent!(
        HttpResponse::text(200, r#"{"info":{}}"#),
        api,
        api.account_info()
    );
    assert_get(&req, "/mapapi/get-account-info");
}

#[test]
fn list_files_queries() {
    let empty = r#"{"uniqueFiles":[]}"#;
    let req = sent!(
        HttpResponse::text(200, empty),
        api,
        api.list_files(&ListFilesQuery::latest())
    );
    assert_get(&req, "/mapapi/list-files");
    let req = sent!(
        HttpResponse::text(200, empty),
        api,
        api.list_files(&ListFilesQuery::history())
    );
    assert_get(&req, "/mapapi/list-files?allVersions=true&addDevices=true");
    let query = ListFilesQuery {
        name: Some(NAME.to_string()),
        types: vec!["GPX".into(), "FAVOURITES".into()],
        all_versions: true,
        add_devices: false,
    };
    let req = sent!(HttpResponse::text(200, empty), api, api.list_files(&query));
    assert_get(
        &req,
        &format!("/mapapi/list-files?name={NAME_Q}&type=GPX%2CFAVOURITES&allVersions=true"),
    );
    assert_eq!(req.query_param("name").as_deref(), Some(NAME));
    assert_eq!(req.query_param("type").as_deref(), Some("GPX,FAVOURITES"));
}

#[test]
fn download_backup_request_is_built_not_sent() {
    let (api, mock) = client();
    let types = vec!["GPX".to_string(), "FILE_RENDERING".to_string()];
    let req = api.download_backup_request(&types, BackupFormat::Zip);
    assert!(mock.requests().is_empty());
    assert_json_post(
        &req,
        "/mapapi/download-backup?format=.zip",
        json!(["GPX", "FILE_RENDERING"]),
    );
    let osf = build_download_backup(&[], BackupFormat::default());
    assert_json_post(&osf, "/mapapi/download-backup?format=.osf", json!([]));
    assert_eq!(
        parse_content_disposition_filename("attachment; filename=Export_20-08-26.osf").as_deref(),
        Some("Export_20-08-26.osf")
    );
}

#[test]
fn download_backup_sends_the_same_request() {
    let types = vec!["PROFILE".to_string()];
    let req = sent!(
        HttpResponse::new(200, b"PK".to_vec()),
        api,
        api.download_backup(&types, BackupFormat::Osf)
    );
    assert_eq!(req, build_download_backup(&types, BackupFormat::Osf));
}

#[test]
fn download_file() {
    let req = sent!(
        HttpResponse::new(200, b"x".to_vec()),
        api,
        api.download_file(NAME, "GPX", Some(1_787_245_435_000))
    );
    assert_get(
        &req,
        &format!("/mapapi/download-file?name={NAME_Q}&type=GPX&updatetime=1787245435000"),
    );
    let req = sent!(
        HttpResponse::new(200, b"x".to_vec()),
        api,
        api.download_file("a.gpx", "GPX", None)
    );
    assert_get(&req, "/mapapi/download-file?name=a.gpx&type=GPX");
}

#[test]
fn download_file_from_prev_version() {
    let req = sent!(
        HttpResponse::new(200, b"x".to_vec()),
        api,
        api.download_file_from_prev_version("favorites.gpx", "FAVOURITES", 1_780_308_000_000)
    );
    assert_get(
        &req,
        "/mapapi/download-file-from-prev-version?name=favorites.gpx&type=FAVOURITES&updatetime=1780308000000",
    );
}

#[test]
fn delete_file_version() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.delete_file_version(NAME, "GPX", 42)
    );
    assert_empty_post(
        &req,
        &format!("/mapapi/delete-file-version?name={NAME_Q}&type=GPX&updatetime=42"),
    );
}

#[test]
fn delete_file() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.delete_file("rendering/my style.render.xml", "FILE")
    );
    assert_empty_post(
        &req,
        "/mapapi/delete-file?name=rendering%2Fmy%20style.render.xml&type=FILE",
    );
}

#[test]
fn delete_file_all_versions() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.delete_file_all_versions(NAME, "GPX", 7, true)
    );
    assert_get(
        &req,
        &format!(
            "/mapapi/delete-file-all-versions?name={NAME_Q}&type=GPX&updatetime=7&isTrash=true"
        ),
    );
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.delete_file_all_versions("a", "GPX", 7, false)
    );
    assert_get(
        &req,
        "/mapapi/delete-file-all-versions?name=a&type=GPX&updatetime=7&isTrash=false",
    );
}

#[test]
fn restore_file() {
    let body = r#"{"type":"GPX","name":"a","updatetimems":9,"zipSize":1}"#;
    let req = sent!(
        HttpResponse::text(200, body),
        api,
        api.restore_file(NAME, "GPX", 1_787_299_200_000)
    );
    assert_get(
        &req,
        &format!("/mapapi/restore-file?name={NAME_Q}&type=GPX&updatetime=1787299200000"),
    );
}

#[test]
fn empty_trash() {
    let items = vec![
        TrashItem {
            name: NAME.into(),
            r#type: "GPX".into(),
            updatetime: 1_787_299_200_000,
        },
        TrashItem {
            name: "favorites.gpx".into(),
            r#type: "FAVOURITES".into(),
            updatetime: 1,
        },
    ];
    let req = sent!(HttpResponse::ok(), api, api.empty_trash(&items));
    let body = json!([
        {"name": NAME, "type": "GPX", "updatetime": 1_787_299_200_000_i64},
        {"name": "favorites.gpx", "type": "FAVOURITES", "updatetime": 1},
    ]);
    assert_json_post(&req, "/mapapi/empty-trash", body);
    assert_eq!(req.wait, Wait::Long);
    // TrashItem's own serde form is the same wire shape.
    assert_eq!(serde_json::to_value(&items).unwrap(), json_of(&req));
}

#[test]
fn only_the_two_big_deletions_wait_long() {
    let others = [
        build_auth_info(),
        build_login("a@b.c", "pw", "en"),
        build_account_info(),
        build_list_files(&ListFilesQuery::history()),
        build_download_backup(&[], BackupFormat::Zip),
        build_delete_file_all_versions("a", "GPX", 1, true),
        build_restore_file("a", "GPX", 1),
    ];
    for req in others {
        assert_eq!(req.wait, Wait::Answer, "{}", req.url);
    }
}

#[test]
fn builders_match_client_calls() {
    assert_eq!(build_logout().path(), "/mapapi/auth/logout");
    assert_eq!(build_account_info().path(), "/mapapi/get-account-info");
    assert_eq!(
        build_delete_file_version("a", "b", 1).path(),
        "/mapapi/delete-file-version"
    );
    assert_eq!(normalize_email("  MiXed@Case.Org\t"), "mixed@case.org");
}

#[test]
fn cancel_login_link() {
    let req = sent!(
        HttpResponse::ok(),
        api,
        api.cancel_login_link(" Owner@Mail.org ", " 0a1b2c3d4e5f60718293a4b5c6d7e8f9 ")
    );
    assert_json_post(
        &req,
        "/mapapi/auth/cancel-link",
        json!({"username":"owner@mail.org","token":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}),
    );
}
