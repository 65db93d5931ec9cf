//! The /dev/* hooks: outbox, faults, clock, reset, accounts; absent without --dev.
// Test crate: helpers outside #[test] fns may unwrap/index/panic too (clippy.toml covers only #[test] fns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::time::{Duration, Instant};

use axum::http::Method;
use common::*;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn dev_routes_are_absent_without_dev() {
    let mut s = Server::with_config(config(false));
    s.state.seed_demo().unwrap();
    for (method, path) in [
        (Method::GET, "/dev/outbox"),
        (Method::DELETE, "/dev/outbox"),
        (Method::GET, "/dev/faults"),
        (Method::POST, "/dev/faults"),
        (Method::POST, "/dev/clock"),
        (Method::POST, "/dev/reset"),
        (Method::POST, "/dev/accounts"),
        (Method::GET, "/dev/accounts/demo@example.com"),
        (Method::POST, "/dev/generate-files"),
    ] {
        let r = s
            .request(
                method.clone(),
                path,
                &[("content-type", JSON)],
                b"{}".to_vec(),
            )
            .await;
        r.assert_text(404, "Not Found");
    }
    // The API itself still works.
    s.login_demo().await;
}

#[tokio::test]
async fn outbox_is_newest_first_and_filterable() {
    let mut s = Server::new();
    for email in ["a@example.com", "b@example.com", "A@example.com"] {
        s.post_json(
            "/mapapi/auth/register?lang=de&isNew=true",
            json!({"username": email}),
        )
        .await
        .assert_ok_json();
        s.advance(1000);
    }
    let r = s.get("/dev/outbox").await;
    assert_eq!(r.content_type(), JSON);
    let all = r.json();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 3);
    let to: Vec<&str> = all.iter().map(|m| m["to"].as_str().unwrap()).collect();
    assert_eq!(to, ["a@example.com", "b@example.com", "a@example.com"]);
    let times: Vec<i64> = all.iter().map(|m| m["sent_at"].as_i64().unwrap()).collect();
    assert!(times[0] > times[1] && times[1] > times[2]);
    for m in all {
        assert_eq!(m["action"], "setup");
        assert_eq!(m["lang"], "de");
        assert!(m["subject"].as_str().unwrap().contains("verification code"));
        let code = m["code"].as_str().unwrap();
        assert!(m["body"].as_str().unwrap().contains(code));
    }
    let only_a = s.get("/dev/outbox?to=A@Example.COM").await.json();
    assert_eq!(only_a.as_array().unwrap().len(), 2);
    assert_eq!(only_a[0], all[0]);

    s.delete("/dev/outbox").await.assert_ok_json();
    s.get("/dev/outbox").await.assert(200, JSON, "[]");
}

#[tokio::test]
async fn outbox_renders_escaped_html_for_browsers() {
    let mut s = Server::new();
    s.post_json(
        "/mapapi/auth/register?lang=%3Cb%3E&isNew=true",
        json!({"username": "x<y>@example.com"}),
    )
    .await
    .assert_ok_json();
    let r = s
        .request(
            Method::GET,
            "/dev/outbox",
            &[(
                "accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            )],
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type(), "text/html;charset=UTF-8");
    assert!(r.body.contains("x&lt;y&gt;@example.com"), "{}", r.body);
    assert!(!r.body.contains("x<y>"));
    // fetch()'s default Accept gets JSON.
    let r = s
        .request(Method::GET, "/dev/outbox", &[("accept", "*/*")], Vec::new())
        .await;
    assert_eq!(r.content_type(), JSON);
}

async fn add_fault(s: &mut Server, spec: serde_json::Value) -> serde_json::Value {
    let r = s.post_json("/dev/faults", spec).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[tokio::test]
async fn status_fault_with_body_method_and_times() {
    let mut s = Server::seeded();
    let f = add_fault(
        &mut s,
        json!({"path": "/mapapi/auth/login", "method": "post", "status": 503, "body": "down for maintenance", "times": 2}),
    )
    .await;
    assert_eq!(f["times"], 2);
    assert_eq!(f["method"], "POST");
    // Another method or path is not affected.
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
    s.login("demo@example.com", "demo-password")
        .await
        .assert_text(503, "down for maintenance");
    assert_eq!(s.get("/dev/faults").await.json()[0]["times"], 1);
    s.login("demo@example.com", "demo-password")
        .await
        .assert_text(503, "down for maintenance");
    // Used up.
    s.get("/dev/faults").await.assert(200, JSON, "[]");
    s.login_demo().await;
}

#[tokio::test]
async fn unlimited_fault_until_cleared_and_default_status() {
    let mut s = Server::seeded();
    add_fault(&mut s, json!({"path": "/mapapi/get-account-info"})).await;
    s.login_demo().await;
    for _ in 0..3 {
        s.get("/mapapi/get-account-info").await.assert_text(500, "");
    }
    // Faults come before the session gate: they hit logged-out callers too.
    s.browser()
        .get("/mapapi/get-account-info")
        .await
        .assert_text(500, "");
    s.delete("/dev/faults").await.assert_ok_json();
    assert_eq!(s.get("/mapapi/get-account-info").await.status, 200);
}

#[tokio::test]
async fn malformed_fault_answers_200_with_broken_json() {
    let mut s = Server::seeded();
    add_fault(
        &mut s,
        json!({"path": "/mapapi/auth/info", "malformed": true, "times": 1}),
    )
    .await;
    let r = s.get("/mapapi/auth/info").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type(), JSON);
    assert!(
        serde_json::from_str::<serde_json::Value>(&r.body).is_err(),
        "{}",
        r.body
    );
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
}

#[tokio::test]
async fn delay_fault_delays_then_runs_the_real_handler() {
    let mut s = Server::seeded();
    add_fault(
        &mut s,
        json!({"path": "/mapapi/auth/info", "delay_ms": 150, "times": 1}),
    )
    .await;
    let start = Instant::now();
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
    assert!(start.elapsed() >= Duration::from_millis(150));
    let start = Instant::now();
    s.get("/mapapi/auth/info").await;
    assert!(start.elapsed() < Duration::from_millis(150));
    // Delay plus a status.
    add_fault(
        &mut s,
        json!({"path": "/mapapi/auth/info", "delay_ms": 50, "status": 502, "times": 1}),
    )
    .await;
    let start = Instant::now();
    s.get("/mapapi/auth/info").await.assert_text(502, "");
    assert!(start.elapsed() >= Duration::from_millis(50));
}

/// A silent server: no answer at all, the handler never runs, and only after the hang limit
/// (two minutes, passed here on tokio's paused clock) a bare 504 ends the wait.
#[tokio::test(start_paused = true)]
async fn hang_fault_never_runs_the_handler() {
    let mut s = Server::new();
    add_fault(
        &mut s,
        json!({"path": "/mapapi/auth/register", "hang": true, "times": 1}),
    )
    .await;
    let start = tokio::time::Instant::now();
    let r = s
        .post_json(
            "/mapapi/auth/register?lang=en&isNew=true",
            json!({"username": "silent@example.com"}),
        )
        .await;
    assert_eq!(r.status, 504);
    assert!(start.elapsed() >= devserver::faults::HANG_LIMIT);
    s.get("/dev/outbox").await.assert(200, JSON, "[]");
    // Used up: the next request is answered at once by the real handler.
    s.post_json(
        "/mapapi/auth/register?lang=en&isNew=true",
        json!({"username": "silent@example.com"}),
    )
    .await
    .assert_ok_json();
    assert_eq!(
        s.get("/dev/outbox").await.json().as_array().map(Vec::len),
        Some(1)
    );
}

#[tokio::test]
async fn fault_validation() {
    let mut s = Server::new();
    for bad in [
        json!({"method": "GET"}),
        json!({"path": "no-slash"}),
        json!({"path": "/x", "times": 0}),
        json!({"path": "/x", "status": 42}),
        json!({"path": "/x", "color": "red"}),
    ] {
        assert_eq!(s.post_json("/dev/faults", bad).await.status, 400);
    }
    // /dev itself cannot be broken.
    add_fault(&mut s, json!({"path": "/dev/faults", "status": 500})).await;
    assert_eq!(s.get("/dev/faults").await.status, 200);
}

#[tokio::test]
async fn drop_fault_cuts_the_connection_mid_body() {
    let state = devserver::AppState::in_memory(config(true)).unwrap();
    let app = devserver::app(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let svc = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
        let _ = axum::serve(listener, svc).await;
    });
    let mut s = Server::from_state(state);
    add_fault(
        &mut s,
        json!({"path": "/mapapi/auth/info", "drop": true, "times": 1}),
    )
    .await;

    let get = |addr: std::net::SocketAddr| async move {
        let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        tcp.write_all(b"GET /mapapi/auth/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut buf = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(5), tcp.read_to_end(&mut buf)).await;
        (read.unwrap(), String::from_utf8_lossy(&buf).into_owned())
    };
    let (read, text) = get(addr).await;
    // Headers promise 1024 bytes, a few arrive, then the connection closes (or resets).
    assert!(text.starts_with("HTTP/1.1 200 OK"), "{text}");
    assert!(
        text.to_ascii_lowercase().contains("content-length: 1024"),
        "{text}"
    );
    let body = text.split("\r\n\r\n").nth(1).unwrap_or("");
    assert!(body.len() < 1024);
    if let Ok(n) = read {
        assert_eq!(n, text.len());
    }
    // The next request is served normally.
    let (_, text) = get(addr).await;
    assert!(
        text.starts_with("HTTP/1.1 200 OK") && text.ends_with("null"),
        "{text}"
    );
    server.abort();
}

#[tokio::test]
async fn clock_hooks() {
    let mut s = Server::new();
    let before = s.get("/dev/clock").await.json();
    assert_eq!(before["offset_ms"], 0);
    let r = s
        .post_json("/dev/clock", json!({"advance_ms": DAY}))
        .await
        .json();
    assert_eq!(r["offset_ms"], DAY);
    assert!(r["now_ms"].as_i64().unwrap() >= before["now_ms"].as_i64().unwrap() + DAY);
    let r = s
        .post_json("/dev/clock", json!({"advance_ms": HOUR}))
        .await
        .json();
    assert_eq!(r["offset_ms"], DAY + HOUR);
    let r = s
        .post_json("/dev/clock", json!({"offset_ms": -HOUR}))
        .await
        .json();
    assert_eq!(r["offset_ms"], -HOUR);
    assert_eq!(s.state.clock.offset_ms(), -HOUR);
    assert_eq!(s.post_json("/dev/clock", json!({})).await.status, 400);
    assert_eq!(s.delete("/dev/clock").await.json()["offset_ms"], 0);
}

#[tokio::test]
async fn reset_restores_the_demo_data() {
    let mut s = Server::seeded();
    s.login_demo().await;
    s.post_json(
        "/mapapi/auth/register?lang=en&isNew=true",
        json!({"username": "n@example.com"}),
    )
    .await
    .assert_ok_json();
    s.create_account("extra@example.com", "long-enough", false, "none")
        .await;
    s.post_json("/dev/clock", json!({"advance_ms": DAY})).await;
    add_fault(&mut s, json!({"path": "/mapapi/auth/info", "status": 500})).await;

    s.post_empty("/dev/reset").await.assert_ok_json();
    assert_eq!(s.state.clock.offset_ms(), 0);
    s.get("/dev/faults").await.assert(200, JSON, "[]");
    s.get("/dev/outbox").await.assert(200, JSON, "[]");
    assert_eq!(s.get("/dev/accounts/extra@example.com").await.status, 404);
    assert_eq!(s.get("/dev/accounts/n@example.com").await.status, 404);
    // Sessions are gone too.
    s.get("/mapapi/auth/info").await.assert(200, JSON, "null");
    assert_eq!(s.dump("demo@example.com").await["id"], 1);
    s.login_demo().await;
}

#[tokio::test]
async fn dev_accounts_create_and_dump() {
    let mut s = Server::new();
    let id = s
        .create_account("Pro@Example.com", "pro-password", true, "demo")
        .await;
    let dump = s.dump("pro@example.com").await;
    assert_eq!(dump["id"], id);
    assert_eq!(dump["email"], "pro@example.com");
    assert!(dump["orderid"].as_str().unwrap().starts_with("DEV-"));
    assert_eq!(dump["subscriptions"].as_array().unwrap().len(), 1);
    assert_eq!(dump["devices"].as_array().unwrap().len(), 4);
    assert!(dump["file_versions"].as_i64().unwrap() > 20);
    let f = &dump["files"][0];
    for key in ["type", "name", "updatetime", "filesize", "zipfilesize"] {
        assert!(!f[key].is_null(), "{key}");
    }
    s.login("pro@example.com", "pro-password")
        .await
        .assert_ok_json();
    let info = s.get("/mapapi/get-account-info").await.json();
    assert_eq!(info["info"]["state"], "active");
    assert_eq!(dump["sessions"], 0);
    assert_eq!(s.dump("pro@example.com").await["sessions"], 1);

    // Free, no files; re-creating replaces the account.
    let id2 = s
        .create_account("pro@example.com", "other-password", false, "none")
        .await;
    assert_ne!(id, id2);
    let dump = s.dump("pro@example.com").await;
    assert_eq!(dump["orderid"], serde_json::Value::Null);
    assert_eq!(dump["file_versions"], 0);
    assert_eq!(dump["devices"].as_array().unwrap().len(), 1);
    let mut b = s.browser();
    b.login("pro@example.com", "other-password")
        .await
        .assert_ok_json();
    let info = b.get("/mapapi/get-account-info").await.json();
    assert_eq!(info["info"]["account"], "Free");

    assert_eq!(
        s.post_json("/dev/accounts", json!({"email": "bad", "password": "x"}))
            .await
            .status,
        400
    );
    assert_eq!(
        s.post_json(
            "/dev/accounts",
            json!({"email": "a@b.c", "password": "x", "files": "all"})
        )
        .await
        .status,
        400
    );
    s.get("/dev/accounts/nobody@example.com")
        .await
        .assert_text(404, "No account nobody@example.com");
}

#[tokio::test]
async fn generate_files_inserts_versions_and_tombstones() {
    let mut s = Server::new();
    s.create_account("gen@example.com", "gen-password", true, "none")
        .await;
    let r = s
        .post_json(
            "/dev/generate-files",
            json!({"email": "Gen@example.com", "files": 30, "versions_per_file": 3,
                   "tombstone_every": 10, "types": ["GPX", "FAVOURITES", "WEIRD_TYPE"]}),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), json!({"files": 30, "versions": 90}));
    let dump = s.dump("gen@example.com").await;
    assert_eq!(dump["file_versions"], 90);
    let files = dump["files"].as_array().unwrap();
    let tombs: Vec<_> = files.iter().filter(|f| f["filesize"] == -1).collect();
    assert_eq!(tombs.len(), 3);
    let now = s.state.clock.now_ms();
    for f in files {
        let t = f["updatetime"].as_i64().unwrap();
        assert!(t < now && t > now - 731 * DAY, "{f}");
    }
    for kind in ["GPX", "FAVOURITES", "WEIRD_TYPE"] {
        assert!(files.iter().any(|f| f["type"] == kind), "{kind}");
    }
    // Two generated devices were added (the account only had its web device).
    assert_eq!(dump["devices"].as_array().unwrap().len(), 3);

    // The stored contents are real gzip: download-file gives the plain text back.
    s.login("gen@example.com", "gen-password")
        .await
        .assert_ok_json();
    let live = files
        .iter()
        .find(|f| f["type"] == "GPX" && f["filesize"].as_i64().unwrap() > 0)
        .unwrap();
    let uri = format!(
        "/mapapi/download-file?type=GPX&name={}&updatetime={}",
        live["name"]
            .as_str()
            .unwrap()
            .replace(' ', "%20")
            .replace('/', "%2F"),
        live["updatetime"]
    );
    let r = s.get(&uri).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body.len() as i64, live["filesize"].as_i64().unwrap());
    assert!(r.body.contains("<gpx"), "{}", r.body);

    // Errors: unknown account, too many, bad JSON.
    let r = s
        .post_json(
            "/dev/generate-files",
            json!({"email": "nobody@example.com", "files": 1, "versions_per_file": 1}),
        )
        .await;
    assert_eq!(r.status, 400);
    let r = s
        .post_json(
            "/dev/generate-files",
            json!({"email": "gen@example.com", "files": 100000, "versions_per_file": 100}),
        )
        .await;
    assert_eq!(r.status, 400);
    let r = s
        .post_json("/dev/generate-files", json!({"email": "gen@example.com"}))
        .await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn generate_files_handles_50k_versions() {
    let mut s = Server::new();
    s.create_account("big@example.com", "big-password", true, "demo")
        .await;
    let r = s
        .post_json(
            "/dev/generate-files",
            json!({"email": "big@example.com", "files": 10000, "versions_per_file": 5,
                   "tombstone_every": 7}),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["versions"], 50000);
}

#[tokio::test]
async fn switches_set_code_length_and_answer_forms_and_reset_with_the_data() {
    let mut s = Server::seeded();
    let r = s.get("/dev/switches").await;
    assert_eq!(r.json(), json!({"codeDigits": 4, "friendlyAnswers": false}));
    let r = s.post_json("/dev/switches", json!({"codeDigits": 6})).await;
    assert_eq!(r.json(), json!({"codeDigits": 6, "friendlyAnswers": false}));
    // Out of range or unknown: refused, nothing changes.
    let r = s.post_json("/dev/switches", json!({"codeDigits": 3})).await;
    assert_eq!(r.status, 400, "{}", r.body);
    let r = s.post_json("/dev/switches", json!({"codes": 6})).await;
    assert_eq!(r.status, 400, "{}", r.body);
    s.login("demo@example.com", "demo-password")
        .await
        .assert_ok_json();
    let r = s
        .post_empty("/mapapi/auth/send-code?action=delete&lang=en")
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let code = s.last_code("demo@example.com").await;
    assert_eq!(code.len(), 6, "{code}");
    assert!(code.chars().all(|c| c.is_ascii_digit()));
    // The account's delete accepts it.
    let r = s
        .post_empty(&format!("/mapapi/auth/delete-account?token={code}"))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    // A reset brings back master's answers.
    s.post_empty("/dev/reset").await.assert_ok_json();
    let r = s.get("/dev/switches").await;
    assert_eq!(r.json(), json!({"codeDigits": 4, "friendlyAnswers": false}));
}

#[tokio::test]
async fn mails_follow_the_requested_language() {
    let mut s = Server::new();
    for (email, lang) in [("nl@example.com", "nl"), ("en@example.com", "en")] {
        s.post_json(
            &format!("/mapapi/auth/register?lang={lang}&isNew=true"),
            serde_json::json!({ "username": email }),
        )
        .await
        .assert_ok_json();
    }
    let nl = s.get("/dev/outbox?to=nl@example.com").await.json();
    let nl = &nl[0];
    assert_eq!(nl["lang"], "nl");
    assert_eq!(nl["subject"], "OsmAnd Cloud: uw verificatiecode");
    let body = nl["body"].as_str().unwrap();
    assert!(body.contains(nl["code"].as_str().unwrap()));
    assert!(body.contains("De code is 24 uur geldig."), "{body}");
    let en = s.get("/dev/outbox?to=en@example.com").await.json();
    assert_eq!(en[0]["subject"], "OsmAnd Cloud: your verification code");
}
