//! A scripted [`Transport`] for tests and the gallery.

use crate::error::ApiError;
use crate::http::{HttpRequest, HttpResponse, Transport};
use std::collections::VecDeque;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// Computes an answer for a request that found no queued answer.
pub type Responder = dyn Fn(&HttpRequest) -> Result<HttpResponse, ApiError> + Send + Sync;

/// Records every request and answers with queued responses (first in, first out), then with
/// the fallback [`Responder`] if one is set, else with [`ApiError::Network`].
///
/// Clones share the same queue and log. `Send + Sync`, so a client built on it can live in
/// Leptos context.
#[derive(Clone, Default)]
pub struct MockTransport {
    inner: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    queue: VecDeque<Result<HttpResponse, ApiError>>,
    requests: Vec<HttpRequest>,
    fallback: Option<Arc<Responder>>,
}

impl MockTransport {
    /// An empty mock: every call fails with a network error until answers are queued.
    pub fn new() -> Self {
        Self::default()
    }

    /// A mock that answers every request with `responder` (queued answers still go first).
    pub fn with_responder(
        responder: impl Fn(&HttpRequest) -> Result<HttpResponse, ApiError> + Send + Sync + 'static,
    ) -> Self {
        let mock = Self::new();
        mock.state().fallback = Some(Arc::new(responder));
        mock
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Queues an answer (or a transport error).
    pub fn push(&self, answer: Result<HttpResponse, ApiError>) -> &Self {
        self.state().queue.push_back(answer);
        self
    }

    /// Queues a response.
    pub fn push_response(&self, resp: HttpResponse) -> &Self {
        self.push(Ok(resp))
    }

    /// Queues a JSON response.
    pub fn push_json(&self, status: u16, body: &str) -> &Self {
        self.push(Ok(HttpResponse::json(status, body)))
    }

    /// Queues a plain-text response.
    pub fn push_text(&self, status: u16, body: &str) -> &Self {
        self.push(Ok(HttpResponse::text(status, body)))
    }

    /// Queues `200 {"status":"ok"}`.
    pub fn push_ok(&self) -> &Self {
        self.push(Ok(HttpResponse::ok()))
    }

    /// Queues a transport error (e.g. [`ApiError::Network`], [`ApiError::Aborted`]).
    pub fn push_error(&self, err: ApiError) -> &Self {
        self.push(Err(err))
    }

    /// Every request sent so far, oldest first.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.state().requests.clone()
    }

    /// The newest request sent.
    pub fn last_request(&self) -> Option<HttpRequest> {
        self.state().requests.last().cloned()
    }

    /// Number of queued answers not used yet.
    pub fn pending(&self) -> usize {
        self.state().queue.len()
    }

    /// Forgets queued answers and recorded requests (keeps the responder).
    pub fn clear(&self) {
        let mut state = self.state();
        state.queue.clear();
        state.requests.clear();
    }
}

impl Transport for MockTransport {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        let (queued, fallback) = {
            let mut state = self.state();
            state.requests.push(req.clone());
            (state.queue.pop_front(), state.fallback.clone())
        };
        match (queued, fallback) {
            (Some(answer), _) => answer,
            (None, Some(responder)) => responder(&req),
            (None, None) => Err(ApiError::Network(format!(
                "mock: no answer queued for {} {}",
                req.method.as_str(),
                req.url
            ))),
        }
    }
}

impl fmt::Debug for MockTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.state();
        f.debug_struct("MockTransport")
            .field("queued", &state.queue.len())
            .field("requests", &state.requests.len())
            .field("responder", &state.fallback.is_some())
            .finish()
    }
}

// Leptos context needs `Send + Sync`: keep the mock (and a client over it) that way.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<MockTransport>();
    send_sync::<crate::Client<MockTransport>>();
};
