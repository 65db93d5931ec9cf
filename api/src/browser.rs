//! The browser transport: `fetch` on the same origin with the session cookie and without
//! following redirects (a Spring 302 becomes an `opaqueredirect`).

use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse, Transport};
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
}

/// `fetch` with `credentials: include` and `redirect: manual`, optionally cancellable.
///
/// `Send + Sync` (the optional signal sits in a [`SendWrapper`]; wasm32 has one thread), so a
/// client built on it can be put in Leptos context.
#[derive(Clone, Default)]
pub struct BrowserTransport {
    abort: Option<SendWrapper<AbortSignal>>,
}

impl std::fmt::Debug for BrowserTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BrowserTransport")
            .field("abortable", &self.abort.is_some())
            .finish()
    }
}

impl BrowserTransport {
    /// A transport whose requests are all cancelled by `signal`.
    pub fn with_abort(signal: AbortSignal) -> Self {
        BrowserTransport {
            abort: Some(SendWrapper::new(signal)),
        }
    }

    /// Sends one request with its own optional abort signal (overrides the transport's).
    pub async fn send_with_abort(
        &self,
        req: HttpRequest,
        signal: Option<&AbortSignal>,
    ) -> Result<HttpResponse, ApiError> {
        let signal = signal.or(self.abort.as_deref());
        let request = build_request(&req, signal)?;
        let raw = JsFuture::from(fetch_with_request(&request))
            .await
            .map_err(|e| transport_error(&e, signal, "fetch failed"))?;
        let raw: web_sys::Response = raw
            .dyn_into()
            .map_err(|_| ApiError::Network("fetch returned no Response".to_string()))?;
        read_response(Response::from(raw), signal).await
    }
}

impl Transport for BrowserTransport {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        self.send_with_abort(req, None).await
    }
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
    init.set_credentials(RequestCredentials::Include);
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
/// zip archive) is a [`ApiError::Decode`].
pub async fn fetch_streamed(
    req: HttpRequest,
    signal: Option<&AbortSignal>,
    magic: &[u8],
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<StreamedBody, ApiError> {
    let request = build_request(&req, signal)?;
    let raw = JsFuture::from(fetch_with_request(&request))
        .await
        .map_err(|e| transport_error(&e, signal, "fetch failed"))?;
    let raw: web_sys::Response = raw
        .dyn_into()
        .map_err(|_| ApiError::Network("fetch returned no Response".to_string()))?;
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
