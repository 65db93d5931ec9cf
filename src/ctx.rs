//! The API client the views use, provided as context. In the browser it talks to `/mapapi/` on the
//! same origin; tests and the gallery can plug in a [`MockTransport`] instead.

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

/// The client from context (falls back to a client with an empty mock, which answers every call
/// with a network error, so a component rendered alone cannot reach a real server).
pub fn use_api() -> ApiClient {
    use_context::<ApiClient>()
        .unwrap_or_else(|| Client::new(AppTransport::Mock(MockTransport::default())))
}
