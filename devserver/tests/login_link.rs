//! Support login links: `/dev/login-links` (what support does) and `POST /mapapi/auth/cancel-link`
//! with the real server's answers (mapapi.md §8).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use serde_json::json;

const NOT_VALID: &str = "Link is not valid or already cancelled";

#[tokio::test]
async fn the_owner_cancels_a_link_once_with_the_mailed_code() {
    let mut s = Server::seeded();
    let made = s
        .post_json("/dev/login-links", json!({"email": "Demo@Example.com"}))
        .await
        .json();
    let code = made["cancelCode"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 32);
    assert_eq!(made["link"].as_str().unwrap().len(), 48);
    assert_eq!(
        made["cancelUrl"],
        format!("/map/account/?email=demo@example.com&cancel-link={code}")
    );
    // The owner was mailed the cancel code.
    assert_eq!(s.last_code("demo@example.com").await, code);

    // Public: no session needed. Wrong code or other address: refused, link still live.
    let mut anon = s.browser();
    anon.post_json(
        "/mapapi/auth/cancel-link",
        json!({"username": "demo@example.com", "token": "0".repeat(32)}),
    )
    .await
    .assert_text(400, NOT_VALID);
    anon.post_json(
        "/mapapi/auth/cancel-link",
        json!({"username": "start@example.com", "token": code}),
    )
    .await
    .assert_text(400, NOT_VALID);
    assert!(s
        .state
        .db
        .with(|c| Ok(devserver::routes::login_link::has_live_link(
            c,
            "demo@example.com"
        )?))
        .unwrap());

    anon.post_json(
        "/mapapi/auth/cancel-link",
        json!({"username": " DEMO@example.com ", "token": code}),
    )
    .await
    .assert_ok_json();
    assert!(!s
        .state
        .db
        .with(|c| Ok(devserver::routes::login_link::has_live_link(
            c,
            "demo@example.com"
        )?))
        .unwrap());
    // A cancelled link stays cancelled.
    anon.post_json(
        "/mapapi/auth/cancel-link",
        json!({"username": "demo@example.com", "token": code}),
    )
    .await
    .assert_text(400, NOT_VALID);
}

#[tokio::test]
async fn no_link_for_an_unknown_address_and_a_missing_body_is_refused() {
    let mut s = Server::seeded();
    let r = s
        .post_json("/dev/login-links", json!({"email": "nobody@example.com"}))
        .await;
    assert_eq!(r.status, 400);
    s.post_json("/mapapi/auth/cancel-link", json!({}))
        .await
        .assert_text(400, NOT_VALID);
}
