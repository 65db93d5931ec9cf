//! Where keyboard focus goes when a view appears, and the clock views count down with.

use leptos::html::Input;
use leptos::prelude::*;

/// Focuses an input once it is in the DOM.
pub fn focus_when_shown(node: NodeRef<Input>) {
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let _ = el.focus();
        }
    });
}

/// Moves focus to the element with this id once the view is shown (a result heading, so screen
/// readers announce it).
pub fn focus_id_when_shown(id: &'static str) {
    Effect::new(move |_| crate::browser::focus_id(id));
}

/// Ticks `now` every second while the owner lives (resend countdowns).
pub fn run_clock(now: RwSignal<i64>) {
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(crate::browser::now_ms()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
}

/// Id of every panel's heading but the login form's (`tabindex="-1"`): where focus goes when
/// nothing closer is left (the login form's heading is found by its class).
pub const PANEL_HEADING_ID: &str = "panel-title";

/// Where focus goes when it was on a list row that went away or became unusable: the row with the
/// same key if it is still there (it may have moved), else the rows from the lost one's position
/// on (the next row took its place), else those before it, nearest first. `rows` are the
/// `(position, key)` of the rows shown; the answer lists indices into `rows`.
pub fn rescue_order(rows: &[(usize, String)], lost_pos: usize, lost_key: &str) -> Vec<usize> {
    let mut same: Vec<usize> = Vec::new();
    let mut after: Vec<(usize, usize)> = Vec::new();
    let mut before: Vec<(usize, usize)> = Vec::new();
    for (i, (pos, key)) in rows.iter().enumerate() {
        if key == lost_key {
            same.push(i);
        } else if *pos >= lost_pos {
            after.push((*pos, i));
        } else {
            before.push((*pos, i));
        }
    }
    after.sort_unstable();
    before.sort_unstable_by(|a, b| b.cmp(a));
    same.into_iter()
        .chain(after.into_iter().map(|(_, i)| i))
        .chain(before.into_iter().map(|(_, i)| i))
        .collect()
}

/// The one focus keeper, installed once by the shell: keyboard focus is never left on `<body>`.
/// When the focused element is removed or disabled (a row deleted, a button busy, a dialog
/// closed, a page replaced by the next one), focus moves to the nearest sensible place:
/// - inside a row list (`data-focus-list`, rows `data-focus-row="<pos>"` and `data-focus-key`):
///   the next usable row ([`rescue_order`]);
/// - inside an open dialog: its first usable control;
/// - else the panel's heading ([`PANEL_HEADING_ID`]).
///
/// Focus that the user moved to the page background (a click on empty space) is left alone:
/// only a focused element that is gone or unusable counts as lost. Views that know a better
/// place (a form's first field, a result's status) focus it themselves.
pub fn install_focus_keeper() {
    #[cfg(target_arch = "wasm32")]
    keeper::install();
}

#[cfg(target_arch = "wasm32")]
mod keeper {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, HtmlElement};

    /// Buttons, links and fields that can take focus.
    const USABLE: &str = "button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex=\"0\"]";

    /// The last focused element, and the list row it was in (list, position, key).
    #[derive(Clone)]
    struct Last {
        el: Element,
        row: Option<(Element, usize, String)>,
    }

    thread_local! {
        static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
    }

    pub fn install() {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let on_focusin = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            if let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                remember(el);
            }
        });
        let _ =
            doc.add_event_listener_with_callback("focusin", on_focusin.as_ref().unchecked_ref());
        on_focusin.forget();
        let on_change = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
            move |_: js_sys::Array, _: web_sys::MutationObserver| rescue(),
        );
        let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref())
        else {
            return;
        };
        on_change.forget();
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_attributes(true);
        // `open`: a dialog that closes hands focus back to its opener, which may be disabled by then.
        let filter = js_sys::Array::of3(
            &JsValue::from_str("disabled"),
            &JsValue::from_str("hidden"),
            &JsValue::from_str("open"),
        );
        init.set_attribute_filter(&filter);
        if let Some(body) = doc.body() {
            let _ = observer.observe_with_options(&body, &init);
        }
    }

    fn remember(el: Element) {
        let row = el
            .closest("[data-focus-row]")
            .ok()
            .flatten()
            .and_then(|row| {
                let list = row.closest("[data-focus-list]").ok().flatten()?;
                let pos = row.get_attribute("data-focus-row")?.parse().ok()?;
                let key = row.get_attribute("data-focus-key").unwrap_or_default();
                Some((list, pos, key))
            });
        LAST.with(|l| *l.borrow_mut() = Some(Last { el, row }));
    }

    /// Focus is on `<body>`, or still on an element that can no longer hold it (the browser
    /// moves it to `<body>` only when it next renders, after this check).
    fn is_lost(doc: &Document) -> bool {
        match (doc.active_element(), doc.body()) {
            (None, _) => true,
            (Some(a), Some(b)) => a.is_same_node(Some(&b)) || unusable(&a),
            (Some(a), None) => unusable(&a),
        }
    }

    fn unusable(el: &Element) -> bool {
        !el.is_connected()
            || el.matches(":disabled").unwrap_or(false)
            || el
                .closest("[hidden], dialog:not([open])")
                .ok()
                .flatten()
                .is_some()
    }

    fn focus(el: &Element) -> bool {
        if let Some(h) = el.dyn_ref::<HtmlElement>() {
            let _ = h.focus();
        }
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|a| a.is_same_node(Some(el)))
    }

    fn first_usable(scope: &Element) -> Option<Element> {
        scope.query_selector(USABLE).ok().flatten()
    }

    fn rescue() {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if !is_lost(&doc) {
            return;
        }
        let Some(last) = LAST.with(|l| l.borrow().clone()) else {
            return;
        };
        if !unusable(&last.el) {
            return;
        }
        if let Some((list, pos, key)) = last.row.filter(|(list, _, _)| list.is_connected()) {
            if let Ok(nodes) = list.query_selector_all("[data-focus-row]") {
                let rows: Vec<(Element, usize, String)> = (0..nodes.length())
                    .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
                    .filter_map(|r| {
                        let p = r.get_attribute("data-focus-row")?.parse().ok()?;
                        let k = r.get_attribute("data-focus-key").unwrap_or_default();
                        Some((r, p, k))
                    })
                    .collect();
                let keys: Vec<(usize, String)> =
                    rows.iter().map(|(_, p, k)| (*p, k.clone())).collect();
                for i in super::rescue_order(&keys, pos, &key) {
                    if let Some(target) = rows.get(i).and_then(|(r, _, _)| first_usable(r)) {
                        if focus(&target) {
                            return;
                        }
                    }
                }
            }
        }
        if let Ok(Some(dialog)) = doc.query_selector("dialog[open]") {
            let body = dialog.query_selector(".dialog__body").ok().flatten();
            let target = body
                .as_ref()
                .and_then(first_usable)
                .or_else(|| first_usable(&dialog));
            if let Some(t) = target {
                focus(&t);
            }
            return;
        }
        // The login form's heading carries the reference's own id (`se-login-menu-name`).
        let heading = doc
            .get_element_by_id(super::PANEL_HEADING_ID)
            .or_else(|| doc.query_selector("h1.panel__title").ok().flatten());
        if let Some(h) = heading {
            focus(&h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rescue_order;

    fn rows(list: &[(usize, &str)]) -> Vec<(usize, String)> {
        list.iter().map(|(p, k)| (*p, k.to_string())).collect()
    }

    #[test]
    fn focus_goes_to_the_same_row_else_the_next_else_the_one_before() {
        // Row "b" at 3 was deleted: the row now at 3 ("c") is next, then on, then back up.
        let shown = rows(&[(1, "a"), (3, "c"), (2, "x"), (4, "d")]);
        assert_eq!(rescue_order(&shown, 3, "b"), vec![1, 3, 2, 0]);
        // "c" moved from 4 to 3 (a row above it went): it is still first.
        assert_eq!(rescue_order(&shown, 4, "c"), vec![1, 3, 2, 0]);
        // The last row went: the ones before it, nearest first.
        assert_eq!(rescue_order(&shown, 9, "z"), vec![3, 1, 2, 0]);
        assert!(rescue_order(&[], 0, "a").is_empty());
    }
}
