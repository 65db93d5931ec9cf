//! The ⋮ action menu: a button that opens a list of actions. Keyboard: Enter/Space/ArrowDown open
//! it on the first item, arrows move, Escape closes and returns focus to the button, Tab leaves.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::icons::IconMore;

/// One entry of the menu.
#[derive(Clone)]
pub struct MenuItem {
    /// Element id (the reference's Selenium ids, e.g. `se-trash-actions-restore`).
    pub id: String,
    pub label: Signal<String>,
    pub disabled: Signal<bool>,
    pub on_select: Callback<()>,
}

/// Moves focus inside the open menu by `delta` (wrapping), skipping disabled items.
fn focus_item(menu_id: &str, delta: i32, from_start: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(items) = doc.query_selector_all(&format!("#{menu_id} [role=menuitem]:not([disabled])"))
    else {
        return;
    };
    let n = items.length() as i32;
    if n == 0 {
        return;
    }
    let active = doc.active_element();
    let mut current = -1;
    for i in 0..n {
        if let (Some(node), Some(a)) = (items.item(i as u32), active.as_ref()) {
            let a: &web_sys::Node = a.as_ref();
            if node.is_same_node(Some(a)) {
                current = i;
            }
        }
    }
    let next = if from_start || current < 0 {
        if delta >= 0 {
            0
        } else {
            n - 1
        }
    } else {
        (current + delta).rem_euclid(n)
    };
    if let Some(el) = items
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The ⋮ button and its menu.
#[component]
pub fn ActionMenu(
    /// Base id: the button is `<id>`, the menu `<id>-menu`.
    #[prop(into)]
    id: String,
    /// Accessible name of the button ("Actions for <file>").
    #[prop(into)]
    label: Signal<String>,
    items: Vec<MenuItem>,
    /// The whole menu is unavailable (e.g. while its row's action runs).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The menu's id (default `<id>-menu`). Rows of a list may share one (the reference's
    /// `se-trash-actions`): the menu is in the page only while open, so it stays unique.
    #[prop(optional)]
    menu_id: &'static str,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let menu_id = if menu_id.is_empty() {
        format!("{id}-menu")
    } else {
        menu_id.to_string()
    };
    let button_ref = NodeRef::<leptos::html::Button>::new();
    let root_ref = NodeRef::<leptos::html::Div>::new();
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    // Where focus goes once the opened list is in the page: the first item (1) or the last (-1).
    // It moves as soon as the list is mounted, in the same turn as the key or click that opened
    // it, so a key pressed right after (End, ArrowDown) already reaches the menu; waiting for
    // the next frame let such keys land on the button.
    let first_focus = StoredValue::new(None::<i32>);

    // A click anywhere else closes it.
    let handle = window_event_listener(ev::click, move |e| {
        if !open.get_untracked() {
            return;
        }
        let inside = match (root_ref.get_untracked(), e.target()) {
            (Some(root), Some(t)) => t
                .dyn_ref::<web_sys::Node>()
                .is_some_and(|n| root.contains(Some(n))),
            _ => false,
        };
        if !inside {
            open.set(false);
        }
    });
    on_cleanup(move || handle.remove());

    let close_and_refocus = move || {
        open.set(false);
        if let Some(b) = button_ref.get_untracked() {
            let _ = b.focus();
        }
    };
    let mid = menu_id.clone();
    Effect::new(move |_| {
        if list_ref.get().is_some() {
            if let Some(delta) = first_focus.try_update_value(Option::take).flatten() {
                focus_item(&mid, delta, true);
            }
        }
    });
    let open_on = move |delta: i32| {
        first_focus.set_value(Some(delta));
        open.set(true);
    };
    let on_button_key = move |e: ev::KeyboardEvent| {
        if matches!(e.key().as_str(), "ArrowDown" | "ArrowUp") {
            e.prevent_default();
            open_on(if e.key() == "ArrowUp" { -1 } else { 1 });
        }
    };
    let mid = menu_id.clone();
    let on_menu_key = move |e: ev::KeyboardEvent| match e.key().as_str() {
        "ArrowDown" => {
            e.prevent_default();
            focus_item(&mid, 1, false);
        }
        "ArrowUp" => {
            e.prevent_default();
            focus_item(&mid, -1, false);
        }
        "Home" => {
            e.prevent_default();
            focus_item(&mid, 1, true);
        }
        "End" => {
            e.prevent_default();
            focus_item(&mid, -1, true);
        }
        "Escape" => {
            e.prevent_default();
            e.stop_propagation();
            close_and_refocus();
        }
        "Tab" => open.set(false),
        _ => {}
    };
    let items = StoredValue::new(items);
    let rows = move || {
        items
            .get_value()
            .into_iter()
            .map(|item| {
                let on_select = item.on_select;
                view! {
                    <li role="none">
                        <button
                            type="button"
                            role="menuitem"
                            class="menu__item"
                            id=item.id
                            tabindex="-1"
                            disabled=move || item.disabled.get()
                            on:click=move |_| {
                                close_and_refocus();
                                on_select.run(());
                            }
                        >
                            {move || item.label.get()}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let list_id = menu_id.clone();
    view! {
        <div class="menu" node_ref=root_ref>
            <button
                type="button"
                class="icon-btn"
                id=id
                node_ref=button_ref
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=menu_id.clone()
                aria-label=move || label.get()
                disabled=move || disabled.get()
                on:click=move |_| {
                    if open.get_untracked() {
                        open.set(false);
                    } else {
                        open_on(1);
                    }
                }
                on:keydown=on_button_key
            >
                <IconMore/>
            </button>
            <Show when=move || open.get()>
                <ul class="menu__list" role="menu" id=list_id.clone() node_ref=list_ref aria-label=move || label.get() on:keydown=on_menu_key.clone()>
                    {rows()}
                </ul>
            </Show>
        </div>
    }
}
