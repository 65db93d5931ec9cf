//! Fuzzing the devserver's request parsing: random methods, paths, query strings, headers and
//! bodies go through the real router, logged out and logged in. Property: no panic and never a
//! 5xx (the stand-in answers bad input with the reference's 4xx texts). `make fuzz` runs
//! `FUZZ_CASES` inputs and prints the count.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod common;

use axum::http::Method;
use common::Server;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

const PATHS: &[&str] = &[
    "/mapapi/auth/info",
    "/mapapi/auth/login",
    "/mapapi/auth/logout",
    "/mapapi/auth/register",
    "/mapapi/auth/validate-token",
    "/mapapi/auth/activate",
    "/mapapi/auth/send-code",
    "/mapapi/auth/send-code-to-new-email",
    "/mapapi/auth/change-email",
    "/mapapi/auth/delete-account",
    "/mapapi/get-account-info",
    "/mapapi/list-files",
    "/mapapi/download-backup",
    "/mapapi/download-file",
    "/mapapi/download-file-from-prev-version",
    "/mapapi/delete-file-version",
    "/mapapi/delete-file",
    "/mapapi/delete-file-all-versions",
    "/mapapi/restore-file",
    "/mapapi/empty-trash",
    "/mapapi/nope",
    "/dev/faults",
    "/dev/clock",
    "/dev/accounts",
    "/dev/outbox",
    "/map/",
    "/map/x/../../etc",
];
const KEYS: &[&str] = &[
    "name",
    "type",
    "updatetime",
    "isNew",
    "lang",
    "action",
    "email",
    "code",
    "token",
    "allVersions",
    "addDevices",
    "format",
    "isTrash",
    "simplified",
    "to",
];
const VALUES: &[&str] = &[
    "",
    "true",
    "false",
    "on",
    "1",
    "-1",
    "9223372036854775808",
    "abc",
    "%FF%FE",
    "%00",
    "GPX",
    "FILE",
    "GPX%2CFAVOURITES",
    ".zip",
    ".osf",
    "delete",
    "change",
    "setup",
    "demo%40example.com",
    "a%20b%24%30D.gpx",
    "%E2%82%AC",
    "../../x",
    "1762000000000",
];
const BODIES: &[&str] = &[
    "",
    "{}",
    "[]",
    "null",
    "{\"username\":null}",
    "{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}",
    "{\"username\":1,\"password\":[]}",
    "[{\"name\":\"x\",\"type\":\"GPX\",\"updatetime\":\"x\"}]",
    "[\"GPX\",\"FILE_MAPS\",1]",
    "{\"path\":\"/mapapi/auth/login\",\"status\":99999}",
    "{\"advance_ms\":1e400}",
    "\u{0}\u{ff}",
    "{\"email\":\"\",\"password\":\"\"}",
];

fn request() -> impl Strategy<Value = (Method, String, String, String, Vec<u8>, bool)> {
    let method = prop_oneof![
        Just(Method::GET),
        Just(Method::POST),
        Just(Method::DELETE),
        Just(Method::PUT)
    ];
    let path = prop_oneof![
        4 => (0..PATHS.len()).prop_map(|i| PATHS[i].to_string()),
        1 => "/[a-z%0-9/._-]{0,30}".prop_map(|s| s),
    ];
    let query = prop::collection::vec(
        (0..KEYS.len(), prop_oneof![3 => (0..VALUES.len()).prop_map(|i| VALUES[i].to_string()), 1 => "[a-zA-Z0-9%._-]{0,12}"]),
        0..5,
    )
    .prop_map(|kv| kv.into_iter().map(|(k, v)| format!("{}={v}", KEYS[k])).collect::<Vec<_>>().join("&"));
    let ctype = prop_oneof![
        Just("application/json".to_string()),
        Just("text/plain;charset=UTF-8".to_string()),
        Just("application/x-www-form-urlencoded".to_string()),
        Just(String::new()),
    ];
    let body = prop_oneof![
        3 => (0..BODIES.len()).prop_map(|i| BODIES[i].as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..64),
    ];
    (method, path, query, ctype, body, any::<bool>())
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

#[test]
fn no_request_makes_the_server_panic_or_fail() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let base = rt.block_on(async {
        let mut s = Server::seeded();
        let r = s
            .post_json(
                "/mapapi/auth/login",
                json!({"username": "start@example.com", "password": "start-password"}),
            )
            .await;
        assert_eq!(r.status, 200);
        s
    });
    let n = cases();
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &request(),
            |(method, path, query, ctype, body, logged_in)| {
                // Never touch the destructive or stateful dev hooks with random input.
                if path.starts_with("/dev/") && method != Method::GET {
                    return Ok(());
                }
                let mut s = if logged_in {
                    base.clone()
                } else {
                    base.browser()
                };
                let uri = if query.is_empty() {
                    path.clone()
                } else {
                    format!("{path}?{query}")
                };
                if uri.parse::<axum::http::Uri>().is_err() {
                    return Ok(());
                }
                let headers: Vec<(&str, &str)> = if ctype.is_empty() {
                    vec![]
                } else {
                    vec![("content-type", ctype.as_str())]
                };
                let r = rt.block_on(s.request(method.clone(), &uri, &headers, body));
                prop_assert!(
                    r.status.as_u16() < 500,
                    "{method} {uri} → {} {}",
                    r.status,
                    r.body
                );
                Ok(())
            },
        )
        .unwrap();
    println!("fuzz(devserver requests): {n} inputs, no panic, no 5xx");
}
