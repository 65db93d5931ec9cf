//! Sign-up, codes (wear-out, expiry, resend), the register throttle, activation, reset.
// Test crate: helpers outside #[test] fns may unwrap/index/panic too (clippy.toml covers only #[test] fns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use serde_json::json;

const REG_NEW: &str = "/mapapi/auth/register?lang=en&isNew=true";
const REG_OLD: &str = "/mapapi/auth/register?lang=en&isNew=false";

async fn register(s: &mut Server, uri: &str, email: &str) -> Resp {
    s.post_json(uri, json!({"username": email})).await
}

async fn validate(s: &mut Server, email: &str, code: &str) -> Resp {
    s.post_json(
        "/mapapi/auth/validate-token",
        json!({"username": email, "token": code}),
    )
    .await
}

async fn activate(s: &mut Server, email: &str, code: &str, password: &str) -> Resp {
    s.post_json(
        "/mapapi/auth/activate",
        json!({"username": email, "password": password, "token": code, "lang": "en"}),
    )
    .await
}

fn wrong(code: &str) -> String {
    if code == "1000" {
        "1001".into()
    } else {
        "1000".into()
    }
}

#[tokio::test]
async fn full_sign_up_flow() {
    let mut s = Server::new();
    register(&mut s, REG_NEW, "  New.User@Example.com ")
        .await
        .assert_ok_json();
    let mails = s.get("/dev/outbox").await.json();
    assert_eq!(mails.as_array().unwrap().len(), 1);
    assert_eq!(mails[0]["to"], "new.user@example.com");
    assert_eq!(mails[0]["action"], "setup");
    let code = mails[0]["code"].as_str().unwrap().to_owned();
    let n: u32 = code.parse().unwrap();
    assert!((1000..=9998).contains(&n));

    let dump = s.dump("new.user@example.com").await;
    assert_eq!(dump["token"], code.as_str());
    assert_eq!(dump["tokendevice"], "web");
    assert!(dump["devices"].as_array().unwrap().is_empty());

    validate(&mut s, "new.user@example.com", &code)
        .await
        .assert_ok_json();
    // A good check does not wear the code: it still works.
    validate(&mut s, "NEW.USER@example.com", &code)
        .await
        .assert_ok_json();
    let r = activate(&mut s, "new.user@example.com", &code, "long-enough").await;
    r.assert_ok_json();
    assert!(r.set_cookie().is_none(), "activate must not log in");
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");

    let dump = s.dump("new.user@example.com").await;
    assert_eq!(dump["token"], serde_json::Value::Null);
    assert_eq!(dump["tokentime"], serde_json::Value::Null);
    let devices = dump["devices"].as_array().unwrap();
    assert_eq!(devices.len(), 1);
    assert_eq!(devices[0]["deviceid"], "web");
    assert_eq!(devices[0]["brand"], "OsmAnd");
    assert_eq!(devices[0]["model"], "Web");
    assert_eq!(devices[0]["has_password"], true);

    s.login("new.user@example.com", "long-enough")
        .await
        .assert_ok_json();
    // The code is used up.
    validate(&mut s.browser(), "new.user@example.com", &code)
        .await
        .assert_text(400, "error_token");
}

#[tokio::test]
async fn register_parameter_and_body_errors() {
    let mut s = Server::new();
    s.post_json(
        "/mapapi/auth/register?lang=en",
        json!({"username": "a@b.c"}),
    )
    .await
    .assert_spring(400, "/mapapi/auth/register");
    s.post_json(
        "/mapapi/auth/register?isNew=true",
        json!({"username": "a@b.c"}),
    )
    .await
    .assert_spring(400, "/mapapi/auth/register");
    s.post_json(
        "/mapapi/auth/register?lang=en&isNew=maybe",
        json!({"username": "a@b.c"}),
    )
    .await
    .assert_spring(400, "/mapapi/auth/register");
    s.post_empty(REG_NEW)
        .await
        .assert_spring(415, "/mapapi/auth/register");
    s.post_json(REG_NEW, json!({}))
        .await
        .assert_text(400, "Username is required");
    for bad in ["no-at.example.com", "a@b", "@b.c", "a b@c.d", "a@b@c.d"] {
        register(&mut s, REG_NEW, bad)
            .await
            .assert_text(400, "Email is not valid.");
    }
    assert!(s
        .get("/dev/outbox")
        .await
        .json()
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn register_existing_accounts() {
    let mut s = Server::seeded();
    register(&mut s, REG_NEW, "demo@example.com")
        .await
        .assert_text(
            400,
            "An account is already registered with this email address.",
        );
    register(&mut s, REG_OLD, "nobody@example.com")
        .await
        .assert_text(400, "error_email");
    // isNew=false for an existing account: a password-reset code.
    register(&mut s, REG_OLD, "Demo@Example.com")
        .await
        .assert_ok_json();
    let mails = s.get("/dev/outbox?to=demo@example.com").await.json();
    assert_eq!(mails[0]["action"], "password");
    // An abandoned sign-up (no devices) can be started again.
    register(&mut s, REG_NEW, "half@example.com")
        .await
        .assert_ok_json();
    register(&mut s, REG_NEW, "half@example.com")
        .await
        .assert_ok_json();
    let dump = s.dump("half@example.com").await;
    assert!(dump["devices"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn resend_invalidates_the_previous_code() {
    let mut s = Server::new();
    register(&mut s, REG_NEW, "a@example.com")
        .await
        .assert_ok_json();
    let first = s.last_code("a@example.com").await;
    let mut second = first.clone();
    // Codes are random; resend until it differs (a repeat is 1 in 8999).
    while second == first {
        register(&mut s, REG_OLD, "a@example.com")
            .await
            .assert_ok_json();
        second = s.last_code("a@example.com").await;
    }
    validate(&mut s, "a@example.com", &first)
        .await
        .assert_text(400, "error_token");
    validate(&mut s, "a@example.com", &second)
        .await
        .assert_ok_json();
}

#[tokio::test]
async fn fourth_wrong_code_kills_the_right_one() {
    let mut s = Server::new();
    register(&mut s, REG_NEW, "w@example.com")
        .await
        .assert_ok_json();
    let code = s.last_code("w@example.com").await;
    for _ in 0..3 {
        validate(&mut s, "w@example.com", &wrong(&code))
            .await
            .assert_text(400, "error_token");
    }
    // Three failures: 21 h "old", still valid.
    validate(&mut s, "w@example.com", &code)
        .await
        .assert_ok_json();
    validate(&mut s, "w@example.com", &wrong(&code))
        .await
        .assert_text(400, "error_token");
    validate(&mut s, "w@example.com", &code)
        .await
        .assert_text(400, "error_token");
    // A new code cures it.
    register(&mut s, REG_OLD, "w@example.com")
        .await
        .assert_ok_json();
    let fresh = s.last_code("w@example.com").await;
    validate(&mut s, "w@example.com", &fresh)
        .await
        .assert_ok_json();
}

#[tokio::test]
async fn failed_activations_wear_the_code_too() {
    let mut s = Server::new();
    register(&mut s, REG_NEW, "w@example.com")
        .await
        .assert_ok_json();
    let code = s.last_code("w@example.com").await;
    for _ in 0..4 {
        activate(&mut s, "w@example.com", &wrong(&code), "long-enough")
            .await
            .assert_text(400, "error_token");
    }
    activate(&mut s, "w@example.com", &code, "long-enough")
        .await
        .assert_text(400, "error_token");
}

#[tokio::test]
async fn codes_expire_after_24_hours() {
    let mut s = Server::new();
    register(&mut s, REG_NEW, "t@example.com")
        .await
        .assert_ok_json();
    let code = s.last_code("t@example.com").await;
    s.advance(24 * HOUR - 1000);
    validate(&mut s, "t@example.com", &code)
        .await
        .assert_ok_json();
    s.advance(2000);
    validate(&mut s, "t@example.com", &code)
        .await
        .assert_text(400, "error_token");
}

#[tokio::test]
async fn an_old_code_tolerates_fewer_failures() {
    let mut s = Server::new();
    register(&mut s, REG_NEW, "t@example.com")
        .await
        .assert_ok_json();
    let code = s.last_code("t@example.com").await;
    s.advance(9 * HOUR);
    validate(&mut s, "t@example.com", &wrong(&code))
        .await
        .assert_text(400, "error_token"); // 16 h
    validate(&mut s, "t@example.com", &code)
        .await
        .assert_ok_json();
    validate(&mut s, "t@example.com", &wrong(&code))
        .await
        .assert_text(400, "error_token"); // 23 h
    validate(&mut s, "t@example.com", &code)
        .await
        .assert_ok_json();
    validate(&mut s, "t@example.com", &wrong(&code))
        .await
        .assert_text(400, "error_token"); // 30 h
    validate(&mut s, "t@example.com", &code)
        .await
        .assert_text(400, "error_token");
}

#[tokio::test]
async fn validate_token_errors() {
    let mut s = Server::seeded();
    s.post_json("/mapapi/auth/validate-token", json!({"token": "1234"}))
        .await
        .assert_text(400, "Username and token are required");
    s.post_json(
        "/mapapi/auth/validate-token",
        json!({"username": "demo@example.com"}),
    )
    .await
    .assert_text(400, "Token are required");
    validate(&mut s, "nobody@example.com", "1234")
        .await
        .assert_text(400, "error_email");
    // No code was ever sent: a plain error_token, no 500.
    validate(&mut s, "demo@example.com", "1234")
        .await
        .assert_text(400, "error_token");
    s.post_empty("/mapapi/auth/validate-token")
        .await
        .assert_spring(415, "/mapapi/auth/validate-token");
}

#[tokio::test]
async fn short_password_is_error_112_and_keeps_the_code() {
    let mut s = Server::new();
    register(&mut s, REG_NEW, "p@example.com")
        .await
        .assert_ok_json();
    let code = s.last_code("p@example.com").await;
    activate(&mut s, "p@example.com", &code, "1234567")
        .await
        .assert(
            400,
            JSON,
            r#"{"error":{"errorCode":112,"message":"enter password with at least 8 symbols"}}"#,
        );
    activate(&mut s, "p@example.com", &code, "12345678")
        .await
        .assert_ok_json();
}

#[tokio::test]
async fn activate_errors() {
    let mut s = Server::seeded();
    s.post_json(
        "/mapapi/auth/activate",
        json!({"username": "demo@example.com", "token": "1"}),
    )
    .await
    .assert_text(400, "Username and password are required");
    s.post_json(
        "/mapapi/auth/activate",
        json!({"username": "demo@example.com", "password": "long-enough"}),
    )
    .await
    .assert_text(400, "Token are required");
    activate(&mut s, "nobody@example.com", "1234", "long-enough")
        .await
        .assert_text(400, "error_email");
    activate(&mut s, "demo@example.com", "1234", "long-enough")
        .await
        .assert_text(400, "error_token");
}

#[tokio::test]
async fn password_reset_replaces_the_old_password() {
    let mut s = Server::seeded();
    register(&mut s, REG_OLD, "demo@example.com")
        .await
        .assert_ok_json();
    let code = s.last_code("demo@example.com").await;
    activate(&mut s, "demo@example.com", &code, "brand-new-password")
        .await
        .assert_ok_json();
    s.login("demo@example.com", "demo-password")
        .await
        .assert_text(400, "error_password");
    s.login("demo@example.com", "brand-new-password")
        .await
        .assert_ok_json();
    // Mobile devices and files are untouched; still Pro.
    let dump = s.dump("demo@example.com").await;
    assert_eq!(dump["devices"].as_array().unwrap().len(), 4);
    assert_eq!(dump["orderid"], "FS-DEMO-1001");
}

#[tokio::test]
async fn a_permanent_token_is_kept() {
    let mut s = Server::seeded();
    s.state
        .db
        .with(|c| {
            Ok(c.execute(
                "UPDATE accounts SET token = 'SUPPORT-12345' WHERE email = 'demo@example.com'",
                [],
            )?)
        })
        .unwrap();
    register(&mut s, REG_OLD, "demo@example.com")
        .await
        .assert_ok_json();
    assert_eq!(s.last_code("demo@example.com").await, "SUPPORT-12345");
    validate(&mut s, "demo@example.com", "SUPPORT-12345")
        .await
        .assert_ok_json();
}

#[tokio::test]
async fn the_101st_register_call_per_ip_is_429() {
    let mut s = Server::new();
    s.ip = Some("203.0.113.7".into());
    for i in 0..100 {
        // Bad and good calls count alike.
        let email = if i % 2 == 0 {
            "bad".to_owned()
        } else {
            format!("u{i}@example.com")
        };
        let r = register(&mut s, REG_NEW, &email).await;
        assert_ne!(r.status, 429, "call {i}");
    }
    register(&mut s, REG_NEW, "x@example.com")
        .await
        .assert_text(429, "Too many requests. Try again later.");
    // Only the first X-Forwarded-For entry counts: another client is fine.
    let mut other = s.browser();
    other.ip = Some("198.51.100.1, 203.0.113.7".into());
    register(&mut other, REG_NEW, "y@example.com")
        .await
        .assert_ok_json();
    // Rejected calls do not extend the window; 24 h after the last counted call it reopens.
    s.advance(24 * HOUR - 1000);
    register(&mut s, REG_NEW, "x@example.com")
        .await
        .assert_text(429, "Too many requests. Try again later.");
    s.advance(1000);
    register(&mut s, REG_NEW, "x@example.com")
        .await
        .assert_ok_json();
}

#[tokio::test]
async fn throttle_can_be_cleared_by_dev_hook() {
    let mut s = Server::new();
    for _ in 0..100 {
        register(&mut s, REG_NEW, "bad").await;
    }
    assert_eq!(register(&mut s, REG_NEW, "bad").await.status, 429);
    s.delete("/dev/throttle").await.assert_ok_json();
    register(&mut s, REG_NEW, "bad")
        .await
        .assert_text(400, "Email is not valid.");
}
