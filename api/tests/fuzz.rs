//! Fuzzing every response decoder: arbitrary statuses, headers and bodies (random bytes, and the
//! hand-written fixtures with random mutations) go through every endpoint method of the client
//! and every helper on what it decodes. The property is simply "no panic" — a panic would kill
//! the WASM app. `make test` runs a short pass; `make fuzz` runs `FUZZ_CASES` inputs (printed).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use osmand_api::client::{BackupFormat, CodeAction, ListFilesQuery};
use osmand_api::http::{decode_query_value, parse_content_disposition_filename, HttpResponse};
use osmand_api::mock::MockTransport;
use osmand_api::models::TrashItem;
use osmand_api::Client;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The mock transport answers at once, so one poll finishes every call.
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

const FIXTURES: &[&str] = &[
    include_str!("fixtures/account_info_free.json"),
    include_str!("fixtures/account_info_inapp_pro.json"),
    include_str!("fixtures/account_info_pro.json"),
    include_str!("fixtures/account_info_sparse.json"),
    include_str!("fixtures/auth_info_user.json"),
    include_str!("fixtures/empty_trash_summary.json"),
    include_str!("fixtures/list_files_empty.json"),
    include_str!("fixtures/list_files_history.json"),
    include_str!("fixtures/list_files_latest.json"),
    include_str!("fixtures/restore_file.json"),
    "null",
    "{\"status\":\"ok\"}",
    "{\"error\":{\"errorCode\":112,\"message\":\"enter password with at least 8 symbols\"}}",
    "{\"timestamp\":\"x\",\"status\":400,\"error\":\"Bad Request\",\"path\":\"/mapapi/x\"}",
    "error_email",
];

const TOKENS: &[&str] = &[
    "null",
    "[]",
    "{}",
    "\"\"",
    "-1",
    "1e309",
    "\"[{}]\"",
    "\"\\u0000\"",
    "9223372036854775808",
    ",",
    ":",
    "\"subscriptions\":\"[{\\\"state\\\":1}]\"",
    "true",
    "\"$0D$0A\"",
    "\"<script>\"",
];

/// A fixture with a few random edits: byte flips, cuts, and inserted JSON tokens.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        0..FIXTURES.len(),
        prop::collection::vec((any::<u16>(), 0u8..4, any::<u8>(), 0..TOKENS.len()), 0..6),
    )
        .prop_map(|(i, edits)| {
            let mut b = FIXTURES[i].as_bytes().to_vec();
            for (pos, kind, byte, tok) in edits {
                if b.is_empty() {
                    break;
                }
                let p = pos as usize % b.len();
                match kind {
                    0 => b[p] = byte,
                    1 => b.truncate(p),
                    2 => {
                        b.splice(p..p, TOKENS[tok].bytes());
                    }
                    _ => {
                        b.remove(p);
                    }
                }
            }
            b
        })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => mutated(),
        1 => prop::collection::vec(any::<u8>(), 0..256),
        1 => FIXTURES.iter().map(|f| Just(f.as_bytes().to_vec())).collect::<Vec<_>>().into_iter().fold(
            Just(Vec::new()).boxed(), |acc, s| prop_oneof![acc, s].boxed()),
    ]
}

fn response() -> impl Strategy<Value = HttpResponse> {
    let status = prop_oneof![
        Just(200u16),
        Just(0),
        Just(302),
        Just(400),
        Just(401),
        Just(404),
        Just(409),
        Just(415),
        Just(429),
        Just(500),
        Just(502),
        any::<u16>()
    ];
    let ctype = prop_oneof![
        Just(None),
        Just(Some("application/json".to_string())),
        Just(Some("text/plain;charset=UTF-8".to_string())),
        Just(Some("text/html".to_string())),
    ];
    let disposition = prop_oneof![
        Just(None),
        ".{0,40}".prop_map(Some),
        Just(Some("attachment; filename=Export_22-11-26.zip".to_string())),
        Just(Some("attachment; filename=\"a%2Fb%ZZ.gpx\"".to_string())),
    ];
    (
        status,
        any::<bool>(),
        ".{0,60}".prop_map(Some),
        ctype,
        disposition,
        body(),
    )
        .prop_map(
            |(status, redirected, location, content_type, content_disposition, body)| {
                HttpResponse {
                    status,
                    redirected,
                    location,
                    content_type,
                    content_disposition,
                    body,
                }
            },
        )
}

/// Feeds one response to every endpoint and pokes at everything it decodes.
fn exercise(resp: &HttpResponse) {
    let mock = MockTransport::new();
    let client = Client::new(mock.clone());
    let call = |f: &dyn Fn()| {
        mock.push_response(resp.clone());
        f();
    };
    call(&|| {
        if let Ok(Some(info)) = block_on(client.auth_info()) {
            let _ = (info.is_staff(), info.has_role("ROLE_ADMIN"));
        }
    });
    call(&|| drop(block_on(client.login("a@b.c", "pw", "en"))));
    call(&|| drop(block_on(client.logout())));
    call(&|| drop(block_on(client.register("a@b.c", "nl", false))));
    call(&|| drop(block_on(client.validate_token("a@b.c", "1234"))));
    call(&|| drop(block_on(client.activate("a@b.c", "password", "1234", "en"))));
    call(&|| drop(block_on(client.send_code(CodeAction::Delete, "en"))));
    call(&|| {
        drop(block_on(
            client.send_code_to_new_email("n@b.c", "1234", "en"),
        ))
    });
    call(&|| drop(block_on(client.change_email("n@b.c", "1234", "en"))));
    call(&|| drop(block_on(client.delete_account("1234"))));
    call(&|| {
        if let Ok(info) = block_on(client.account_info()) {
            let _ = (
                info.is_free(),
                info.max_account_size(),
                info.plan_name(),
                info.state_kind(),
            );
            let _ = (
                info.regtime_ms(),
                info.start_ms(),
                info.expire_ms(),
                info.nickname(),
            );
            for s in info.subscriptions().unwrap_or_default() {
                let _ = (
                    s.start_ms(),
                    s.expire_ms(),
                    s.billing_ms(),
                    s.is_valid(),
                    s.state_kind(),
                );
            }
            for p in info.in_app_purchases().unwrap_or_default() {
                let _ = (p.purchase_ms(), p.is_valid());
            }
        }
    });
    call(&|| {
        if let Ok(list) = block_on(client.list_files(&ListFilesQuery::history())) {
            let _ = list.unique_zip_size();
            for f in list
                .unique_files
                .iter()
                .chain(list.all_files.iter().flatten())
            {
                let _ = (
                    f.is_tombstone(),
                    f.device_label(),
                    f.display_name(),
                    f.is_info_file(),
                    f.change_kind(),
                );
            }
        }
    });
    call(&|| drop(block_on(client.download_file("a b.gpx", "GPX", Some(1)))));
    call(&|| {
        drop(block_on(
            client.download_file_from_prev_version("x", "GPX", 1),
        ))
    });
    call(&|| drop(block_on(client.delete_file_version("x", "GPX", 1))));
    call(&|| drop(block_on(client.delete_file("x", "GPX"))));
    call(&|| {
        drop(block_on(
            client.delete_file_all_versions("x", "GPX", 1, true),
        ))
    });
    call(&|| drop(block_on(client.restore_file("x", "GPX", 1))));
    call(&|| {
        let items = [TrashItem {
            name: "x".into(),
            r#type: "GPX".into(),
            updatetime: 1,
        }];
        if let Ok(r) = block_on(client.empty_trash(&items)) {
            let _ = (r.is_detailed(), r.problems());
        }
    });
    let _ = client.download_backup_request(&["GPX".into()], BackupFormat::Zip);
    if let Some(d) = &resp.content_disposition {
        let _ = parse_content_disposition_filename(d);
        let _ = decode_query_value(d);
    }
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

#[test]
fn no_response_makes_a_decoder_panic() {
    let n = cases();
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&response(), |resp| {
            exercise(&resp);
            Ok(())
        })
        .unwrap();
    println!("fuzz(api decoders): {n} inputs, no panic");
}
