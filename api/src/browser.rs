//! The browser transport: `fetch` on the same origin with the session cookie and without
//! following redirects (a Spring 302 becomes an `opaqueredirect`).
//!
//! Credentials are `same-origin` (the API is under the page's own origin): that is also the mode
//! of `index.html`'s `<link rel=preload as=fetch crossorigin>` for `auth/info`, so the app's first
//! call takes the answer the browser fetched while the wasm was still downloading (a preload is
//! only reused when the credentials modes match; Trunk's minifier drops `use-credentials`).

use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse, Transport, Wait, LONG_ANSWER_DEADLINE_MS};
use gloo_net::http::{Headers, Response};
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials, RequestInit, RequestRedirect, ResponseType};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    // The global `fetch` (works in windows and workers). Called directly instead of through
    // gloo-net's `send`, which panics when a promise rejects with a non-`Error` value (for
    // example an abort with a custom reason).
    #[wasm_bindgen(js_name = "fetch")]
    fn fetch_with_request(request: &web_sys::Request) -> js_sys::Promise;

    // The global timers (looked up at each call, so a test's fake clock drives them too).
    #[wasm_bindgen(js_name = "setTimeout")]
    fn set_timeout(handler: &js_sys::Function, ms: u32) -> JsValue;
    #[wasm_bindgen(js_name = "clearTimeout")]
    fn clear_timeout(id: &JsValue);
    #[wasm_bindgen(js_name = "setInterval")]
    fn set_interval(handler: &js_sys::Function, ms: u32) -> JsValue;
    #[wasm_bindgen(js_name = "clearInterval")]
    fn clear_interval(id: &JsValue);

    // `AbortSignal.any([...])`: aborted as soon as one of them is.
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = "any", catch)]
    fn abort_any(signals: &js_sys::Array) -> Result<AbortSignal, JsValue>;
}

/// OsmAnd's own browser suite waits for the page to be idle by reading
/// `window.seActivityTimestamp` (ms since the epoch; idle = at least 1 s old). This transport
/// is the one place that sends API calls, so it writes the stamp when a call starts, every
/// [`BUSY_STAMP_MS`] while it is out (a slow answer is not idleness), and when it ends
/// (whatever the outcome); the app writes it once at start-up.
pub fn mark_activity() {
    let _ = js_sys::Reflect::set(
        &js_sys::global(),
        &JsValue::from_str("seActivityTimestamp"),
        &JsValue::from_f64(js_sys::Date::now()),
    );
}

/// How often a call that is still out writes the activity stamp.
pub const BUSY_STAMP_MS: u32 = 250;

/// A call in flight: stamps [`mark_activity`] now, every [`BUSY_STAMP_MS`] until dropped, and
/// once more when dropped (the end of the call, on every path out of it).
struct Busy {
    timer: JsValue,
    _tick: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Busy {
    fn start() -> Busy {
        mark_activity();
        let tick = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(mark_activity);
        let timer = set_interval(tick.as_ref().unchecked_ref(), BUSY_STAMP_MS);
        Busy { timer, _tick: tick }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        clear_interval(&self.timer);
        mark_activity();
    }
}

/// How long a call waits for the server to start answering (status and headers) before it is
/// given up as [`ApiError::TimedOut`]. The body is not timed: a large answer on a slow line may
/// take longer, and a connection that breaks while sending it is reported as such.
pub const ANSWER_DEADLINE_MS: u32 = 30_000;

/// A running deadline: aborts its own signal when the time is up. Dropping it stops the timer.
struct Deadline {
    controller: web_sys::AbortController,
    fired: std::rc::Rc<std::cell::Cell<bool>>,
    timer: JsValue,
    _on_time_up: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(ms: u32) -> Option<Deadline> {
        let controller = web_sys::AbortController::new().ok()?;
        let fired = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_time_up = {
            let (controller, fired) = (controller.clone(), fired.clone());
            wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                controller.abort();
            })
        };
        let timer = set_timeout(on_time_up.as_ref().unchecked_ref(), ms);
        Some(Deadline {
            controller,
            fired,
            timer,
            _on_time_up: on_time_up,
        })
    }

    /// The signal for the request: the deadline's, joined with the caller's if there is one.
    fn joined(&self, caller: Option<&AbortSignal>) -> Option<AbortSignal> {
        let ours = self.controller.signal();
        match caller {
            None => Some(ours),
            Some(theirs) => abort_any(&js_sys::Array::of2(&ours, theirs)).ok(),
        }
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
    }
}

/// `fetch` with `credentials: same-origin` and `redirect: manual`, optionally cancellable.
///
/// `Send + Sync` (the optional signal sits in a [`SendWrapper`]; wasm32 has one thread), so a
/// client built on it can be put in Leptos context.
///
/// Every call waits at most [`ANSWER_DEADLINE_MS`] for the server to start answering
/// ([`LONG_ANSWER_DEADLINE_MS`] for a request marked [`Wait::Long`]).
#[derive(Clone)]
pub struct BrowserTransport {
    abort: Option<SendWrapper<AbortSignal>>,
    deadline_ms: u32,
}

impl Default for BrowserTransport {
    fn default() -> Self {
        BrowserTransport {
            abort: None,
            deadline_ms: ANSWER_DEADLINE_MS,
        }
    }
}

impl std::fmt::Debug for BrowserTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BrowserTransport")
            .field("abortable", &self.abort.is_some())
            .field("deadline_ms", &self.deadline_ms)
            .finish()
    }
}

impl BrowserTransport {
    /// A transport whose requests are all cancelled by `signal`.
    pub fn with_abort(signal: AbortSignal) -> Self {
        BrowserTransport {
            abort: Some(SendWrapper::new(signal)),
            ..BrowserTransport::default()
        }
    }

    /// The same transport (same deadline) with its requests cancelled by `signal`.
    pub fn with_signal(self, signal: AbortSignal) -> Self {
        BrowserTransport {
            abort: Some(SendWrapper::new(signal)),
            ..self
        }
    }

    /// The signal that cancels this transport's requests, if any (for streamed downloads).
    pub fn abort_signal(&self) -> Option<&AbortSignal> {
        self.abort.as_deref()
    }

    /// The same transport with another answer deadline (in milliseconds).
    pub fn with_deadline(self, ms: u32) -> Self {
        BrowserTransport {
            deadline_ms: ms,
            ..self
        }
    }

    /// Sends one request with its own optional abort signal (overrides the transport's).
    pub async fn send_with_abort(
        &self,
        req: HttpRequest,
        signal: Option<&AbortSignal>,
    ) -> Result<HttpResponse, ApiError> {
        let _busy = Busy::start();
        let caller = signal.or(self.abort.as_deref());
        let deadline = match req.wait {
            Wait::Answer => self.deadline_ms,
            Wait::Long => LONG_ANSWER_DEADLINE_MS,
        };
        let (raw, signal) = fetch_in_time(&req, caller, Some(deadline)).await?;
        read_response(Response::from(raw), signal.as_ref()).await
    }
}

impl Transport for BrowserTransport {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        self.send_with_abort(req, None).await
    }
}

/// `fetch` that gives up with [`ApiError::TimedOut`] when the server has not started answering
/// (status and headers) within `deadline_ms` (`None`: waits as long as it takes). Returns the response and the signal that still
/// governs reading its body (the caller's, if any; the deadline itself is over by then).
async fn fetch_in_time(
    req: &HttpRequest,
    caller: Option<&AbortSignal>,
    deadline_ms: Option<u32>,
) -> Result<(web_sys::Response, Option<AbortSignal>), ApiError> {
    let deadline = deadline_ms.and_then(Deadline::start);
    let joined = deadline.as_ref().and_then(|d| d.joined(caller));
    let signal = joined.or_else(|| caller.cloned());
    let request = build_request(req, signal.as_ref())?;
    let raw = JsFuture::from(fetch_with_request(&request)).await;
    if deadline.as_ref().is_some_and(Deadline::fired) {
        return Err(ApiError::TimedOut);
    }
    drop(deadline);
    let raw = raw
        .map_err(|e| transport_error(&e, signal.as_ref(), "fetch failed"))?
        .dyn_into()
        .map_err(|_| ApiError::Network("fetch returned no Response".to_string()))?;
    Ok((raw, signal))
}

fn build_request(
    req: &HttpRequest,
    signal: Option<&AbortSignal>,
) -> Result<web_sys::Request, ApiError> {
    let headers = Headers::new();
    if let Some(content_type) = req.content_type() {
        headers.set("Content-Type", content_type);
    }
    let init = RequestInit::new();
    init.set_method(req.method.as_str());
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_redirect(RequestRedirect::Manual);
    init.set_headers(&headers.into_raw());
    if let Some(body) = req.body_text() {
        init.set_body(&JsValue::from_str(body));
    }
    if let Some(signal) = signal {
        init.set_signal(Some(signal));
    }
    web_sys::Request::new_with_str_and_init(&req.url, &init)
        .map_err(|e| ApiError::Network(js_text(&e, "invalid request")))
}

async fn read_response(
    resp: Response,
    signal: Option<&AbortSignal>,
) -> Result<HttpResponse, ApiError> {
    if resp.type_() == ResponseType::Opaqueredirect {
        return Ok(HttpResponse::opaque_redirect());
    }
    let headers = resp.headers();
    let raw: web_sys::Response = resp.into();
    let promise = raw
        .array_buffer()
        .map_err(|e| transport_error(&e, signal, "body unreadable"))?;
    let buffer = JsFuture::from(promise)
        .await
        .map_err(|e| transport_error(&e, signal, "connection dropped"))?;
    Ok(HttpResponse {
        status: raw.status(),
        redirected: false,
        location: headers.get("Location"),
        content_type: headers.get("Content-Type"),
        content_disposition: headers.get("Content-Disposition"),
        body: js_sys::Uint8Array::new(&buffer).to_vec(),
    })
}

/// A body received in chunks: kept as a `Blob` (the bytes never pass through WASM memory).
#[derive(Debug)]
pub struct StreamedBody {
    /// The file name from `Content-Disposition`, if any.
    pub file_name: Option<String>,
    /// The bytes received.
    pub blob: web_sys::Blob,
    /// How many bytes that is.
    pub size: u64,
}

/// Sends `req` and reads a successful answer chunk by chunk, calling `progress(received,
/// content_length)` after each one, so a caller can show real progress and cancel with
/// `signal`. A non-2xx answer is read whole and classified like any other call; a connection
/// that breaks mid-body or ends short of its `Content-Length` is a [`ApiError::Network`]; a
/// body that does not start with `magic` (say, an HTML or JSON page from a proxy instead of a
/// zip archive) is a [`ApiError::Decode`]. A server that does not start answering within
/// `deadline_ms` is [`ApiError::TimedOut`]; `None` waits for the first byte as long as it takes
/// (`download-backup` builds the whole archive before it sends a header: only `signal` ends
/// that wait). The body itself is not timed.
pub async fn fetch_streamed(
    req: HttpRequest,
    signal: Option<&AbortSignal>,
    deadline_ms: Option<u32>,
    magic: &[u8],
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<StreamedBody, ApiError> {
    let _busy = Busy::start();
    let (raw, joined) = fetch_in_time(&req, signal, deadline_ms).await?;
    let signal = joined.as_ref();
    let ok = (200..300).contains(&raw.status()) && raw.type_() != ResponseType::Opaqueredirect;
    if !ok {
        let whole = read_response(Response::from(raw), signal).await?;
        return Err(match crate::http::classify(whole) {
            Err(e) => e,
            Ok(r) => ApiError::Http {
                status: r.status,
                text: String::new(),
            },
        });
    }
    let headers = raw.headers();
    let total = headers
        .get("Content-Length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    let file_name = headers
        .get("Content-Disposition")
        .ok()
        .flatten()
        .and_then(|h| crate::http::parse_content_disposition_filename(&h));
    let Some(body) = raw.body() else {
        return Err(ApiError::Network("the answer had no body".to_string()));
    };
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|_| ApiError::Network("the body could not be read".to_string()))?;
    let chunks = js_sys::Array::new();
    let mut received = 0u64;
    let mut wrong_kind = false;
    progress(0, total);
    loop {
        let step = JsFuture::from(reader.read())
            .await
            .map_err(|e| transport_error(&e, signal, "connection dropped"))?;
        let done = js_sys::Reflect::get(&step, &JsValue::from_str("done"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&step, &JsValue::from_str("value"))
            .map_err(|_| ApiError::Network("unreadable chunk".to_string()))?;
        let chunk: js_sys::Uint8Array = value
            .dyn_into()
            .map_err(|_| ApiError::Network("unreadable chunk".to_string()))?;
        if received < magic.len() as u64 {
            let head = chunk.to_vec();
            let from = usize::try_from(received).unwrap_or(usize::MAX);
            let want = magic.get(from..).unwrap_or_default();
            let n = want.len().min(head.len());
            // Judged at the end: a connection that then breaks is reported as that.
            wrong_kind |= head.get(..n) != want.get(..n);
        }
        received += u64::from(chunk.length());
        chunks.push(&chunk);
        mark_activity();
        progress(received, total);
    }
    if let Some(total) = total.filter(|t| received < *t) {
        return Err(ApiError::Network(format!(
            "connection dropped after {received} of {total} bytes"
        )));
    }
    if wrong_kind || received < magic.len() as u64 {
        return Err(ApiError::Decode(
            "the answer is not the expected kind of file".to_string(),
        ));
    }
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&chunks, &options)
        .map_err(|e| ApiError::Network(js_text(&e, "could not assemble the download")))?;
    Ok(StreamedBody {
        file_name,
        blob,
        size: received,
    })
}

/// An abort (our signal fired, or the browser says `AbortError`) or a network failure.
fn transport_error(err: &JsValue, signal: Option<&AbortSignal>, what: &str) -> ApiError {
    let aborted = signal.is_some_and(AbortSignal::aborted) || js_field(err, "name") == "AbortError";
    if aborted {
        ApiError::Aborted
    } else {
        ApiError::Network(js_text(err, what))
    }
}

/// `"<what>: <message>"` from any thrown value.
fn js_text(err: &JsValue, what: &str) -> String {
    let message = js_field(err, "message");
    let message = if message.is_empty() {
        err.as_string().unwrap_or_default()
    } else {
        message
    };
    if message.is_empty() {
        what.to_string()
    } else {
        format!("{what}: {message}")
    }
}

fn js_field(value: &JsValue, key: &str) -> String {
    if !value.is_object() {
        return String::new();
    }
    js_sys::Reflect::get(value, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

// Leptos context needs `Send + Sync`: keep the transport (and a client over it) that way.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<BrowserTransport>();
    send_sync::<crate::Client<BrowserTransport>>();
};
