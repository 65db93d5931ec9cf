//! The fetch transport in headless Chromium. Run with
//! `scripts/wasm.sh cargo test -p osmand-api --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use osmand_api::browser::BrowserTransport;
use osmand_api::http::{classify, HttpRequest, Transport};
use osmand_api::{ApiError, Client};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces the global `fetch` with `body` (an async JS function of `req`) and records the last
/// request's method, headers, options and body text on `globalThis.__seen`.
fn fake_fetch(body: &str) {
    let src = format!(
        "globalThis.__realFetch ??= globalThis.fetch;
         globalThis.fetch = async (req) => {{
           globalThis.__seen = {{ method: req.method, url: req.url,
             contentType: req.headers.get('content-type'), credentials: req.credentials,
             redirect: req.redirect, body: await req.clone().text() }};
           {body}
         }};"
    );
    js_sys::eval(&src).unwrap();
}

fn real_fetch() {
    js_sys::eval("if (globalThis.__realFetch) globalThis.fetch = globalThis.__realFetch;").unwrap();
}

fn seen(key: &str) -> JsValue {
    js_sys::eval(&format!("globalThis.__seen.{key}")).unwrap()
}

fn seen_str(key: &str) -> Option<String> {
    seen(key).as_string()
}

/// One test, so that swapping the global `fetch` cannot race with another test.
#[wasm_bindgen_test]
async fn fetch_transport() {
    json_post_sends_cookie_manual_redirect_and_json_type().await;
    empty_post_is_text_plain_and_get_has_no_type().await;
    error_answers_and_odd_rejections().await;
    real_fetch_404_network_error_and_aborts().await;
    a_silent_server_times_out_and_a_quick_one_does_not().await;
    every_call_stamps_the_activity_when_it_starts_while_out_and_when_it_ends().await;
}

fn stamp() -> f64 {
    js_sys::eval("globalThis.seActivityTimestamp ?? 0")
        .unwrap()
        .as_f64()
        .unwrap_or(0.0)
}

/// OsmAnd's browser suite reads `seActivityTimestamp` to know the page is idle.
async fn every_call_stamps_the_activity_when_it_starts_while_out_and_when_it_ends() {
    // The fake server answers after 600 ms and records the stamp it saw when asked.
    fake_fetch(
        "globalThis.__stampAtStart = globalThis.seActivityTimestamp;
         await new Promise((r) => setTimeout(r, 600));
         globalThis.__stampAtAnswer = globalThis.seActivityTimestamp;
         return new Response('{\"status\":\"ok\"}', {status: 200});",
    );
    js_sys::eval("globalThis.seActivityTimestamp = 0;").unwrap();
    let started = js_sys::Date::now();
    let api = Client::new(BrowserTransport::default());
    api.logout().await.unwrap();
    let at_start = js_sys::eval("globalThis.__stampAtStart")
        .unwrap()
        .as_f64()
        .unwrap();
    let at_answer = js_sys::eval("globalThis.__stampAtAnswer")
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(at_start >= started, "stamped when the call started");
    assert!(
        at_answer - at_start >= 300.0,
        "stamped while the call was out: {at_start} {at_answer}"
    );
    assert!(stamp() >= at_answer, "stamped when it ended");
    real_fetch();
}

async fn json_post_sends_cookie_manual_redirect_and_json_type() {
    fake_fetch(
        "return new Response('{\"status\":\"ok\"}', {status: 200, headers: {'Content-Type': 'text/plain;charset=UTF-8'}});",
    );
    let api = Client::new(BrowserTransport::default());
    api.login("A@B.c", "pw", "en").await.unwrap();
    assert_eq!(seen_str("method").as_deref(), Some("POST"));
    assert!(seen_str("url").unwrap().ends_with("/mapapi/auth/login"));
    assert_eq!(seen_str("contentType").as_deref(), Some("application/json"));
    assert_eq!(seen_str("credentials").as_deref(), Some("same-origin"));
    assert_eq!(seen_str("redirect").as_deref(), Some("manual"));
    let body: serde_json::Value = serde_json::from_str(&seen_str("body").unwrap()).unwrap();
    assert_eq!(body["username"], "a@b.c");
    real_fetch();
}

async fn empty_post_is_text_plain_and_get_has_no_type() {
    fake_fetch("return new Response('{\"status\":\"ok\"}', {status: 200});");
    let api = Client::new(BrowserTransport::default());
    api.delete_file("a b.gpx", "GPX").await.unwrap();
    assert!(seen_str("url")
        .unwrap()
        .ends_with("/mapapi/delete-file?name=a%20b.gpx&type=GPX"));
    assert_eq!(
        seen_str("contentType").as_deref(),
        Some("text/plain;charset=UTF-8")
    );
    assert_eq!(seen_str("body").as_deref(), Some(""));

    fake_fetch(
        "return new Response('x', {status: 200, headers: {'Content-Disposition': 'attachment; filename=a%20b.gpx'}});",
    );
    let d = api.download_file("a b.gpx", "GPX", None).await.unwrap();
    assert_eq!(seen_str("method").as_deref(), Some("GET"));
    assert!(seen("contentType").is_null());
    assert_eq!(d.bytes, b"x");
    assert_eq!(d.filename.as_deref(), Some("a b.gpx"));
    real_fetch();
}

async fn error_answers_and_odd_rejections() {
    fake_fetch("return new Response('error_email', {status: 400, headers: {'Content-Type': 'text/plain'}});");
    let api = Client::new(BrowserTransport::default());
    let err = api.login("a@b.c", "pw", "en").await.unwrap_err();
    assert!(err.is_rejection("error_email"), "{err:?}");

    // A rejection that is not an Error object must not panic.
    fake_fetch("throw 'plain string';");
    let err = api.auth_info().await.unwrap_err();
    assert_eq!(err, ApiError::Network("fetch failed: plain string".into()));
    real_fetch();
}

async fn real_fetch_404_network_error_and_aborts() {
    real_fetch();
    let t = BrowserTransport::default();
    let resp = t
        .send(HttpRequest::get("/mapapi/no-such-endpoint"))
        .await
        .unwrap();
    assert!(matches!(
        classify(resp),
        Err(ApiError::Http { status: 404, .. })
    ));

    let req = HttpRequest::get("http://127.0.0.1:9/");
    assert!(matches!(t.send(req).await, Err(ApiError::Network(_))));

    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let aborted = BrowserTransport::with_abort(controller.signal());
    assert_eq!(
        aborted.send(HttpRequest::get("/")).await,
        Err(ApiError::Aborted)
    );

    let custom = web_sys::AbortController::new().unwrap();
    custom.abort_with_reason(&JsValue::from_str("user left"));
    let err = t
        .send_with_abort(HttpRequest::get("/"), Some(&custom.signal()))
        .await;
    assert_eq!(err, Err(ApiError::Aborted));
}

/// A `fetch` that never settles unless its request's signal aborts it (as the real one does).
const HANGING_FETCH: &str = "return await new Promise((_, reject) => {
       const aborted = () => reject(new DOMException('aborted', 'AbortError'));
       if (req.signal.aborted) aborted();
       req.signal.addEventListener('abort', aborted);
     });";

async fn a_silent_server_times_out_and_a_quick_one_does_not() {
    fake_fetch(HANGING_FETCH);
    let quick_deadline = BrowserTransport::default().with_deadline(50);
    let err = quick_deadline.send(HttpRequest::get("/mapapi/x")).await;
    assert_eq!(err.map(|r| r.status), Err(ApiError::TimedOut));

    // The caller's own abort is still an abort, not a timeout.
    let controller = web_sys::AbortController::new().unwrap();
    let both = BrowserTransport::with_abort(controller.signal()).with_deadline(60_000);
    let pending = both.send(HttpRequest::get("/mapapi/x"));
    controller.abort();
    assert_eq!(pending.await.map(|r| r.status), Err(ApiError::Aborted));

    // A request marked to wait long (delete-account, empty-trash) is not held to the
    // transport's deadline: still waiting well after it, until the caller gives up.
    let controller = web_sys::AbortController::new().unwrap();
    let long = BrowserTransport::with_abort(controller.signal()).with_deadline(50);
    let pending = long.send(HttpRequest::get("/mapapi/x").waiting_long());
    let later = controller.clone();
    let stop = wasm_bindgen::closure::Closure::once_into_js(move || later.abort());
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(stop.unchecked_ref(), 300)
        .unwrap();
    assert_eq!(pending.await.map(|r| r.status), Err(ApiError::Aborted));

    // An answer that starts in time is read whole, even when the body takes longer than the
    // deadline: the deadline stops once the status and headers are in.
    fake_fetch(
        "const body = new ReadableStream({ async start(c) {
           await new Promise(r => setTimeout(r, 150));
           c.enqueue(new TextEncoder().encode('{\\\"status\\\":\\\"ok\\\"}'));
           c.close();
         }});
         return new Response(body, {status: 200});",
    );
    let resp = quick_deadline
        .send(HttpRequest::get("/mapapi/x"))
        .await
        .unwrap();
    assert_eq!(resp.status, 200);
    assert_eq!(resp.text_body(), "{\"status\":\"ok\"}");
    real_fetch();
}
