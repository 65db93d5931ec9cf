//! Error mapping (mapapi.md §2.2): every `ApiError` variant through `classify` and the client.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{block_on, client};
use osmand_api::client::ListFilesQuery;
use osmand_api::http::{classify, HttpResponse};
use osmand_api::ApiError;

fn err(resp: HttpResponse) -> ApiError {
    classify(resp).unwrap_err()
}

/// What `login` returns when the server answers `resp`.
fn login_with(resp: HttpResponse) -> Result<(), ApiError> {
    let (api, mock) = client();
    mock.push_response(resp);
    block_on(api.login("a@b.c", "pw", "en"))
}

#[test]
fn success_passes_through() {
    let resp = HttpResponse::text(200, "anything");
    assert_eq!(classify(resp.clone()), Ok(resp));
    assert!(classify(HttpResponse::new(204, "")).is_ok());
    assert_eq!(login_with(HttpResponse::ok()), Ok(()));
    assert_eq!(
        login_with(HttpResponse::json(200, r#"{"status":"ok","extra":1}"#)),
        Ok(())
    );
}

#[test]
fn plain_text_400_is_rejected() {
    let e = login_with(HttpResponse::text(400, "error_email")).unwrap_err();
    assert_eq!(
        e,
        ApiError::Rejected {
            status: 400,
            text: "error_email".into()
        }
    );
    assert!(e.is_rejection("error_email"));
    assert_eq!(e.server_text(), Some("error_email"));

    let e = login_with(HttpResponse::text(400, "error_password\n")).unwrap_err();
    assert!(e.is_rejection("error_password"));

    let e = err(HttpResponse::new(
        400,
        "Token is not valid or expired (24h)",
    ));
    assert!(e.is_rejection("Token is not valid or expired (24h)"));
    // No Content-Type at all, and a 409 from the newer FastSpring endpoint.
    assert_eq!(
        err(HttpResponse::new(409, "Already purchased x y")),
        ApiError::Rejected {
            status: 409,
            text: "Already purchased x y".into()
        }
    );
    assert_eq!(
        err(HttpResponse::new(400, "")),
        ApiError::Rejected {
            status: 400,
            text: String::new()
        }
    );
}

#[test]
fn api_exception_json() {
    let body = r#"{"error":{"errorCode":112,"message":"enter password with at least 8 symbols"}}"#;
    let (api, mock) = client();
    mock.push_json(400, body);
    let e = block_on(api.activate("a@b.c", "short", "1234", "en")).unwrap_err();
    assert_eq!(
        e,
        ApiError::Api {
            status: 400,
            code: 112,
            message: "enter password with at least 8 symbols".into()
        }
    );
    assert_eq!(
        e.server_text(),
        Some("enter password with at least 8 symbols")
    );

    // Served as text/plain, and the newer per-second cap (code 104).
    let cap = r#"{"error":{"errorCode":104,"message":"Too many requests. Try again later."}}"#;
    assert!(matches!(
        err(HttpResponse::text(400, cap)),
        ApiError::Api { code: 104, .. }
    ));
    let e = err(HttpResponse::text(
        400,
        r#"{"error":{"errorCode":106,"message":"File is not available"}}"#,
    ));
    assert!(e.is_rejection("File is not available"));
}

#[test]
fn spring_default_400_json() {
    let body = r#"{"timestamp":"2026-08-20T15:03:55.123+00:00","status":400,"error":"Bad Request","path":"/mapapi/auth/register"}"#;
    assert_eq!(
        err(HttpResponse::json(400, body)),
        ApiError::Rejected {
            status: 400,
            text: "Bad Request".into()
        }
    );

    let with_message = r#"{"timestamp":"x","status":400,"error":"Bad Request","message":"Required parameter 'isNew' is not present.","path":"/p"}"#;
    assert_eq!(
        err(HttpResponse::json(400, with_message)),
        ApiError::Rejected {
            status: 400,
            text: "Required parameter 'isNew' is not present.".into()
        }
    );
    let no_message = r#"{"timestamp":"x","status":415,"error":"Unsupported Media Type","message":"No message available","path":"/p"}"#;
    assert_eq!(
        err(HttpResponse::json(415, no_message)),
        ApiError::Http {
            status: 415,
            text: "Unsupported Media Type".into()
        }
    );
}

#[test]
fn unauthorized_401() {
    let (api, mock) = client();
    mock.push_text(401, "Unauthorized");
    let e = block_on(api.send_code(osmand_api::client::CodeAction::Delete, "en")).unwrap_err();
    assert_eq!(e, ApiError::Unauthorized);
    assert!(e.is_session_end());
    assert_eq!(err(HttpResponse::new(401, "")), ApiError::Unauthorized);
}

#[test]
fn redirect_302_with_and_without_redirect_param() {
    let (api, mock) = client();
    mock.push_response(HttpResponse::redirect(
        "https://osmand.net/map/account/?redirect=%2Fmapapi%2Flist-files%3FallVersions%3Dtrue%26addDevices%3Dtrue",
    ));
    let e = block_on(api.list_files(&ListFilesQuery::history())).unwrap_err();
    assert_eq!(
        e,
        ApiError::SessionExpired {
            redirect: Some("/mapapi/list-files?allVersions=true&addDevices=true".into())
        }
    );
    assert!(e.is_session_end());

    assert_eq!(
        err(HttpResponse::redirect("https://osmand.net/map/account/")),
        ApiError::SessionExpired { redirect: None }
    );
    let mut no_location = HttpResponse::new(302, "");
    no_location.location = None;
    assert_eq!(
        err(no_location),
        ApiError::SessionExpired { redirect: None }
    );
    assert_eq!(
        err(HttpResponse::new(301, "")),
        ApiError::SessionExpired { redirect: None }
    );
}

#[test]
fn opaque_redirect() {
    let (api, mock) = client();
    mock.push_response(HttpResponse::opaque_redirect());
    let e = block_on(api.account_info()).unwrap_err();
    assert_eq!(e, ApiError::SessionExpired { redirect: None });
    assert_eq!(e.server_text(), None);
}

#[test]
fn too_many_requests_429() {
    let (api, mock) = client();
    mock.push_text(429, "Too many requests. Try again later.");
    let e = block_on(api.register("a@b.c", "en", true)).unwrap_err();
    assert_eq!(
        e,
        ApiError::TooManyRequests("Too many requests. Try again later.".into())
    );
    assert_eq!(e.server_text(), Some("Too many requests. Try again later."));
    assert_eq!(
        err(HttpResponse::new(429, "")),
        ApiError::TooManyRequests(String::new())
    );
}

#[test]
fn server_errors() {
    let spring = r#"{"timestamp":"2026-08-20T15:03:55.123+00:00","status":500,"error":"Internal Server Error","path":"/mapapi/auth/delete-account"}"#;
    let (api, mock) = client();
    mock.push_json(500, spring);
    let e = block_on(api.delete_account("1234")).unwrap_err();
    assert_eq!(
        e,
        ApiError::Server {
            status: 500,
            text: "Internal Server Error".into()
        }
    );

    let empty = err(HttpResponse::new(502, ""));
    assert_eq!(
        empty,
        ApiError::Server {
            status: 502,
            text: String::new()
        }
    );
    assert_eq!(empty.server_text(), None);

    let mut proxy_page = HttpResponse::new(503, "<html><body>Service Unavailable</body></html>");
    proxy_page.content_type = Some("text/html".into());
    assert_eq!(
        err(proxy_page),
        ApiError::Server {
            status: 503,
            text: String::new()
        }
    );
    assert_eq!(
        err(HttpResponse::text(
            500,
            "  Failed to create checkout session \n"
        )),
        ApiError::Server {
            status: 500,
            text: "Failed to create checkout session".into()
        }
    );
}

#[test]
fn other_statuses_are_http() {
    assert_eq!(
        err(HttpResponse::new(0, "")),
        ApiError::Http {
            status: 0,
            text: String::new()
        }
    );
    assert_eq!(
        err(HttpResponse::new(101, "up")),
        ApiError::Http {
            status: 101,
            text: "up".into()
        }
    );
    // Not a business status: 404 from a static host or the wasm test runner, with or without text.
    assert_eq!(
        err(HttpResponse::new(404, "")),
        ApiError::Http {
            status: 404,
            text: String::new()
        }
    );
    assert_eq!(
        err(HttpResponse::new(405, "Method Not Allowed")),
        ApiError::Http {
            status: 405,
            text: "Method Not Allowed".into()
        }
    );
    let mut html_400 = HttpResponse::new(400, "<html>Bad Request</html>");
    html_400.content_type = Some("text/html".into());
    assert_eq!(
        err(html_400),
        ApiError::Http {
            status: 400,
            text: String::new()
        }
    );
    let mut html_404 = HttpResponse::new(404, "<!DOCTYPE html><title>Not found</title>");
    html_404.content_type = Some("text/html;charset=UTF-8".into());
    assert_eq!(
        err(html_404),
        ApiError::Http {
            status: 404,
            text: String::new()
        }
    );
}

#[test]
fn malformed_success_is_decode() {
    let (api, mock) = client();
    mock.push_json(200, r#"{"totalZipSize": 1,"#);
    assert!(matches!(
        block_on(api.list_files(&ListFilesQuery::latest())),
        Err(ApiError::Decode(_))
    ));
    mock.push_text(200, "OK");
    let e = block_on(api.logout()).unwrap_err();
    assert!(
        matches!(&e, ApiError::Decode(m) if m.contains("OK")),
        "{e:?}"
    );
    assert_eq!(e.server_text(), None);
}

#[test]
fn transport_errors_pass_unchanged() {
    let (api, mock) = client();
    mock.push_error(ApiError::Network("connection refused".into()));
    assert_eq!(
        block_on(api.auth_info()),
        Err(ApiError::Network("connection refused".into()))
    );
    mock.push_error(ApiError::Aborted);
    assert_eq!(block_on(api.auth_info()), Err(ApiError::Aborted));
    // Nothing queued: the empty mock behaves like an unreachable server.
    assert!(matches!(
        block_on(api.auth_info()),
        Err(ApiError::Network(_))
    ));
    assert_eq!(mock.requests().len(), 3);
}

#[test]
fn delete_account_text_body() {
    let (api, mock) = client();
    mock.push_text(200, "Account has been successfully deleted (email a@b.c)");
    assert_eq!(
        block_on(api.delete_account("1234")).unwrap(),
        "Account has been successfully deleted (email a@b.c)"
    );
    // A 200 that is not the confirmation (a garbled or foreign body) is not a deletion.
    mock.push_text(200, "{\"status\":\"ok\",\"info\":{\"acc");
    assert!(matches!(
        block_on(api.delete_account("1234")),
        Err(ApiError::Decode(_))
    ));
    mock.push_text(200, "");
    assert!(matches!(
        block_on(api.delete_account("1234")),
        Err(ApiError::Decode(_))
    ));
    mock.push_text(
        400,
        "Token is not valid or expired (24h), or password is not valid",
    );
    assert!(block_on(api.delete_account("1"))
        .unwrap_err()
        .is_rejection("Token is not valid or expired (24h), or password is not valid"));
}

#[test]
fn downloads_keep_bytes_and_name() {
    let (api, mock) = client();
    let mut resp = HttpResponse::new(200, vec![0x1f, 0x8b, 0, 255]);
    resp.content_disposition = Some("attachment; filename=My+track%20%C3%BC.gpx".into());
    mock.push_response(resp);
    let d = block_on(api.download_file("My track ü.gpx", "GPX", Some(5))).unwrap();
    assert_eq!(d.bytes, vec![0x1f, 0x8b, 0, 255]);
    assert_eq!(d.filename.as_deref(), Some("My track ü.gpx"));

    mock.push_response(HttpResponse::new(200, Vec::new()));
    let missing = block_on(api.download_file_from_prev_version("x", "GPX", 5)).unwrap();
    assert!(missing.bytes.is_empty() && missing.filename.is_none());

    let mut zip = HttpResponse::new(200, b"PK".to_vec());
    zip.content_type = Some("application/zip".into());
    zip.content_disposition = Some("attachment; filename=Export_20-08-26.zip".into());
    mock.push_response(zip);
    let types = vec!["GPX".to_string()];
    let backup =
        block_on(api.download_backup(&types, osmand_api::client::BackupFormat::Zip)).unwrap();
    assert_eq!(backup.filename.as_deref(), Some("Export_20-08-26.zip"));
}

#[test]
fn mock_responder_fallback() {
    let mock = osmand_api::mock::MockTransport::with_responder(|req| {
        Ok(match req.path() {
            "/mapapi/auth/info" => HttpResponse::json(200, "null"),
            _ => HttpResponse::new(404, "no route"),
        })
    });
    let api = osmand_api::Client::new(mock.clone());
    mock.push_json(200, r#"{"username":"q@q.q","roles":[]}"#);
    assert!(
        block_on(api.auth_info()).unwrap().is_some(),
        "queued answers go first"
    );
    assert_eq!(block_on(api.auth_info()), Ok(None));
    assert_eq!(
        block_on(api.account_info()),
        Err(ApiError::Http {
            status: 404,
            text: "no route".into()
        })
    );
    assert_eq!(mock.pending(), 0);
    mock.clear();
    assert!(mock.requests().is_empty());
}
