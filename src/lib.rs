//! osmand-account: the Account panel of the OsmAnd web map, as a Leptos CSR app.
//!
//! Areas live in their own folders (`auth/`, `account/`, …); shared pieces in `components/`.
//! Logic sits in plain functions next to the views so native `#[test]`s reach it.

pub mod account;
pub mod auth;
pub mod browser;
pub mod call;
pub mod components;
pub mod ctx;
pub mod danger;
pub mod errors;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod i18n;
pub mod purchases;
pub mod routes;
pub mod session;
pub mod settings;
pub mod shell;
pub mod sort;

use leptos::prelude::*;

use crate::i18n::{I18n, Locale};

/// The whole app: language and API client, then the router with the session and the frame.
#[component]
pub fn App(
    /// The language to show, as [`I18n::detect`] found it; `main` has loaded its texts first.
    locale: Locale,
) -> impl IntoView {
    let i18n = I18n::start(locale);
    let locale = i18n.locale_untracked();
    browser::set_document_lang(locale.code(), locale.dir());
    provide_context(i18n);
    provide_context(ctx::browser_client());
    view! { <shell::AppRouter/> }
}
