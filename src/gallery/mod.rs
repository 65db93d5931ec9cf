//! The designers' gallery: every component in named states, from fixtures, with no server.
//! Built only with the `gallery` feature (`make gallery`); never part of the production bundle
//! (its styles are `style/gallery.css`, linked only from `gallery.html`).
//!
//! The side list groups the states by area and component (collapsible, arrow keys move between
//! its entries) and filters them as you type; a component's *sheet* shows all its states side by
//! side; a second language can sit beside the first; the frame takes a preset or a free width.
//! The URL keeps all of it ([`catalog::GalleryView`]): `?c=<component>&s=<state>` or
//! `?sheet=<component>`, `&lang=`, `&lang2=`, `&vp=phone|tablet|desktop` or `&w=<px>`, `&q=`,
//! and `&bare=1` (no side list: the screenshot tests use it, so adding a state changes no picture).

pub mod catalog;
mod entries;
mod shell;

use leptos::prelude::*;

pub use catalog::Note;
pub use entries::{entries, Entry};

use crate::i18n::{I18n, Locale};

/// The gallery page: the app's contexts with a server that answers nothing (every state is
/// prepared data), and the router for the deep links.
#[component]
pub fn GalleryApp() -> impl IntoView {
    provide_context(I18n::new(Locale::En));
    provide_context(crate::ctx::mock_client(
        osmand_api::mock::MockTransport::default(),
    ));
    view! {
        <leptos_router::components::Router>
            <GallerySession/>
        </leptos_router::components::Router>
    }
}

#[component]
fn GallerySession() -> impl IntoView {
    crate::session::provide_session();
    view! { <shell::Gallery/> }
}
