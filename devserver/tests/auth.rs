//! Login, logout, info, the 302 rule and the session cookie.
// Test crate: helpers outside #[test] fns may unwrap/index/panic too (clippy.toml covers only #[test] fns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use axum::http::Method;
use common::*;
use devserver::AppState;
use serde_json::json;

#[tokio::test]
async fn info_is_null_when_logged_out_and_user_when_logged_in() {
    let mut s = Server::seeded();
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
    s.login_demo().await;
    let r = s.get("/mapapi/auth/info").await;
    assert_eq!(r.content_type(), JSON);
    assert_eq!(
        r.json(),
        json!({"username": "demo@example.com", "roles": ["ROLE_PRO_USER"]})
    );
}

#[tokio::test]
async fn info_shows_the_username_as_typed() {
    let mut s = Server::seeded();
    s.login(" Demo@Example.com", "demo-password")
        .await
        .assert_ok_json();
    let r = s.get("/mapapi/auth/info").await;
    assert_eq!(r.json()["username"], " Demo@Example.com");
}

#[tokio::test]
async fn login_success_sets_a_session_cookie_without_max_age() {
    let mut s = Server::seeded();
    let r = s.login("demo@example.com", "demo-password").await;
    r.assert_ok_json();
    let cookie = r.set_cookie().unwrap();
    let token = s.cookie.clone().unwrap();
    assert!(token.len() >= 32);
    assert_eq!(
        cookie,
        format!("JSESSIONID={token}; Path=/; HttpOnly; SameSite=Lax")
    );
}

#[tokio::test]
async fn a_remember_flag_is_ignored_like_the_reference_and_https_adds_secure() {
    let mut s = Server::seeded();
    // The reference's UserPasswordPost has no such field: no persistent cookie for it.
    let body =
        json!({"username": "demo@example.com", "password": "demo-password", "remember": true});
    let r = s.post_json("/mapapi/auth/login", body.clone()).await;
    r.assert_ok_json();
    let cookie = r.set_cookie().unwrap();
    assert!(
        cookie.ends_with("; Path=/; HttpOnly; SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Max-Age"), "{cookie}");

    let mut b = s.browser();
    let r = b
        .request(
            Method::POST,
            "/mapapi/auth/login",
            &[("content-type", JSON), ("x-forwarded-proto", "https")],
            json!({"username": "demo@example.com", "password": "demo-password"})
                .to_string()
                .into_bytes(),
        )
        .await;
    r.assert_ok_json();
    let cookie = r.set_cookie().unwrap();
    assert!(
        cookie.ends_with("; Path=/; HttpOnly; SameSite=Lax; Secure"),
        "{cookie}"
    );
    assert!(!cookie.contains("Max-Age"));
}

#[tokio::test]
async fn login_errors_are_plain_text() {
    let mut s = Server::seeded();
    s.login("demo@example.com", "wrong-password")
        .await
        .assert_text(400, "error_password");
    s.login("nobody@example.com", "demo-password")
        .await
        .assert_text(400, "error_email");
    s.post_json(
        "/mapapi/auth/login",
        json!({"username": "demo@example.com"}),
    )
    .await
    .assert_text(400, "Username and password are required");
    s.post_json("/mapapi/auth/login", json!({"password": "x", "lang": "en"}))
        .await
        .assert_text(400, "Username and password are required");
    assert!(s.cookie.is_none());
}

#[tokio::test]
async fn login_without_a_web_device_is_error_password() {
    let mut s = Server::seeded();
    // An account that only exists through the app: no web device.
    s.state
        .db
        .with(|c| Ok(c.execute("DELETE FROM devices WHERE deviceid = 'web'", [])?))
        .unwrap();
    s.login("demo@example.com", "demo-password")
        .await
        .assert_text(400, "error_password");
}

#[tokio::test]
async fn login_requires_json_content_type_and_valid_json() {
    let mut s = Server::seeded();
    let body = json!({"username": "demo@example.com", "password": "demo-password"}).to_string();
    let r = s
        .request(
            Method::POST,
            "/mapapi/auth/login",
            &[("content-type", "text/plain")],
            body.clone().into_bytes(),
        )
        .await;
    r.assert_spring(415, "/mapapi/auth/login");
    let r = s
        .request(Method::POST, "/mapapi/auth/login", &[], body.into_bytes())
        .await;
    r.assert_spring(415, "/mapapi/auth/login");
    let r = s
        .request(
            Method::POST,
            "/mapapi/auth/login",
            &[("content-type", JSON)],
            b"{not json".to_vec(),
        )
        .await;
    r.assert_spring(400, "/mapapi/auth/login");
    // Parameters after the media type are fine.
    let r = s
        .request(
            Method::POST,
            "/mapapi/auth/login",
            &[("content-type", "application/json;charset=UTF-8")],
            json!({"username": "demo@example.com", "password": "demo-password"})
                .to_string()
                .into_bytes(),
        )
        .await;
    r.assert_ok_json();
}

#[tokio::test]
async fn login_updates_the_web_device_language() {
    let mut s = Server::seeded();
    s.post_json(
        "/mapapi/auth/login",
        json!({"username": "demo@example.com", "password": "demo-password", "lang": "de"}),
    )
    .await
    .assert_ok_json();
    let dump = s.dump("demo@example.com").await;
    let web = dump["devices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["deviceid"] == "web")
        .unwrap();
    assert_eq!(web["lang"], "de");
}

#[tokio::test]
async fn logout_ends_the_server_side_session() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let token = s.cookie.clone().unwrap();
    let r = s.post_json("/mapapi/auth/logout", json!({})).await;
    r.assert_ok_json();
    let cookie = r.set_cookie().unwrap();
    assert!(cookie.starts_with("JSESSIONID=; Path=/"), "{cookie}");
    assert!(cookie.contains("Max-Age=0"));
    // Re-sending the old cookie does not work any more.
    s.cookie = Some(token);
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
    assert_eq!(s.get("/mapapi/get-account-info").await.status, 302);
}

#[tokio::test]
async fn logout_is_ok_when_logged_out_but_needs_json() {
    let mut s = Server::seeded();
    s.post_json("/mapapi/auth/logout", json!({}))
        .await
        .assert_ok_json();
    s.post_empty("/mapapi/auth/logout")
        .await
        .assert_spring(415, "/mapapi/auth/logout");
}

#[tokio::test]
async fn a_second_login_replaces_the_session() {
    let mut s = Server::seeded();
    s.login_demo().await;
    let first = s.cookie.clone().unwrap();
    s.login("start@example.com", "start-password")
        .await
        .assert_ok_json();
    assert_ne!(s.cookie.as_deref(), Some(first.as_str()));
    assert_eq!(
        s.get("/mapapi/auth/info").await.json()["username"],
        "start@example.com"
    );
    let mut old = s.browser();
    old.cookie = Some(first);
    old.get("/mapapi/auth/info").await.assert(200, JSON, "null");
}

#[tokio::test]
async fn protected_paths_redirect_with_302_to_the_account_page() {
    let mut s = Server::seeded();
    let r = s
        .get("/mapapi/list-files?allVersions=true&name=a%20b")
        .await;
    assert_eq!(r.status, 302);
    assert_eq!(
        r.header("location").unwrap(),
        "http://localhost:8080/map/account/?redirect=%2Fmapapi%2Flist-files%3FallVersions%3Dtrue%26name%3Da%2520b"
    );
    assert_eq!(r.body, "");
    // POSTs and unknown /mapapi paths too; the scheme follows X-Forwarded-Proto.
    let r = s
        .request(
            Method::POST,
            "/mapapi/download-backup?format=.zip",
            &[("x-forwarded-proto", "https"), ("host", "osmand.test")],
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, 302);
    assert_eq!(
        r.header("location").unwrap(),
        "https://osmand.test/map/account/?redirect=%2Fmapapi%2Fdownload-backup%3Fformat%3D.zip"
    );
    // Handlers under /mapapi/auth/ answer 401 instead.
    s.post_empty("/mapapi/auth/send-code?action=change&lang=en")
        .await
        .assert_text(401, "Unauthorized");
    // Logged in, an unknown /mapapi path is Spring's 404.
    s.login_demo().await;
    s.get("/mapapi/no-such-thing")
        .await
        .assert_spring(404, "/mapapi/no-such-thing");
}

#[tokio::test]
async fn sessions_expire_after_30_idle_days() {
    let mut s = Server::seeded();
    s.login_demo().await;
    s.advance(29 * DAY);
    assert_eq!(
        s.get("/mapapi/auth/info").await.json()["username"],
        "demo@example.com"
    );
    // Using it slid the expiry.
    s.advance(29 * DAY);
    assert_eq!(
        s.get("/mapapi/auth/info").await.json()["username"],
        "demo@example.com"
    );
    s.advance(30 * DAY + 1);
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
}

#[tokio::test]
async fn sessions_survive_a_restart() {
    let path =
        std::env::temp_dir().join(format!("devserver-restart-{}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let cookie = {
        let state = AppState::new(devserver::db::Db::open(&path).unwrap(), config(true));
        state.seed_demo().unwrap();
        let mut s = Server::from_state(state);
        s.login_demo().await;
        s.cookie.clone().unwrap()
    };
    let state = AppState::new(devserver::db::Db::open(&path).unwrap(), config(true));
    let mut s = Server::from_state(state);
    s.cookie = Some(cookie);
    assert_eq!(
        s.get("/mapapi/auth/info").await.json()["username"],
        "demo@example.com"
    );
    drop(s);
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
}

#[tokio::test]
async fn the_cookie_name_is_configurable() {
    let mut cfg = config(true);
    cfg.cookie_name = "SESSION".to_owned();
    let mut s = Server::with_config(cfg);
    s.state.seed_demo().unwrap();
    let r = s.login("demo@example.com", "demo-password").await;
    let sc = r.set_cookie().unwrap().to_owned();
    assert!(sc.starts_with("SESSION="), "{sc}");
    let token = sc
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("SESSION=")
        .to_owned();
    s.cookie = None;
    let r = s
        .request(
            Method::GET,
            "/mapapi/auth/info",
            &[("cookie", &format!("SESSION={token}"))],
            Vec::new(),
        )
        .await;
    assert_eq!(r.json()["username"], "demo@example.com");
}
