//! send-code, change e-mail, delete account.
// Test crate: helpers outside #[test] fns may unwrap/index/panic too (clippy.toml covers only #[test] fns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use serde_json::{json, Value};

async fn send_code(s: &mut Server, action: &str) -> Resp {
    s.post_empty(&format!("/mapapi/auth/send-code?action={action}&lang=en"))
        .await
}

async fn to_new(s: &mut Server, email: &str, code: &str) -> Resp {
    s.post_empty(&format!(
        "/mapapi/auth/send-code-to-new-email?action=change&lang=en&email={email}&code={code}"
    ))
    .await
}

async fn change(s: &mut Server, email: &str, code: &str) -> Resp {
    s.post_json(
        "/mapapi/auth/change-email",
        json!({"username": email, "password": null, "token": code, "lang": "en"}),
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
async fn send_code_rules() {
    let mut s = Server::seeded();
    send_code(&mut s, "change")
        .await
        .assert_text(401, "Unauthorized");
    s.login_demo().await;
    s.post_empty("/mapapi/auth/send-code?action=change")
        .await
        .assert_spring(400, "/mapapi/auth/send-code");
    s.post_empty("/mapapi/auth/send-code?lang=en")
        .await
        .assert_spring(400, "/mapapi/auth/send-code");
    send_code(&mut s, "launch")
        .await
        .assert_text(400, "Unknown action");
    for action in ["setup", "change", "delete"] {
        send_code(&mut s, action)
            .await
            .assert(200, TEXT, r#"{"status":"ok"}"#);
        let mails = s.get("/dev/outbox?to=demo@example.com").await.json();
        assert_eq!(mails[0]["action"], action);
        assert_eq!(mails[0]["lang"], "en");
    }
    assert_eq!(
        s.get("/dev/outbox").await.json().as_array().unwrap().len(),
        3
    );
}

#[tokio::test]
async fn change_email_happy_path() {
    let mut s = Server::seeded();
    s.login_demo().await;
    send_code(&mut s, "change")
        .await
        .assert(200, TEXT, r#"{"status":"ok"}"#);
    let old_code = s.last_code("demo@example.com").await;
    to_new(&mut s, "fresh@example.com", &old_code)
        .await
        .assert(200, TEXT, r#"{"status":"ok"}"#);
    let new_code = s.last_code("fresh@example.com").await;
    let r = change(&mut s, "Fresh@Example.com", &new_code).await;
    r.assert(200, TEXT, r#"{"status":"ok"}"#);
    assert!(r.set_cookie().unwrap().contains("Max-Age=0"));

    // The session has ended.
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
    // The old address got a notice with the new one masked.
    let mails = s.get("/dev/outbox?to=demo@example.com").await.json();
    assert_eq!(mails[0]["action"], "email-changed");
    assert_eq!(mails[0]["code"], Value::Null);
    assert!(mails[0]["body"]
        .as_str()
        .unwrap()
        .contains("f***@example.com"));
    // Same account (id, files, Pro) under the new address; the old one is gone.
    assert_eq!(s.get("/dev/accounts/demo@example.com").await.status, 404);
    let dump = s.dump("fresh@example.com").await;
    assert_eq!(dump["id"], 1);
    assert_eq!(dump["orderid"], "FS-DEMO-1001");
    assert!(dump["file_versions"].as_i64().unwrap() > 20);
    s.login("demo@example.com", "demo-password")
        .await
        .assert_text(400, "error_email");
    s.login("fresh@example.com", "demo-password")
        .await
        .assert_ok_json();
}

#[tokio::test]
async fn send_code_to_new_email_errors() {
    let mut s = Server::seeded();
    // The e-mail check comes before the session check.
    to_new(&mut s, "not-an-email", "1234")
        .await
        .assert_text(400, "Please enter valid email");
    to_new(&mut s, "x@example.com", "1234")
        .await
        .assert_text(401, "Unauthorized");
    s.login_demo().await;
    s.post_empty("/mapapi/auth/send-code-to-new-email?action=change&lang=en&email=x@example.com")
        .await
        .assert_spring(400, "/mapapi/auth/send-code-to-new-email");
    // No code was ever sent: a normal 400, not the reference's 500.
    to_new(&mut s, "x@example.com", "1234")
        .await
        .assert_text(400, "Token is not valid");
    send_code(&mut s, "change").await;
    let code = s.last_code("demo@example.com").await;
    to_new(&mut s, "x@example.com", &wrong(&code))
        .await
        .assert_text(400, "Token is not valid or expired (24h)");
    to_new(&mut s, "start@example.com", &code)
        .await
        .assert_text(400, "User was already registered with such email");
    to_new(&mut s, "demo@example.com", &code)
        .await
        .assert_text(400, "User was already registered with such email");
}

#[tokio::test]
async fn every_confirm_wears_the_current_code() {
    let mut s = Server::seeded();
    s.login_demo().await;
    send_code(&mut s, "change").await;
    let code = s.last_code("demo@example.com").await;
    // Each use (even a successful one) ages it 7 h: checked at 0/7/14/21 h it passes,
    // the fifth check sees it 28 h old.
    for i in 0..4 {
        to_new(&mut s, &format!("n{i}@example.com"), &code)
            .await
            .assert(200, TEXT, r#"{"status":"ok"}"#);
    }
    to_new(&mut s, "n4@example.com", &code)
        .await
        .assert_text(400, "Token is not valid or expired (24h)");
}

#[tokio::test]
async fn an_abandoned_change_does_not_block_a_retry() {
    let mut s = Server::seeded();
    s.login_demo().await;
    send_code(&mut s, "change").await;
    let code = s.last_code("demo@example.com").await;
    to_new(&mut s, "again@example.com", &code)
        .await
        .assert(200, TEXT, r#"{"status":"ok"}"#);
    let abandoned = s.last_code("again@example.com").await;
    // Start over with the same new address (the reference refuses this).
    send_code(&mut s, "change").await;
    let code = s.last_code("demo@example.com").await;
    to_new(&mut s, "again@example.com", &code)
        .await
        .assert(200, TEXT, r#"{"status":"ok"}"#);
    let latest = s.last_code("again@example.com").await;
    if latest != abandoned {
        change(&mut s, "again@example.com", &abandoned)
            .await
            .assert_text(400, "Token is not valid or expired (24h)");
    }
    change(&mut s, "again@example.com", &latest)
        .await
        .assert(200, TEXT, r#"{"status":"ok"}"#);
}

#[tokio::test]
async fn change_email_errors() {
    let mut s = Server::seeded();
    s.post_json("/mapapi/auth/change-email", json!({"username": "a@b.c"}))
        .await
        .assert_text(400, "Username and token are required");
    change(&mut s, "not valid", "1234")
        .await
        .assert_text(400, "Please enter valid email");
    change(&mut s, "a@b.c", "1234")
        .await
        .assert_text(401, "Unauthorized");
    s.login_demo().await;
    change(&mut s, "never-asked@example.com", "1234")
        .await
        .assert_text(400, "Something went wrong with your new email");
    change(&mut s, "start@example.com", "1234")
        .await
        .assert_text(
            400,
            "You can't change email, because you have files in account on new email",
        );
    s.create_account("devices@example.com", "long-enough", false, "none")
        .await;
    change(&mut s, "devices@example.com", "1234")
        .await
        .assert_text(
            400,
            "You can't change email, because you have devices in account on new email",
        );

    send_code(&mut s, "change").await;
    let code = s.last_code("demo@example.com").await;
    to_new(&mut s, "target@example.com", &code).await;
    let new_code = s.last_code("target@example.com").await;
    change(&mut s, "target@example.com", &wrong(&new_code))
        .await
        .assert_text(400, "Token is not valid or expired (24h)");
    // A valid Pro order on the new address blocks the move.
    s.state
        .db
        .with(|c| {
            let id: i64 = c.query_row(
                "SELECT id FROM accounts WHERE email = 'target@example.com'",
                [],
                |r| r.get(0),
            )?;
            devserver::seed::make_pro(c, id, "TARGET-PRO", s.state.clock.now_ms())?;
            Ok(())
        })
        .unwrap();
    change(&mut s, "target@example.com", &new_code)
        .await
        .assert_text(
            400,
            "You can't change email, because you have subscription on new email",
        );
    s.post_empty("/mapapi/auth/change-email")
        .await
        .assert_spring(415, "/mapapi/auth/change-email");
}

#[tokio::test]
async fn delete_account_happy_path() {
    let mut s = Server::seeded();
    s.login_demo().await;
    send_code(&mut s, "delete").await;
    let code = s.last_code("demo@example.com").await;
    let r = s
        .post_empty(&format!("/mapapi/auth/delete-account?token={code}"))
        .await;
    r.assert_text(
        200,
        "Account has been successfully deleted (email demo@example.com)",
    );
    assert!(r.set_cookie().unwrap().contains("Max-Age=0"));
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
    assert_eq!(s.get("/dev/accounts/demo@example.com").await.status, 404);
    s.login("demo@example.com", "demo-password")
        .await
        .assert_text(400, "error_email");
    s.state
        .db
        .with(|c| {
            let files: i64 = c.query_row(
                "SELECT COUNT(*) FROM file_versions WHERE userid = 1",
                [],
                |r| r.get(0),
            )?;
            let devices: i64 =
                c.query_row("SELECT COUNT(*) FROM devices WHERE userid = 1", [], |r| {
                    r.get(0)
                })?;
            let unlinked: i64 = c.query_row(
                "SELECT COUNT(*) FROM subscriptions WHERE userid IS NULL",
                [],
                |r| r.get(0),
            )?;
            let inapps: i64 = c.query_row(
                "SELECT COUNT(*) FROM inapps WHERE userid IS NULL",
                [],
                |r| r.get(0),
            )?;
            assert_eq!((files, devices), (0, 0));
            assert_eq!((unlinked, inapps), (9, 4));
            Ok(())
        })
        .unwrap();
    // The free account is untouched.
    assert!(
        s.dump("start@example.com").await["file_versions"]
            .as_i64()
            .unwrap()
            > 0
    );
}

#[tokio::test]
async fn delete_account_errors() {
    let mut s = Server::seeded();
    s.post_empty("/mapapi/auth/delete-account?token=1234")
        .await
        .assert_text(401, "Unauthorized");
    s.login_demo().await;
    s.post_empty("/mapapi/auth/delete-account")
        .await
        .assert_spring(400, "/mapapi/auth/delete-account");
    let invalid = "Token is not valid or expired (24h), or password is not valid";
    // No code was ever sent: 400, not the reference's 500.
    s.post_empty("/mapapi/auth/delete-account?token=1234")
        .await
        .assert_text(400, invalid);
    send_code(&mut s, "delete").await;
    let code = s.last_code("demo@example.com").await;
    s.post_empty(&format!(
        "/mapapi/auth/delete-account?token={}",
        wrong(&code)
    ))
    .await
    .assert_text(400, invalid);
    // An expired code.
    s.advance(25 * HOUR);
    s.post_empty(&format!("/mapapi/auth/delete-account?token={code}"))
        .await
        .assert_text(400, invalid);
    assert_eq!(s.get("/dev/accounts/demo@example.com").await.status, 200);
}
