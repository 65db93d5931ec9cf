//! The API client the views use, provided as context. In the browser it talks to `/mapapi/` on the
//! same origin; tests and the gallery provide a client over a [`MockTransport`] instead.

use leptos::prelude::*;
use osmand_api::client::Client;
use osmand_api::error::ApiError;
use osmand_api::http::{HttpRequest, HttpResponse, Transport};
use osmand_api::mock::MockTransport;

/// The transport behind the app's client.
#[derive(Clone)]
pub enum AppTransport {
    /// Real requests with the browser's `fetch`.
    #[cfg(target_arch = "wasm32")]
    Browser(osmand_api::browser::BrowserTransport),
    /// Canned answers (tests, gallery).
    Mock(MockTransport),
}

impl Transport for AppTransport {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        match self {
            #[cfg(target_arch = "wasm32")]
            AppTransport::Browser(t) => t.send(req).await,
            AppTransport::Mock(t) => t.send(req).await,
        }
    }
}

/// The client type every view uses.
pub type ApiClient = Client<AppTransport>;

/// The client for the real server (a mock one on native targets, where there is no `fetch`).
pub fn browser_client() -> ApiClient {
    #[cfg(target_arch = "wasm32")]
    {
        Client::new(AppTransport::Browser(
            osmand_api::browser::BrowserTransport::default(),
        ))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Client::new(AppTransport::Mock(MockTransport::default()))
    }
}

/// A client over canned answers (tests, the gallery).
pub fn mock_client(mock: MockTransport) -> ApiClient {
    Client::new(AppTransport::Mock(mock))
}

/// The client from context. There is always one: the app, the gallery and the tests provide
/// theirs; a component rendered without one is a bug and says so (no silent stand-in).
pub fn use_api() -> ApiClient {
    expect_context::<ApiClient>()
}

/// Cancels one call's request ([`crate::call::Call`] makes one per run). Natively a no-op.
#[derive(Clone)]
pub struct Abort {
    #[cfg(target_arch = "wasm32")]
    controller: Option<web_sys::AbortController>,
}

impl Abort {
    pub fn new() -> Self {
        Abort {
            #[cfg(target_arch = "wasm32")]
            controller: web_sys::AbortController::new().ok(),
        }
    }

    /// Aborts the request (its answer becomes [`ApiError::Aborted`]).
    pub fn abort(&self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(c) = &self.controller {
            c.abort();
        }
    }

    /// The signal to hand to `fetch`.
    #[cfg(target_arch = "wasm32")]
    pub fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller
            .as_ref()
            .map(web_sys::AbortController::signal)
    }
}

impl Default for Abort {
    fn default() -> Self {
        Self::new()
    }
}

/// Clients for one run of a call.
pub trait WithAbort {
    /// The same client whose requests `abort` cancels.
    fn with_abort(&self, abort: &Abort) -> Self;
}

impl WithAbort for ApiClient {
    fn with_abort(&self, abort: &Abort) -> Self {
        match self.transport() {
            #[cfg(target_arch = "wasm32")]
            AppTransport::Browser(t) => match abort.signal() {
                Some(signal) => Client::new(AppTransport::Browser(t.clone().with_signal(signal))),
                None => self.clone(),
            },
            AppTransport::Mock(_) => {
                let _ = abort;
                self.clone()
            }
        }
    }
}
