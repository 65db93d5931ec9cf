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
pub mod purchases;
pub mod routes;
pub mod session;
pub mod shell;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::i18n::I18n;
use crate::session::Session;

/// The whole app: contexts, router, shell.
#[component]
pub fn App() -> impl IntoView {
    let locale = I18n::detect();
    let i18n = I18n::new(locale);
    browser::set_document_lang(locale.code());
    provide_context(i18n);
    provide_context(Session::new());
    provide_context(ctx::browser_client());
    view! {
        <Router>
            <shell::SessionKeeper/>
            // One route: the shell parses the path itself (`routes::Route`). The router is still
            // needed so navigations update the address bar.
            <FlatRoutes fallback=shell::Shell>
                <Route path=path!("/map/*any") view=shell::Shell/>
            </FlatRoutes>
        </Router>
    }
}
