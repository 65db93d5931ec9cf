//! osmand-account: the Account panel of the OsmAnd web map, as a Leptos CSR app.
//!
//! Areas live in their own folders (`auth/`, `account/`, …); shared pieces in `components/`.
//! Logic sits in plain functions next to the views so native `#[test]`s reach it.

pub mod account;
pub mod auth;
pub mod browser;
pub mod cloud;
pub mod components;
pub mod ctx;
pub mod danger;
pub mod errors;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod i18n;
pub mod nav;
pub mod purchases;
pub mod routes;
pub mod session;
pub mod shell;
pub mod sort;
pub mod task;

use leptos::prelude::*;

use crate::i18n::I18n;
use crate::session::Session;

/// The whole app: contexts (language, session, API client, address), shell.
#[component]
pub fn App() -> impl IntoView {
    let locale = I18n::detect();
    let i18n = I18n::new(locale);
    browser::set_document_lang(locale.code());
    provide_context(i18n);
    provide_context(Session::new());
    provide_context(ctx::browser_client());
    nav::provide_nav();
    view! {
        <shell::SessionKeeper/>
        <shell::Shell/>
    }
}
