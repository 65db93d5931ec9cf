//! Security headers and cookie attributes on every kind of response.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod common;

use common::Server;
use serde_json::json;

fn assert_headers(r: &common::Resp) {
    let csp = r.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(!csp.contains("'unsafe-inline'; ") || csp.contains("style-src-attr 'unsafe-inline'"));
    assert!(!csp.contains("script-src 'self' 'unsafe-inline'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
}

#[tokio::test]
async fn api_answers_errors_and_redirects_carry_the_headers() {
    let mut s = Server::seeded();
    assert_headers(&s.get("/mapapi/auth/info").await);
    assert_headers(&s.get("/mapapi/list-files").await); // 302 to login
    let r = s
        .post_json(
            "/mapapi/auth/login",
            json!({"username": "demo@example.com", "password": "x"}),
        )
        .await;
    assert_eq!(r.status, 400);
    assert_headers(&r);
}

#[tokio::test]
async fn session_cookie_is_httponly_samesite_and_secure_only_over_https() {
    let mut s = Server::seeded();
    let creds = json!({"username": "demo@example.com", "password": "demo-password"});
    let r = s.post_json("/mapapi/auth/login", creds.clone()).await;
    let cookie = r.set_cookie().unwrap_or_default().to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
    let mut https = s.browser();
    let r = https
        .request(
            axum::http::Method::POST,
            "/mapapi/auth/login",
            &[
                ("content-type", "application/json"),
                ("x-forwarded-proto", "https"),
            ],
            creds.to_string().into_bytes(),
        )
        .await;
    let cookie = r.set_cookie().unwrap_or_default();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
}
