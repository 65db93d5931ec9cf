//! The designers' gallery: every component in named states, from fixtures, with no server.
//! Built only with the `gallery` feature (`make gallery`); never part of the production bundle.
//!
//! Each state has a deep link: `?c=<component>&s=<state>&lang=<en|nl>&vp=<phone|desktop>`;
//! `&bare=1` hides the side list (screenshot tests use it, so adding a state changes no picture).

mod entries;

use leptos::prelude::*;

pub use entries::{entries, Entry};

use crate::i18n::{use_i18n, I18n, Locale};

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
    view! { <Gallery/> }
}

fn link(component: &str, state: &str, lang: &str, vp: &str) -> String {
    format!("?c={component}&s={state}&lang={lang}&vp={vp}")
}

#[component]
fn Gallery() -> impl IntoView {
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k));
    let lang = move || param("lang").unwrap_or_else(|| "en".into());
    let vp = move || param("vp").unwrap_or_else(|| "desktop".into());
    let bare = move || param("bare").as_deref() == Some("1");
    Effect::new(move |_| {
        if let Some(l) = Locale::from_code(&lang()) {
            if i18n.locale_untracked() != l {
                i18n.set(l);
            }
        }
    });
    let all = entries();
    let selected = move || {
        let c = param("c");
        let s = param("s");
        entries()
            .into_iter()
            .find(|e| Some(e.component) == c.as_deref() && Some(e.state) == s.as_deref())
            .or_else(|| entries().into_iter().next())
    };
    let nav_items = all
        .iter()
        .map(|e| {
            let (c, s) = (e.component, e.state);
            let current =
                move || param("c").as_deref() == Some(c) && param("s").as_deref() == Some(s);
            view! {
                <li>
                    <a
                        href=move || link(c, s, &lang(), &vp())
                        aria-current=move || current().then_some("page")
                        class="gallery__link"
                    >
                        <span class="gallery__component">{c}</span>" · "<span>{s}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="gallery" class:gallery--bare=bare>
            <nav class="gallery__nav" aria-label="Gallery states" hidden=bare>
                <h1 class="gallery__title">"Gallery"</h1>
                <div class="gallery__switches">
                    {Locale::ALL.into_iter().map(|l| view! {
                        <a
                            class="btn btn--small"
                            aria-current=move || (lang() == l.code()).then_some("true")
                            href=move || {
                                let e = selected();
                                link(e.as_ref().map(|e| e.component).unwrap_or_default(),
                                     e.as_ref().map(|e| e.state).unwrap_or_default(), l.code(), &vp())
                            }
                        >{l.native_name()}</a>
                    }).collect_view()}
                    {["phone", "desktop"].into_iter().map(|v| view! {
                        <a
                            class="btn btn--small"
                            aria-current=move || (vp() == v).then_some("true")
                            href=move || {
                                let e = selected();
                                link(e.as_ref().map(|e| e.component).unwrap_or_default(),
                                     e.as_ref().map(|e| e.state).unwrap_or_default(), &lang(), v)
                            }
                        >{v}</a>
                    }).collect_view()}
                </div>
                <ul class="gallery__list">{nav_items}</ul>
            </nav>
            <main class="gallery__stage">
                <h1 class="visually-hidden" hidden=move || !bare()>"Gallery"</h1>
                <div class=move || format!("gallery__frame gallery__frame--{}", vp()) id="gallery-frame"
                    data-state=move || selected().map(|e| format!("{}/{}", e.component, e.state))>
                    {move || selected().map(|e| (e.render)())}
                </div>
            </main>
        </div>
    }
}
