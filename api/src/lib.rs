//! Typed client of OsmAnd's `/mapapi/` HTTP API as used by the web Account panel.
//!
//! * [`error::ApiError`] — every failure the server (or the network) really produces.
//! * [`http`] — request/response values, the [`http::Transport`] trait and the one pure
//!   status-to-error mapping [`http::classify`].
//! * [`models`] — serde models with the server's exact field names.
//! * [`client::Client`] — one async method per endpoint, plus `build_*` request builders.
//! * [`mock::MockTransport`] — canned answers for tests; `browser::BrowserTransport` (wasm32
//!   only) — the browser's `fetch`.
#![warn(missing_docs)]

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod client;
pub mod error;
pub mod http;
pub mod mock;
pub mod models;

pub use client::Client;
pub use error::ApiError;
