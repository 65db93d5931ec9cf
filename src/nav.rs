//! Client-side navigation: the address bar as two signals, `history.pushState` for moves, and
//! same-origin link clicks handled in place (no page load).
//!
//! The app has one view for every address and reads the path itself (`routes::Route`), so it
//! needs no general router; this small module keeps the bundle free of one.

use leptos::prelude::*;
use osmand_api::http::query_param;

/// The current address (path and query) and the way to move to another.
#[derive(Clone, Copy)]
pub struct Nav {
    path: RwSignal<String>,
    search: RwSignal<String>,
}

impl Nav {
    fn at(href: &str) -> Self {
        let (path, search) = split_href(href);
        Self {
            path: RwSignal::new(path.to_string()),
            search: RwSignal::new(search.to_string()),
        }
    }

    /// The path (`/map/account/`), tracked.
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// A query parameter, decoded; tracked.
    pub fn param(&self, key: &str) -> Option<String> {
        self.search.with(|s| query_param(s, key))
    }

    /// A query parameter, decoded; not tracked.
    pub fn param_untracked(&self, key: &str) -> Option<String> {
        self.search.with_untracked(|s| query_param(s, key))
    }

    /// Moves to `href` (a path with an optional query), as a new history entry.
    pub fn go(&self, href: &str) {
        self.move_to(href, false);
    }

    /// Moves to `href` in place of the current history entry.
    pub fn replace(&self, href: &str) {
        self.move_to(href, true);
    }

    fn move_to(&self, href: &str, replace: bool) {
        #[cfg(target_arch = "wasm32")]
        {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let state = wasm_bindgen::JsValue::NULL;
                let _ = if replace {
                    history.replace_state_with_url(&state, "", Some(href))
                } else {
                    history.push_state_with_url(&state, "", Some(href))
                };
            }
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = replace;
        self.show(href);
    }

    /// Updates the signals to `href` (only those that changed, so nothing re-runs needlessly).
    fn show(&self, href: &str) {
        let (path, search) = split_href(href);
        if self.path.with_untracked(|p| p != path) {
            self.path.set(path.to_string());
        }
        if self.search.with_untracked(|s| s != search) {
            self.search.set(search.to_string());
        }
    }
}

/// Puts a [`Nav`] for the browser's address in context, following Back/Forward and handling
/// same-origin link clicks in place.
pub fn provide_nav() -> Nav {
    let nav = Nav::at(&crate::browser::current_path());
    provide_context(nav);
    #[cfg(target_arch = "wasm32")]
    listen(nav);
    nav
}

/// The [`Nav`] in context (a detached one at `/` outside the app, e.g. in a native test).
pub fn use_nav() -> Nav {
    use_context::<Nav>().unwrap_or_else(|| Nav::at("/"))
}

#[cfg(target_arch = "wasm32")]
fn listen(nav: Nav) {
    use wasm_bindgen::JsCast;
    // The listeners live as long as the page.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        nav.show(&crate::browser::current_path());
    });
    let click = window_event_listener(leptos::ev::click, move |ev: web_sys::MouseEvent| {
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let Ok(url) = web_sys::Url::new(&a.href()) else {
            return;
        };
        let here = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let click = LinkClick {
            default_prevented: ev.default_prevented(),
            button: ev.button(),
            modifier: ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key(),
            download: a.has_attribute("download"),
            target: a.get_attribute("target"),
            external: a
                .get_attribute("rel")
                .is_some_and(|r| r.split_whitespace().any(|w| w == "external")),
            same_origin: url.origin() == here,
        };
        if click.stays_in_app() {
            ev.prevent_default();
            nav.go(&format!("{}{}{}", url.pathname(), url.search(), url.hash()));
        }
    });
    std::mem::forget(popstate);
    std::mem::forget(click);
}

/// What matters about a click on a link, to decide whether the app moves in place.
#[derive(Debug, Clone, Default)]
pub struct LinkClick {
    pub default_prevented: bool,
    /// 0 is the main button.
    pub button: i16,
    /// Ctrl, Meta, Shift or Alt held: the user asks for a new tab, window or a download.
    pub modifier: bool,
    pub download: bool,
    pub target: Option<String>,
    /// `rel="external"`.
    pub external: bool,
    pub same_origin: bool,
}

impl LinkClick {
    /// Whether the app handles the click itself instead of letting the browser load the page.
    pub fn stays_in_app(&self) -> bool {
        !self.default_prevented
            && self.button == 0
            && !self.modifier
            && !self.download
            && self
                .target
                .as_deref()
                .is_none_or(|t| t.is_empty() || t == "_self")
            && !self.external
            && self.same_origin
    }
}

/// Splits `/a/b?x=1#h` into the path and the query with its `?` (`"/a/b"`, `"?x=1"`); the
/// fragment is dropped.
pub fn split_href(href: &str) -> (&str, &str) {
    let href = href.split_once('#').map_or(href, |(h, _)| h);
    match href.find('?') {
        Some(i) => href.split_at(i),
        None => (href, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_split_into_path_and_query() {
        assert_eq!(split_href("/map/account/"), ("/map/account/", ""));
        assert_eq!(
            split_href("/map/account/login?redirect=%2Fmap"),
            ("/map/account/login", "?redirect=%2Fmap")
        );
        assert_eq!(split_href("/map/?a=1#top"), ("/map/", "?a=1"));
        assert_eq!(split_href("/map/#x?y"), ("/map/", ""));
        assert_eq!(split_href(""), ("", ""));
    }

    #[test]
    fn query_params_are_found_and_decoded() {
        let owner = Owner::new();
        owner.with(|| {
            let param = |href: &str, key: &str| Nav::at(href).param_untracked(key);
            let q = "/map/?redirect=%2Fmap%2Faccount%2Fcloud%3Fx%3D1&missing=sub9&flag&e=a+b";
            assert_eq!(
                param(q, "redirect").as_deref(),
                Some("/map/account/cloud?x=1")
            );
            assert_eq!(param(q, "missing").as_deref(), Some("sub9"));
            assert_eq!(param(q, "flag").as_deref(), Some(""));
            assert_eq!(param(q, "e").as_deref(), Some("a b"));
            assert_eq!(param(q, "nope"), None);
            assert_eq!(param("/map/", "redirect"), None);
            // The first one wins; names are decoded too.
            assert_eq!(param("/map/?a=1&a=2", "a").as_deref(), Some("1"));
            assert_eq!(
                param("/map/?r%65direct=x", "redirect").as_deref(),
                Some("x")
            );
            // Not UTF-8 once decoded: absent.
            assert_eq!(param("/map/?redirect=%FF", "redirect"), None);
        });
    }

    #[test]
    fn only_plain_same_origin_clicks_stay_in_the_app() {
        let plain = LinkClick {
            same_origin: true,
            ..LinkClick::default()
        };
        assert!(plain.stays_in_app());
        let self_target = LinkClick {
            target: Some("_self".into()),
            ..plain.clone()
        };
        assert!(self_target.stays_in_app());
        let refused = [
            LinkClick {
                same_origin: false,
                ..plain.clone()
            },
            LinkClick {
                default_prevented: true,
                ..plain.clone()
            },
            LinkClick {
                button: 1,
                ..plain.clone()
            },
            LinkClick {
                modifier: true,
                ..plain.clone()
            },
            LinkClick {
                download: true,
                ..plain.clone()
            },
            LinkClick {
                target: Some("_blank".into()),
                ..plain.clone()
            },
            LinkClick {
                external: true,
                ..plain.clone()
            },
        ];
        for click in refused {
            assert!(!click.stays_in_app(), "{click:?}");
        }
    }

    #[test]
    fn moving_updates_the_signals_only_when_they_change() {
        let owner = Owner::new();
        owner.with(|| {
            let nav = Nav::at("/map/account/login?redirect=%2Fmap%2Faccount%2Fcloud");
            assert_eq!(nav.path(), "/map/account/login");
            assert_eq!(
                nav.param_untracked("redirect").as_deref(),
                Some("/map/account/cloud")
            );
            nav.go("/map/account/cloud");
            assert_eq!(nav.path(), "/map/account/cloud");
            assert_eq!(nav.param("redirect"), None);
            nav.replace("/map/account/purchases?missing=x");
            assert_eq!(nav.path(), "/map/account/purchases");
            assert_eq!(nav.param("missing").as_deref(), Some("x"));
        });
    }
}
